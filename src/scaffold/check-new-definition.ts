import type { ResolvedConfig } from "../config/validate-config";
import type { Diagnostic } from "../diagnostics/diagnostic";
import type { ValidDefinition } from "../validate/validate-definition";
import { parseDefinition } from "../load/load-definitions";
import { validateCatalog } from "../validate/validate-catalog";
import { validateDefinition } from "../validate/validate-definition";

/** Where a new definition file will be, named as `DefinitionFile` names files. */
export interface DefinitionTarget {
  /** Relative to the definitions folder. */
  readonly relativePath: string;
  /** Relative to the project root. */
  readonly projectPath: string;
  /** As diagnostics name it. */
  readonly displayPath: string;
}

/**
 * Checks a definition before it is written, as `generate` would check it once it is: its own
 * rules, then those across files (unique generated names, configured tracking classes).
 * Returns the diagnostics that concern the new file only.
 */
export function checkNewDefinition(
  text: string,
  target: DefinitionTarget,
  existing: readonly ValidDefinition[],
  config: ResolvedConfig,
): { definition: ValidDefinition | undefined; diagnostics: Diagnostic[] } {
  const parsed = parseDefinition({
    ...target,
    read: { ok: true, bytes: Buffer.from(text, "utf8") },
  });
  if (parsed.definition === undefined) return { definition: undefined, diagnostics: parsed.diagnostics };
  const validated = validateDefinition(parsed.definition, {
    gitlabStrict: false,
    vocabulary: config.vocabulary,
  });
  const diagnostics = [...parsed.diagnostics, ...validated.diagnostics];
  if (validated.definition === undefined) return { definition: undefined, diagnostics };
  const declared = {
    vocabulary: config.vocabulary,
    classNames: new Set(config.processors.keys()),
    defaultProcessors: config.defaultProcessors,
    configFile: config.configFile,
    locate: config.locate,
  };
  const catalog = validateCatalog([...existing, validated.definition], [validated.trackerReferences], declared);
  diagnostics.push(...catalog.filter((diagnostic) => diagnostic.file === target.displayPath));
  const valid = !diagnostics.some((diagnostic) => diagnostic.severity === "error");
  return { definition: valid ? validated.definition : undefined, diagnostics };
}
