import { configLayout, realPath, type ConfigLayout } from "../config/config-layout";
import { isDirectory, locateInConfig, readConfigSource, type ConfigSource } from "../config/config-source";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { displayPath } from "../files/display-path";
import { findDefinitions, readDefinition, type DefinitionFile } from "../load/load-definitions";
import { fileDiagnostic } from "../load/source-file";

/** Where the project is: what reading it needs. */
export interface ProjectLocation {
  /** Where relative paths start and diagnostics are named from; defaults to `process.cwd()`. */
  readonly cwd?: string | undefined;
  /** An explicit config file; otherwise the nearest sit.config.{yaml,yml,json}, or the defaults. */
  readonly configPath?: string | undefined;
}

/** What reading the config and the definition files yields, before any validation. */
export interface Inputs {
  readonly cwd: string;
  /** The config file as parsed; validated later. */
  readonly configSource: ConfigSource | undefined;
  /** The folders the config names, checked; `undefined` when they cannot be worked out. */
  readonly layout: ConfigLayout | undefined;
  /** Why the folders are unusable, when they are: reported with the config's other problems. */
  readonly layoutDiagnostics: readonly Diagnostic[];
  /** Every definition file, read but not parsed; `undefined` when the folder could not be listed. */
  readonly definitionFiles: readonly DefinitionFile[] | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** SIT030, at the config's `definitions:` (or naming the folder when there is no config). */
export function missingDefinitionsFolder(source: ConfigSource, layout: ConfigLayout, cwd: string): Diagnostic {
  const where = locateInConfig(source, ["definitions"]);
  const shown = displayPath(layout.definitionsDir, cwd);
  const file = source.configFile === undefined ? shown : where.file;
  return fileDiagnostic(file, where.line, where.column, "error", "SIT030", `definitions folder "${shown}" not found`);
}

/** load: the config and the bytes of every definition file, without the validator (the fast path needs no more). */
export function readInputs(options: ProjectLocation): Inputs {
  const cwd = options.cwd ?? process.cwd();
  const { source, diagnostics } = readConfigSource({ cwd, configPath: options.configPath });
  const none = { cwd, configSource: source, layout: undefined, layoutDiagnostics: [], definitionFiles: undefined };
  if (source === undefined) return { ...none, diagnostics };
  const located = configLayout(source);
  if (located.layout === undefined) return { ...none, layoutDiagnostics: located.diagnostics, diagnostics };
  const layout = located.layout;
  if (!isDirectory(layout.definitionsDir)) return { ...none, layout, diagnostics: [...diagnostics, missingDefinitionsFolder(source, layout, cwd)] };
  const found = findDefinitions({ definitionsDir: layout.definitionsDir, rootDir: layout.rootDir, realRootDir: realPath(layout.rootDir), displayBase: cwd });
  return { ...none, layout, definitionFiles: found.refs.map(readDefinition), diagnostics: [...diagnostics, ...found.diagnostics] };
}
