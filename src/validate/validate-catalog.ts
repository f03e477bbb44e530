import type { ConfigDeclarations } from "./config-declarations";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { didYouMean } from "../diagnostics/suggest";
import { fileDiagnostic } from "../load/source-file";
import { SDK_API_NAMES } from "../naming/sdk-api";
import { IDENTIFIERS } from "./vocabulary";
import { generatedNamesOf } from "../naming/generated-names";
import type { FileTrackerReferences, ValidDefinition } from "./validate-definition";

/**
 * Checks across all definitions: unique actions and generated names, and configured tracking classes
 * (of every internal event's file, also of files with other errors, so all is reported in one run).
 */
export function validateCatalog(
  definitions: readonly ValidDefinition[],
  trackerReferences: readonly FileTrackerReferences[],
  config: ConfigDeclarations,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const atAction = (
    definition: ValidDefinition,
    other: ValidDefinition | undefined,
    severity: "error" | "warning",
    code: Diagnostic["code"],
    message: string,
    hint?: string,
  ) => {
    const { line, column } = definition.actionPosition;
    const diagnostic = fileDiagnostic(definition.displayPath, line, column, severity, code, message, hint);
    diagnostics.push(other === undefined ? diagnostic : { ...diagnostic, related: [other.displayPath] });
  };
  const where = (definition: ValidDefinition): string =>
    `${definition.displayPath}:${definition.actionPosition.line}:${definition.actionPosition.column}`;

  const internalByAction = new Map<string, ValidDefinition>();
  const legacyByAction = new Map<string, ValidDefinition>();
  const owners = new Map<string, ValidDefinition>();
  for (const definition of definitions) {
    const { action } = definition.data;
    if (!definition.internal) continue;
    const first = internalByAction.get(action);
    if (first !== undefined) {
      atAction(definition, first, "error", "SIT015", `action "${action}" is already defined by ${first.displayPath}`, `first defined at ${where(first)}`);
      continue;
    }
    internalByAction.set(action, definition);
    const names = generatedNamesOf(definition.data);
    const hint = definition.data.function_name === undefined ? "rename the action, or name its function with `function_name`" : "change its `function_name`";
    for (const name of [names.functionName, names.argsTypeName, names.shapesName]) {
      if (SDK_API_NAMES.has(name)) {
        atAction(definition, undefined, "error", "SIT018", `action "${action}" would generate \`${name}\`, which the SDK already uses for its own API`, hint);
        break;
      }
      const owner = owners.get(name);
      if (owner !== undefined && owner.data.action !== action) {
        atAction(
          definition,
          owner,
          "error",
          "SIT018",
          `actions "${owner.data.action}" (${owner.displayPath}) and "${action}" both generate \`${name}\``,
          `first defined at ${where(owner)}; ${hint}`,
        );
        break;
      }
      owners.set(name, definition);
    }
  }
  for (const definition of definitions) {
    if (definition.internal) continue;
    const { action } = definition.data;
    const internal = internalByAction.get(action);
    if (internal !== undefined) {
      atAction(definition, internal, "warning", "SIT017", `legacy definition shares action "${action}" with the internal event in ${internal.displayPath}`);
    }
    const first = legacyByAction.get(action);
    if (first !== undefined) {
      atAction(definition, first, "warning", "SIT016", `legacy action "${action}" is also defined by ${first.displayPath}`, `first defined at ${where(first)}`);
    } else {
      legacyByAction.set(action, definition);
    }
  }

  for (const file of trackerReferences) {
    const seen = new Set<string>();
    for (const { className, position } of file.references) {
      if (!config.classNames.has(className)) {
        diagnostics.push(
          fileDiagnostic(
            file.displayPath,
            position.line,
            position.column,
            "error",
            "SIT023",
            `tracking class "${className}" is not configured in ${config.configFile === undefined ? "sit.config.yaml (there is none)" : "processors"}`,
            didYouMean(className, config.classNames) ?? `add it to processors: "${className}": { module: ./path/to/module, export: Name }`,
          ),
        );
      }
      if (seen.has(className) || config.defaultProcessors.includes(className)) {
        diagnostics.push(
          fileDiagnostic(
            file.displayPath,
            position.line,
            position.column,
            "error",
            "SIT028",
            seen.has(className)
              ? `tracking class "${className}" is listed twice`
              : `tracking class "${className}" is a default processor, which already receives every internal event`,
          ),
        );
      }
      seen.add(className);
    }
  }

  diagnostics.push(...unusedIdentifiers(trackerReferences, config));

  if (internalByAction.size > 0 && config.defaultProcessors.length === 0) {
    const place = config.locate(["defaultProcessors"]);
    diagnostics.push(
      fileDiagnostic(
        place.file,
        place.line,
        place.column,
        "warning",
        "SIT029",
        `${config.configFile === undefined ? "there is no sit.config.yaml, so " : ""}no defaultProcessors are configured: internal events without extra trackers reach no processor`,
        config.configFile === undefined ? "create sit.config.yaml with `processors` and `defaultProcessors`" : undefined,
      ),
    );
  }
  return diagnostics;
}

/** The config's own identifiers that no definition names: dead, or a misspelt GitLab one (`usr`). */
function unusedIdentifiers(files: readonly FileTrackerReferences[], config: ConfigDeclarations): Diagnostic[] {
  const custom = config.vocabulary.identifiers.filter((name) => !(IDENTIFIERS as readonly string[]).includes(name));
  if (custom.length === 0) return [];
  const used = new Set(files.flatMap((file) => file.identifiers));
  return custom
    .filter((name) => !used.has(name))
    .map((name) => {
      const place = config.locate(["identifiers", name]);
      return fileDiagnostic(
        place.file,
        place.line,
        place.column,
        "warning",
        "SIT065",
        `identifier "${name}" is declared in the config, and no definition names it`,
        didYouMean(name, IDENTIFIERS) ?? "name it in a definition's `identifiers`, or remove it",
      );
    });
}
