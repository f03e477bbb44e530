import { readConfigSource, type ConfigSource } from "../config/config-source";
import { validateConfig, type ResolvedConfig } from "../config/validate-config";
import type { Diagnostic } from "../diagnostics/diagnostic";

/** The working tree's config, validated, and as read; `undefined` with the diagnostics that say why. */
export function loadCurrentConfig(cwd: string, configPath: string | undefined): { config: ResolvedConfig | undefined; source: ConfigSource | undefined; diagnostics: Diagnostic[] } {
  const read = readConfigSource({ cwd, configPath });
  if (read.source === undefined) return { config: undefined, source: undefined, diagnostics: read.diagnostics };
  const validated = validateConfig(read.source);
  return { config: validated.config, source: read.source, diagnostics: [...read.diagnostics, ...validated.diagnostics] };
}

/** No config file where `--config` points, or no project at all: the command was run in the wrong place (exit 2). */
export const isUsageProblem = (diagnostic: Diagnostic): boolean => diagnostic.code === "SIT040" || diagnostic.code === "SIT043";
