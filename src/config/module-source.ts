import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { isRecord } from "../load/yaml-tree";
import { isFile, isPathModule, resolveSourceFile } from "./resolve-import";

/**
 * The file whose exports a module named in the config has: a path is resolved as the generated
 * import resolves it; a package (`@acme/tracking`, `@acme/tracking/web`) is looked up in the
 * node_modules folders from the config's folder up, through its package.json (`exports`, else
 * `types` or `main`). `undefined` when it cannot be told which file that is.
 */
export function moduleSourceFile(module: string, configDir: string): string | undefined {
  if (isPathModule(module)) return resolveSourceFile(resolve(configDir, module));
  const match = /^((?:@[^/]+\/)?[^/@][^/]*)(\/.+)?$/.exec(module);
  if (match === null) return undefined;
  const [, name, subpath] = match;
  for (let folder = configDir; ; folder = dirname(folder)) {
    const packageDir = join(folder, "node_modules", name!);
    if (isFile(join(packageDir, "package.json"))) return packageEntryFile(packageDir, subpath === undefined ? "." : `.${subpath}`);
    if (dirname(folder) === folder) return undefined;
  }
}

/** The file a relative import inside a module's file (`export * from "./x.js"`) finds, its declarations first. */
export function relativeSourceFile(fromFile: string, specifier: string): string | undefined {
  if (!specifier.startsWith("./") && !specifier.startsWith("../")) return undefined;
  return declarationOrSource(resolve(dirname(fromFile), specifier));
}

const DECLARATION_EXTENSIONS: Readonly<Record<string, string>> = { ".js": ".d.ts", ".mjs": ".d.mts", ".cjs": ".d.cts" };

/** `x.js` → `x.d.ts` when it exists, `x` → `x.d.ts` or `x/index.d.ts`, else the source or script file. */
function declarationOrSource(path: string): string | undefined {
  if (/\.d\.[cm]?ts$/.test(path)) return isFile(path) ? path : undefined;
  const runtime = /\.[cm]?js$/.exec(path)?.[0];
  const candidates =
    runtime === undefined ? [`${path}.d.ts`, join(path, "index.d.ts")] : [path.slice(0, -runtime.length) + DECLARATION_EXTENSIONS[runtime]];
  return candidates.find(isFile) ?? resolveSourceFile(path);
}

/** The file `subpath` (`.` or `./web`) of the package in `packageDir` resolves to. */
function packageEntryFile(packageDir: string, subpath: string): string | undefined {
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8").replace(/^\uFEFF/, ""));
  } catch {
    return undefined;
  }
  if (!isRecord(manifest)) return undefined;
  const target =
    manifest["exports"] !== undefined
      ? exportsTarget(manifest["exports"], subpath)
      : subpath !== "."
        ? subpath
        : [manifest["types"], manifest["typings"], manifest["main"]].find((field): field is string => typeof field === "string") ?? "./index.js";
  return target === undefined ? undefined : declarationOrSource(join(packageDir, target));
}

/**
 * What package.json's `exports` maps `subpath` to: the `types` condition where there is one (as
 * TypeScript reads it), else the first of `import`, `require`, `node` and `default`. Patterns
 * (`./*`) and fallback arrays are not followed: `undefined`.
 */
function exportsTarget(exports: unknown, subpath: string): string | undefined {
  const isSubpathMap = isRecord(exports) && Object.keys(exports).some((key) => key.startsWith("."));
  if (isSubpathMap) return Object.hasOwn(exports, subpath) ? conditionTarget(exports[subpath]) : undefined;
  return subpath === "." ? conditionTarget(exports) : undefined;
}

function conditionTarget(value: unknown): string | undefined {
  if (typeof value === "string") return value.includes("*") ? undefined : value;
  if (!isRecord(value)) return undefined;
  const condition = Object.hasOwn(value, "types") ? "types" : Object.keys(value).find((key) => ["import", "require", "node", "default"].includes(key));
  return condition === undefined ? undefined : conditionTarget(value[condition]);
}
