import { didYouMean } from "../diagnostics/suggest";
import { IDENTIFIERS, MILESTONE_PATTERN, ONE_LINE_PATTERN, PROPERTY_TYPES, TIERS, type PropertyType } from "../validate/vocabulary";
import type { GivenFields, PropertyField } from "./definition-fields";

/** `sit new`'s field flags as commander hands them over. */
export interface FieldFlags {
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

/** The fields the flags give, or what is wrong with them (every problem, one message each). */
export function parseFieldFlags(flags: FieldFlags, trackers: TrackerChoices): { given: GivenFields; errors: string[] } {
  const given: GivenFields = {};
  const errors: string[] = [];
  const text = (flag: string, value: string | undefined): string | undefined => {
    if (value === undefined) return undefined;
    if (value.trim() === "") errors.push(`${flag} must not be empty`);
    return value.trim();
  };

  const description = text("--description", flags.description);
  if (description !== undefined) given.description = description;
  const productGroup = text("--product-group", flags.productGroup);
  if (productGroup !== undefined && !ONE_LINE_PATTERN.test(productGroup)) errors.push("--product-group must be one line");
  if (productGroup !== undefined) given.productGroup = productGroup;

  if (flags.identifiers !== undefined) given.identifiers = parseList("--identifiers", flags.identifiers, IDENTIFIERS, errors);
  if (flags.tiers !== undefined) {
    given.tiers = parseList("--tiers", flags.tiers, TIERS, errors);
    if (given.tiers.length === 0) errors.push(`--tiers needs at least one of ${TIERS.join(", ")}`);
  }

  if (flags.property !== undefined) {
    const properties: PropertyField[] = [];
    for (const flag of flags.property) {
      const parsed = parsePropertyFlag(flag);
      if (typeof parsed === "string") errors.push(parsed);
      else if (properties.some((property) => property.name === parsed.name)) errors.push(`--property "${parsed.name}" is given twice`);
      else properties.push(parsed);
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
  return { given, errors };
}

/**
 * `name:description[:type]`: the name ends at the first colon, a trailing `:string`, `:integer`,
 * `:number` or `:boolean` is the type, and the description is what lies between (colons included).
 */
export function parsePropertyFlag(flag: string): PropertyField | string {
  const colon = flag.indexOf(":");
  if (colon < 0) return `--property "${flag}" needs a description: name:description or name:description:type`;
  const name = flag.slice(0, colon).trim();
  const rest = flag.slice(colon + 1);
  const typeSuffix = new RegExp(`:(${PROPERTY_TYPES.join("|")})$`).exec(rest);
  const description = (typeSuffix === null ? rest : rest.slice(0, typeSuffix.index)).trim();
  if (name === "") return `--property "${flag}" needs a name before the first colon`;
  if (description === "") return `--property "${flag}" needs a description after the name`;
  return typeSuffix === null ? { name, description } : { name, description, type: typeSuffix[1] as PropertyType };
}

function parseList<Word extends string>(flag: string, value: string, allowed: readonly Word[], errors: string[]): Word[] {
  const words: Word[] = [];
  for (const word of value.split(",").map((part) => part.trim())) {
    if (word === "") continue;
    if (!(allowed as readonly string[]).includes(word)) {
      const hint = didYouMean(word, allowed);
      errors.push(`${flag}: "${word}" is not one of ${allowed.join(", ")}${hint === undefined ? "" : ` (${hint})`}`);
    } else if (words.includes(word as Word)) {
      errors.push(`${flag}: "${word}" is listed twice`);
    } else {
      words.push(word as Word);
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
