import { WARNING_CODES, type WarningCode } from "../diagnostics/codes";
import type { Diagnostic } from "../diagnostics/diagnostic";

/**
 * Warnings as the config's `warnings:` sets them, exactly as `analyze` in full-pipeline.ts applies
 * them (there it is not exported; test/watch/incremental-equivalence.test.ts holds the two to the
 * same output): `off` drops them, `error` makes them errors, and each says in its hint which key
 * changes it.
 */
export function withConfiguredSeverities(diagnostics: readonly Diagnostic[], severities: ReadonlyMap<WarningCode, string>): Diagnostic[] {
  const result: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    if (!(WARNING_CODES as readonly string[]).includes(diagnostic.code)) {
      result.push(diagnostic);
      continue;
    }
    const severity = severities.get(diagnostic.code as WarningCode) ?? "warning";
    if (severity === "off") continue;
    const setting = `\`warnings: { ${diagnostic.code}: off }\` in sit.config.yaml silences it`;
    result.push({ ...diagnostic, severity: severity === "error" ? "error" : "warning", hint: diagnostic.hint === undefined ? setting : `${diagnostic.hint}; ${setting}` });
  }
  return result;
}
