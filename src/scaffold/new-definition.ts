import { existsSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { ResolvedConfig } from "../config/validate-config";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { readInputs } from "../pipeline/read-inputs";
import { runPipeline } from "../pipeline/run-pipeline";
import type { ValidDefinition } from "../validate/validate-definition";
import { didYouMean } from "../diagnostics/suggest";
import { CONTROL_CHARACTER } from "../text/control-character";
import { ACTION_PATTERN, PROTOTYPE_TRAPS, type Vocabulary } from "../validate/vocabulary";
import { checkNewDefinition, type DefinitionTarget } from "./check-new-definition";
import { createFile } from "../files/atomic-write";
import { definitionFileStem } from "./definition-file-name";
import type { DefinitionFields, GivenFields, OptionalFieldName } from "./definition-fields";
import { parseFieldFlags, type FieldFlags } from "./field-flags";
import { projectVocabulary, type ProjectVocabulary } from "./project-vocabulary";
import { refuse, type Problem, type Refusal } from "./refusal";
import { ACTION_PLACEHOLDER, checkDefinitionTemplate, definitionPlaceholders, FIELD_PLACEHOLDERS, renderDefinition } from "./render-definition";
import { renderTemplate } from "./render-template";
import { displayPath } from "../files/display-path";
import { DEFINITION_TEMPLATE, findTemplate } from "./template-files";

export interface NewDefinitionRequest {
  /** Where the config is looked for and paths are shown from. */
  readonly cwd: string;
  readonly configPath: string | undefined;
  readonly action: string;
  readonly flags: FieldFlags;
}

/** What `sit new` knows once the project is read and the flags are checked, before it asks or writes. */
export interface NewDefinitionPlan {
  readonly refused: false;
  readonly action: string;
  readonly config: ResolvedConfig;
  readonly existing: readonly ValidDefinition[];
  readonly target: DefinitionTarget & { readonly absolutePath: string };
  readonly template: {
    readonly displayPath: string;
    readonly text: string;
    readonly placeholders: ReadonlySet<string>;
  };
  /** The fields the flags give. */
  readonly given: GivenFields;
  readonly vocabulary: ProjectVocabulary;
  /** Why the action needs a function name of its own (its words give none, or a taken one); `undefined` when it does not. */
  readonly functionNameNeed: string | undefined;
  /** Worth saying, not worth stopping for. */
  readonly warnings: readonly string[];
}

export interface WrittenDefinition {
  readonly refused: false;
  readonly displayPath: string;
  /** The new file's warnings. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Reads the project and checks everything that does not need the missing fields: the action
 * (valid under the rules, not taken, no file of its name), the template, the flags, and whether
 * the action needs a function name of its own. Refusing here spares an interactive user
 * questions whose answers could not be used.
 */
export function planNewDefinition(request: NewDefinitionRequest): NewDefinitionPlan | Refusal {
  const { cwd, action } = request;
  const shown = (path: string): string => displayPath(path, cwd);
  const project = runPipeline(readInputs({ cwd, configPath: request.configPath }), { until: "checks" });
  const config = project.config;
  if (config === undefined) return refuse("usage", ["the config is invalid, so sit cannot tell where definitions go"], project.diagnostics);
  const actionProblem = actionNameProblem(action, config.vocabulary);
  if (actionProblem !== undefined) return refuse("usage", [actionProblem]);
  const warnings: string[] = [];
  // Files that failed their own checks hold actions sit cannot read. (A missing definitions
  // folder is no such file: writing the first definition creates it.)
  const readable = new Set(project.definitions.map((definition) => definition.displayPath));
  const unchecked = new Set(project.diagnostics.filter((d) => d.severity === "error" && d.code !== "SIT030" && !readable.has(d.file)).map((d) => d.file));
  if (unchecked.size > 0) {
    const files = unchecked.size === 1 ? "1 file has errors, so its action" : `${unchecked.size} files have errors, so their actions`;
    warnings.push(`${files} could not be compared with "${action}"; \`npx sit validate\` shows them`);
  }

  const taken = project.definitions.find((definition) => definition.data.action === action);
  if (taken !== undefined) {
    const kind = taken.internal ? "" : " (a legacy definition)";
    return refuse("findings", [
      `action "${action}" is already defined by ${taken.displayPath}:${taken.actionPosition.line}:${taken.actionPosition.column}${kind}`,
    ]);
  }
  const stem = definitionFileStem(action);
  if (stem === undefined) return refuse("usage", [`action ${JSON.stringify(action)} has no letter or digit to name its file after, and cannot be a file name itself`]);
  const absolutePath = join(config.definitionsDir, `${stem}.yml`);
  const target = {
    absolutePath,
    relativePath: `${stem}.yml`,
    projectPath: relative(config.rootDir, absolutePath).split(sep).join("/"),
    displayPath: shown(absolutePath),
  };
  if (existsSync(absolutePath)) return refuse("findings", [`${target.displayPath} already exists`]);

  const templatePath = findTemplate(DEFINITION_TEMPLATE, config.templatesDir);
  if (templatePath === undefined) {
    const where = config.locate(["templates"]);
    return refuse("usage", [
      {
        where: `${where.file}:${where.line}:${where.column}`,
        message: `templates folder "${shown(config.templatesDir ?? "")}" not found`,
      },
    ]);
  }
  let templateText: string;
  try {
    templateText = readFileSync(templatePath, "utf8");
  } catch (error) {
    return refuse("usage", [`cannot read the template ${shown(templatePath)}: ${error instanceof Error ? error.message : String(error)}`]);
  }
  const templateShown = shown(templatePath);
  const templateCheck = checkDefinitionTemplate(templateText);
  const templateErrors: Problem[] = templateCheck.problems.map((problem) => ({
    where: `${templateShown}:${problem.line}:${problem.column}`,
    message: problem.message,
  }));
  if (!templateCheck.used.has(ACTION_PLACEHOLDER)) {
    templateErrors.push({ where: templateShown, message: "the template must write the action as `action: {{action}}`" });
  }
  if (templateErrors.length > 0) return refuse("usage", templateErrors);
  const template = {
    displayPath: templateShown,
    text: templateText,
    placeholders: templateCheck.used,
  };

  const vocabulary = projectVocabulary(project.definitions, config);
  const flags = parseFieldFlags(request.flags, config.vocabulary, vocabulary.trackers);
  if (flags.errors.length > 0 || flags.diagnostics.length > 0) return refuse("usage", flags.errors, flags.diagnostics);
  for (const field of Object.keys(flags.given) as OptionalFieldName[]) {
    if (!template.placeholders.has(FIELD_PLACEHOLDERS[field])) {
      warnings.push(`${template.displayPath} has no {{${FIELD_PLACEHOLDERS[field]}}}, so the value given for ${FIELD_PLACEHOLDERS[field]} is not written`);
    }
  }
  const names = { action, target, existing: project.definitions, config };
  let functionNameNeed: string | undefined;
  if (flags.given.functionName !== undefined) {
    const problems = functionNameProblems(names, flags.given.functionName);
    if (problems.length > 0) return refuse("usage", problems.map((problem) => `--function-name ${flags.given.functionName}: ${problem}`));
  } else {
    functionNameNeed = functionNameProblems(names, undefined)[0];
    if (functionNameNeed !== undefined && !template.placeholders.has(FIELD_PLACEHOLDERS.functionName)) {
      return refuse("usage", [`${functionNameNeed}, and ${template.displayPath} has no {{function_name}} to name the function with`]);
    }
  }
  return {
    refused: false,
    action,
    config,
    existing: project.definitions,
    target,
    template,
    given: flags.given,
    vocabulary,
    functionNameNeed,
    warnings,
  };
}

/** Why `action` cannot name an event under the project's rules, or `undefined`. */
function actionNameProblem(action: string, vocabulary: Vocabulary): string | undefined {
  if (vocabulary.eventNames === "snake_case" && !ACTION_PATTERN.test(action)) {
    return `action ${JSON.stringify(action)} must be lowercase letters, digits and underscores, or the config's rules must allow any name (\`rules: { eventNames: any }\`)`;
  }
  if (action === "" || CONTROL_CHARACTER.test(action)) return `action ${JSON.stringify(action)} must be a name on one line, in printable characters`;
  if (PROTOTYPE_TRAPS.has(action)) return `action "${action}" cannot be used: as an object key it would replace the prototype`;
  return undefined;
}

/** A definition that holds nothing but the names: what validation says of them is about the names alone. */
const NAMES_PROBE = "description: probe\ninternal_events: true\naction: {{action}}\nfunction_name: {{function_name}}\nproduct_group: probe\nmilestone: null\nintroduced_by_url: null\ntiers: {{tiers}}\n";

/**
 * What validation says against the function name of `action`: `functionName`, or else the one its
 * words give (none, or one that another event or the SDK's own API has already). The checks are
 * validation's own, run on a definition that holds only the names.
 */
export function functionNameProblems(
  names: { action: string; target: DefinitionTarget; existing: readonly ValidDefinition[]; config: ResolvedConfig },
  functionName: string | undefined,
): string[] {
  const fields: DefinitionFields = {
    action: names.action,
    functionName,
    description: undefined,
    identifiers: [],
    properties: [],
    productGroup: undefined,
    milestone: undefined,
    introducedByUrl: undefined,
    tiers: names.config.vocabulary.tiers.slice(0, 1),
    trackers: [],
  };
  const probe = renderTemplate(NAMES_PROBE, definitionPlaceholders(fields)).text;
  const checked = checkNewDefinition(probe, names.target, names.existing, names.config);
  return checked.diagnostics.filter((diagnostic) => diagnostic.code === "SIT064" || diagnostic.code === "SIT018").map((diagnostic) => diagnostic.message);
}

/** Whether the template writes `field`: a field it does not write is neither asked for nor required. */
export const templateWrites = (plan: NewDefinitionPlan, field: OptionalFieldName): boolean => plan.template.placeholders.has(FIELD_PLACEHOLDERS[field]);

/** Fields whose key a team's rules may leave out of definitions: then not asked for, nor required. */
const RULED_FIELDS: ReadonlySet<OptionalFieldName> = new Set(["description", "productGroup", "milestone", "introducedByUrl", "tiers"]);

/** Whether the project's rules require `field`'s key (always so for fields the rules do not govern). */
const rulesRequire = (plan: NewDefinitionPlan, field: OptionalFieldName): boolean =>
  !RULED_FIELDS.has(field) || plan.config.vocabulary.required.has(FIELD_PLACEHOLDERS[field]);

/**
 * The fields to ask for in a terminal: those the flags leave out, the template writes and the
 * project's rules require; the function name only when the action needs one of its own; extra
 * trackers only when the config has classes to choose from.
 */
export function fieldsToAsk(plan: NewDefinitionPlan): ReadonlySet<OptionalFieldName> {
  const asked = (field: OptionalFieldName): boolean => {
    if (plan.given[field] !== undefined || !templateWrites(plan, field) || !rulesRequire(plan, field)) return false;
    if (field === "functionName") return plan.functionNameNeed !== undefined;
    return field !== "trackers" || plan.vocabulary.trackers.extra.length > 0;
  };
  return new Set((Object.keys(FIELD_PLACEHOLDERS) as OptionalFieldName[]).filter(asked));
}

/**
 * The fields from the flags, and for the others the config's `defaults:` or else: no identifiers,
 * properties or extra trackers, every tier, no milestone and no URL; a key the project's rules do
 * not require is left out instead. The description, the product group and a function name the
 * action needs have no neutral value: `missing` names their flags when they are not given.
 */
export function fieldsWithoutAsking(plan: NewDefinitionPlan): {
  fields: DefinitionFields;
  missing: readonly string[];
} {
  const { given } = plan;
  const defaults = plan.config.definitionDefaults;
  const required = (field: OptionalFieldName): boolean => rulesRequire(plan, field) && templateWrites(plan, field);
  /** The flag's value, else the config's default, else (when the rules require the key) `neutral`. */
  const value = <Value>(field: OptionalFieldName, flag: Value | undefined, configured: Value | undefined, neutral: Value): Value | undefined =>
    flag !== undefined ? flag : configured !== undefined ? configured : required(field) ? neutral : undefined;
  const missing: string[] = [];
  if (given.functionName === undefined && plan.functionNameNeed !== undefined && templateWrites(plan, "functionName")) missing.push("--function-name");
  if (given.description === undefined && required("description")) missing.push("--description");
  const productGroup = given.productGroup ?? defaults.product_group;
  if (productGroup === undefined && required("productGroup")) missing.push("--product-group");
  return {
    fields: {
      action: plan.action,
      functionName: given.functionName,
      description: value("description", given.description, undefined, ""),
      identifiers: given.identifiers ?? [],
      properties: given.properties ?? [],
      productGroup: value("productGroup", productGroup, undefined, ""),
      milestone: value<string | null>("milestone", given.milestone, defaults.milestone, null),
      introducedByUrl: value<string | null>("introducedByUrl", given.introducedByUrl, defaults.introduced_by_url, null),
      tiers: value<readonly string[]>("tiers", given.tiers, defaults.tiers, plan.config.vocabulary.tiers),
      trackers: given.trackers ?? [],
    },
    missing,
  };
}

/** A warning when `group` is one no definition uses yet (most often a typo), naming the known ones. */
export function newProductGroupWarning(group: string, vocabulary: ProjectVocabulary): string | undefined {
  const known = vocabulary.productGroups.map((used) => used.name);
  if (known.length === 0 || known.includes(group)) return undefined;
  const hint = didYouMean(group, known);
  return `product group "${group}" is not used by any definition yet${hint === undefined ? "" : ` (${hint})`}; known: ${known.join(", ")}`;
}

/**
 * Renders the template (checked by `planNewDefinition`), checks the result as `generate` will,
 * and creates the file: all or nothing.
 */
export function writeNewDefinition(plan: NewDefinitionPlan, fields: DefinitionFields): WrittenDefinition | Refusal {
  const { target } = plan;
  const rendered = renderDefinition(plan.template.text, fields);
  const checked = checkNewDefinition(rendered.text, target, plan.existing, plan.config);
  if (checked.definition === undefined)
    return refuse("findings", [`${target.displayPath} would not be a valid definition, so it was not written`], checked.diagnostics);
  try {
    createFile(target.absolutePath, rendered.text, { overwrite: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return refuse("findings", [`${target.displayPath} already exists`]);
    return refuse("usage", [`cannot write ${target.displayPath}: ${error instanceof Error ? error.message : String(error)}`]);
  }
  return {
    refused: false,
    displayPath: target.displayPath,
    diagnostics: checked.diagnostics,
  };
}
