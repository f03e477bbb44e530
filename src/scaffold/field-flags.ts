import type { Diagnostic } from "../diagnostics/diagnostic";
import { didYouMean } from "../diagnostics/suggest";
import { MILESTONE_PATTERN, ONE_LINE_PATTERN, type Vocabulary } from "../validate/vocabulary";
import type { GivenFields, PropertyField } from "./definition-fields";
import { parsePropertyFlag } from "./property-flag";

/** `sit new`'s field flags as commander hands them over. */
export interface FieldFlags {
  readonly functionName?: string;
  readonly description?: string;
  readonly identifiers?: string;
  readonly property?: readonly string[];
  readonly productGroup?: string;
  readonly milestone?: string;
  readonly url?: string;
  readonly tiers?: string;
  readonly tracker?: readonly string[];
}

/** The tracking classes a definition may name as extra trackers, and the ones it must not. */
export interface TrackerChoices {
  /** Configured classes that are not default processors. */
  readonly extra: readonly string[];
  readonly defaults: readonly string[];
}

/**
 * The fields the flags give, or what is wrong with them (every problem, one message each; those
 * in a property's YAML as diagnostics at their place in it). Identifiers and tiers are the
 * project's (`vocabulary`).
 */
export function parseFieldFlags(
  flags: FieldFlags,
  vocabulary: Pick<Vocabulary, "identifiers" | "tiers">,
  trackers: TrackerChoices,
): { given: GivenFields; errors: string[]; diagnostics: Diagnostic[] } {
  const given: GivenFields = {};
  const errors: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const text = (flag: string, value: string | undefined): string | undefined => {
    if (value === undefined) return undefined;
    if (value.trim() === "") errors.push(`${flag} must not be empty`);
    return value.trim();
  };

  // Checked with the whole definition, where the rules and the other events' names are known.
  const functionName = text("--function-name", flags.functionName);
  if (functionName !== undefined) given.functionName = functionName;
  const description = text("--description", flags.description);
  if (description !== undefined) given.description = description;
  const productGroup = text("--product-group", flags.productGroup);
  if (productGroup !== undefined && !ONE_LINE_PATTERN.test(productGroup)) errors.push("--product-group must be one line");
  if (productGroup !== undefined) given.productGroup = productGroup;

  if (flags.identifiers !== undefined) given.identifiers = parseList("--identifiers", flags.identifiers, vocabulary.identifiers, errors);
  if (flags.tiers !== undefined) {
    given.tiers = parseList("--tiers", flags.tiers, vocabulary.tiers, errors);
    if (given.tiers.length === 0) errors.push(`--tiers needs at least one of ${vocabulary.tiers.join(", ")}`);
  }

  if (flags.property !== undefined) {
    const properties: PropertyField[] = [];
    for (const flag of flags.property) {
      const parsed = parsePropertyFlag(flag);
      if (!parsed.ok) {
        errors.push(...parsed.problems);
        diagnostics.push(...parsed.diagnostics);
        continue;
      }
      for (const property of parsed.properties) {
        if (properties.some((other) => other.name === property.name)) errors.push(`--property "${property.name}" is given twice`);
        else properties.push(property);
      }
    }
    given.properties = properties;
  }

  if (flags.milestone !== undefined) {
    const milestone = flags.milestone.trim();
    if (milestone !== "" && !MILESTONE_PATTERN.test(milestone)) errors.push(`--milestone "${milestone}" must look like 18.0 (or be empty for none)`);
    given.milestone = milestone === "" ? null : milestone;
  }
  if (flags.url !== undefined) given.introducedByUrl = flags.url.trim() === "" ? null : flags.url.trim();

  if (flags.tracker !== undefined) {
    const classes: string[] = [];
    for (const className of flags.tracker) {
      if (classes.includes(className)) {
        errors.push(`--tracker ${className} is given twice`);
        continue;
      }
      const problem = trackerProblem(className, trackers);
      if (problem !== undefined) errors.push(problem);
      classes.push(className);
    }
    given.trackers = classes;
  }
  return { given, errors, diagnostics };
}

function parseList(flag: string, value: string, allowed: readonly string[], errors: string[]): string[] {
  const words: string[] = [];
  for (const word of value.split(",").map((part) => part.trim())) {
    if (word === "") continue;
    if (!allowed.includes(word)) {
      const hint = didYouMean(word, allowed);
      errors.push(`${flag}: "${word}" is not one of ${allowed.join(", ")}${hint === undefined ? "" : ` (${hint})`}`);
    } else if (words.includes(word)) {
      errors.push(`${flag}: "${word}" is listed twice`);
    } else {
      words.push(word);
    }
  }
  return words;
}

function trackerProblem(className: string, trackers: TrackerChoices): string | undefined {
  if (trackers.defaults.includes(className)) return `--tracker ${className}: it is a default processor, which already receives every event`;
  if (trackers.extra.includes(className)) return undefined;
  const known = trackers.extra.length === 0 ? "the config has none besides its default processors" : `known: ${trackers.extra.join(", ")}`;
  const hint = didYouMean(className, trackers.extra);
  return `--tracker ${className}: not a tracking class configured in processors (${known})${hint === undefined ? "" : `; ${hint}`}`;
}
