import type { ResolvedConfig } from "../config/load-config";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { didYouMean } from "../diagnostics/suggest";
import { fileDiagnostic } from "../load/source-file";
import { argsTypeNameOf, functionNameOf, GENERATED_API_NAMES } from "../model/names";
import type { ValidDefinition } from "./validate-definition";

/** Checks across all definitions: unique actions and generated names, configured tracking classes. */
export function validateCatalog(definitions: readonly ValidDefinition[], config: ResolvedConfig): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const atAction = (definition: ValidDefinition, severity: "error" | "warning", code: Diagnostic["code"], message: string, hint?: string) => {
    const { line, column } = definition.actionPosition;
    diagnostics.push(fileDiagnostic(definition.displayPath, line, column, severity, code, message, hint));
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
      atAction(definition, "error", "SIT015", `action "${action}" is already defined by ${first.displayPath}`, `first defined at ${where(first)}`);
      continue;
    }
    internalByAction.set(action, definition);
    for (const name of [functionNameOf(action), argsTypeNameOf(action)]) {
      if (GENERATED_API_NAMES.has(name)) {
        atAction(definition, "error", "SIT018", `action "${action}" would generate \`${name}\`, which the SDK already uses for its own API`, "rename the action");
        break;
      }
      const owner = owners.get(name);
      if (owner !== undefined && owner.data.action !== action) {
        atAction(
          definition,
          "error",
          "SIT018",
          `actions "${owner.data.action}" (${owner.displayPath}) and "${action}" both generate \`${name}\``,
          `first defined at ${where(owner)}`,
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
      atAction(definition, "warning", "SIT017", `legacy definition shares action "${action}" with the internal event in ${internal.displayPath}`);
    }
    const first = legacyByAction.get(action);
    if (first !== undefined) {
      atAction(definition, "warning", "SIT016", `legacy action "${action}" is also defined by ${first.displayPath}`, `first defined at ${where(first)}`);
    } else {
      legacyByAction.set(action, definition);
    }
  }

  for (const definition of definitions) {
    if (!definition.internal) continue;
    const seen = new Set<string>();
    for (const { className, position } of definition.trackerClasses) {
      if (!config.processors.has(className)) {
        diagnostics.push(
          fileDiagnostic(
            definition.displayPath,
            position.line,
            position.column,
            "error",
            "SIT023",
            `tracking class "${className}" is not configured in ${config.configFile === undefined ? "sit.config.yaml (there is none)" : "processors"}`,
            didYouMean(className, config.processors.keys()) ?? `add it to processors: "${className}": { module: ./path/to/module, export: Name }`,
          ),
        );
      }
      if (seen.has(className) || config.defaultProcessors.includes(className)) {
        diagnostics.push(
          fileDiagnostic(
            definition.displayPath,
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
