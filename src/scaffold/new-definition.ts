import { existsSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { loadProject, type Diagnostic, type ResolvedConfig, type ValidDefinition } from "../index";
import { didYouMean } from "../diagnostics/suggest";
import { ACTION_PATTERN, PROTOTYPE_TRAPS, TIERS } from "../validate/vocabulary";
import { checkNewDefinition, type DefinitionTarget } from "./check-new-definition";
import { createFile } from "./create-file";
import type { DefinitionFields, GivenFields, OptionalFieldName } from "./definition-fields";
import { parseFieldFlags, type FieldFlags } from "./field-flags";
import { projectVocabulary, type ProjectVocabulary } from "./project-vocabulary";
import { refuse, type Problem, type Refusal } from "./refusal";
import { ACTION_PLACEHOLDER, checkDefinitionTemplate, FIELD_PLACEHOLDERS, renderDefinition } from "./render-definition";
import { shownPath } from "./shown-path";
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
 * (valid, not taken, no file of its name), the template and the flags. Refusing here spares an
 * interactive user questions whose answers could not be used.
 */
export function planNewDefinition(request: NewDefinitionRequest): NewDefinitionPlan | Refusal {
  const { cwd, action } = request;
  const shown = (path: string): string => shownPath(path, cwd);
  if (!ACTION_PATTERN.test(action)) return refuse("usage", [`action "${action}" must be lowercase letters, digits and underscores`]);
  if (PROTOTYPE_TRAPS.has(action)) return refuse("usage", [`action "${action}" cannot be used: as an object key it would replace the prototype`]);

  const project = loadProject({ cwd, configPath: request.configPath });
  const config = project.config;
  if (config === undefined) return refuse("usage", ["the config is invalid, so sit cannot tell where definitions go"], project.diagnostics);
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
  const absolutePath = join(config.definitionsDir, `${action}.yml`);
  const target = {
    absolutePath,
    relativePath: `${action}.yml`,
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
  const flags = parseFieldFlags(request.flags, vocabulary.trackers);
  if (flags.errors.length > 0) return refuse("usage", flags.errors);
  for (const field of Object.keys(flags.given) as OptionalFieldName[]) {
    if (!template.placeholders.has(FIELD_PLACEHOLDERS[field])) {
      warnings.push(`${template.displayPath} has no {{${FIELD_PLACEHOLDERS[field]}}}, so the value given for ${FIELD_PLACEHOLDERS[field]} is not written`);
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
    warnings,
  };
}

/** Whether the template writes `field`: a field it does not write is neither asked for nor required. */
export const templateWrites = (plan: NewDefinitionPlan, field: OptionalFieldName): boolean => plan.template.placeholders.has(FIELD_PLACEHOLDERS[field]);

/**
 * The fields to ask for in a terminal: those the flags leave out and the template writes (extra
 * trackers only when the config has classes to choose from).
 */
export function fieldsToAsk(plan: NewDefinitionPlan): ReadonlySet<OptionalFieldName> {
  const fields = (Object.keys(FIELD_PLACEHOLDERS) as OptionalFieldName[]).filter((field) => plan.given[field] === undefined && templateWrites(plan, field));
  return new Set(plan.vocabulary.trackers.extra.length === 0 ? fields.filter((field) => field !== "trackers") : fields);
}

/**
 * The fields from the flags, and for the others the config's `defaults:` or else: no identifiers,
 * properties or extra trackers, every tier, no milestone and no URL. The description and the
 * product group have no neutral value: `missing` names their flags when neither is given.
 */
export function fieldsWithoutAsking(plan: NewDefinitionPlan): {
  fields: DefinitionFields;
  missing: readonly string[];
} {
  const { given } = plan;
  const defaults = plan.config.definitionDefaults;
  const missing: string[] = [];
  if (given.description === undefined && templateWrites(plan, "description")) missing.push("--description");
  const productGroup = given.productGroup ?? defaults.product_group;
  if (productGroup === undefined && templateWrites(plan, "productGroup")) missing.push("--product-group");
  return {
    fields: {
      action: plan.action,
      description: given.description ?? "",
      identifiers: given.identifiers ?? [],
      properties: given.properties ?? [],
      productGroup: productGroup ?? "",
      milestone: given.milestone !== undefined ? given.milestone : (defaults.milestone ?? null),
      introducedByUrl: given.introducedByUrl !== undefined ? given.introducedByUrl : (defaults.introduced_by_url ?? null),
      tiers: given.tiers ?? defaults.tiers ?? TIERS,
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
