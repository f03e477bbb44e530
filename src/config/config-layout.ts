import { realpathSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { isWithin } from "../load/path-within";
import { isRecord, toPlainValue } from "../load/yaml-tree";
import { configDiagnostic, DEFAULT_DEFINITIONS, DEFAULT_OUTPUT, type ConfigSource } from "./config-source";
import { importSpecifier } from "./resolve-import";

/** Where everything is, worked out once from the config as written: the fast path needs no validator. */
export interface ConfigLayout {
  /** The config file's folder: paths in the config are relative to it, and sit writes only inside it. */
  readonly rootDir: string;
  readonly definitionsDir: string;
  readonly outputDir: string;
  /** What each `module` of the config resolves to, as the generated code imports it (`undefined`: not found). */
  readonly importSpecifiers: ReadonlyMap<string, string | undefined>;
  /** Everything in the config that shapes the output, for the key of the fast path's cache. */
  readonly fingerprint: string;
}

/**
 * The folders and module specifiers the config names, checked against what sit may touch: the
 * definitions inside the config's folder, the output strictly inside it, apart from the
 * definitions and out of `.git/` and `node_modules/` (sit deletes stale generated files there). `layout` is `undefined` when the folders
 * are not plain paths (validation then says why) or break those rules (the diagnostics say how).
 */
export function configLayout(config: ConfigSource): { layout: ConfigLayout | undefined; diagnostics: Diagnostic[] } {
  const data: unknown = config.origin === undefined || config.origin.root.kind !== "mapping" ? {} : toPlainValue(config.origin.root);
  const fields = isRecord(data) ? data : {};
  const definitions = fields["definitions"] ?? DEFAULT_DEFINITIONS;
  const output = fields["output"] ?? DEFAULT_OUTPUT;
  if (typeof definitions !== "string" || typeof output !== "string" || definitions === "" || output === "") return { layout: undefined, diagnostics: [] };

  const diagnostics: Diagnostic[] = [];
  const problem = (key: string, message: string, hint?: string) => diagnostics.push(configDiagnostic(config, [key], "SIT041", message, hint));
  for (const [key, path] of [["definitions", definitions], ["output", output]] as const) {
    if (path.includes("\0")) problem(key, `the ${key} path contains a NUL character`);
  }
  if (diagnostics.length > 0) return { layout: undefined, diagnostics };

  const { rootDir } = config;
  const definitionsDir = resolve(rootDir, definitions);
  const outputDir = resolve(rootDir, output);
  const realRoot = realPath(rootDir);
  if (!isWithin(realPath(definitionsDir), realRoot, true)) {
    problem("definitions", `the definitions folder "${definitions}" is outside the config's folder`, "keep the definitions inside the folder of sit.config.yaml");
  }
  const realOutput = realPath(outputDir);
  if (realOutput === realRoot) {
    problem("output", `the output folder "${output}" is the config's folder itself`, "name a folder of its own, e.g. `output: generated`: sit deletes stale generated files in it");
  } else if (!isWithin(realOutput, realRoot, false)) {
    problem("output", `the output folder "${output}" is outside the config's folder`, "sit writes only inside the folder of sit.config.yaml: name a folder in it, e.g. `output: generated`");
  } else if (isWithin(realOutput, realPath(definitionsDir), true)) {
    problem("output", `the output folder "${output}" is inside the definitions folder "${definitions}"`, "keep the generated SDK apart from the definitions, e.g. `output: generated`");
  } else {
    const owned = ownedFolder(outputDir, rootDir) ?? ownedFolder(realOutput, realRoot);
    if (owned !== undefined) problem("output", `the output folder "${output}" is in ${owned.name}/, which ${owned.owner}`, "sit deletes stale generated files in its output folder: name a folder of its own, e.g. `output: generated`");
  }
  if (diagnostics.length > 0) return { layout: undefined, diagnostics };

  const importSpecifiers = new Map<string, string | undefined>();
  for (const section of ["processors", "identifiers"]) {
    const entries = fields[section];
    if (!isRecord(entries)) continue;
    for (const entry of Object.values(entries)) {
      const module = isRecord(entry) ? entry["module"] : undefined;
      if (typeof module === "string" && module !== "" && !importSpecifiers.has(module)) importSpecifiers.set(module, importSpecifier(module, rootDir, outputDir));
    }
  }
  // JSON has no Infinity or NaN; marked so, they cannot pass for a null or a string.
  const fingerprint = JSON.stringify({ config: data, modules: [...importSpecifiers] }, (_, value: unknown) =>
    typeof value === "number" && !Number.isFinite(value) ? { nonFinite: String(value) } : value,
  );
  return { layout: { rootDir, definitionsDir, outputDir, importSpecifiers, fingerprint }, diagnostics };
}

/** Folders that belong to a tool: whatever sit wrote there could be lost, or could break the tool. */
const OWNED_FOLDERS: Readonly<Record<string, string>> = { ".git": "git keeps its own data in", node_modules: "package managers replace on install" };

/** The first folder of `path` below `root` that a tool owns, compared as a case-insensitive file system would. */
function ownedFolder(path: string, root: string): { name: string; owner: string } | undefined {
  const name = relative(root, path)
    .split(sep)
    .find((segment) => Object.hasOwn(OWNED_FOLDERS, segment.toLowerCase()));
  return name === undefined ? undefined : { name, owner: OWNED_FOLDERS[name.toLowerCase()]! };
}

/** The real path of `path`, following links in the part of it that exists: a link cannot smuggle the output elsewhere. */
export function realPath(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(realPath(parent), basename(path));
  }
}
