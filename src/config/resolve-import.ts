import { statSync } from "node:fs";
import { extname, join, relative, resolve, sep } from "node:path";

const SOURCE_TO_RUNTIME_EXTENSION: Readonly<Record<string, string>> = {
  ".ts": ".js",
  ".tsx": ".js",
  ".js": ".js",
  ".jsx": ".js",
  ".mts": ".mjs",
  ".mjs": ".mjs",
  ".cts": ".cjs",
  ".cjs": ".cjs",
};
const CANDIDATE_EXTENSIONS = Object.keys(SOURCE_TO_RUNTIME_EXTENSION);

export const isPathModule = (module: string): boolean =>
  module.startsWith("./") || module.startsWith("../") || module === "." || module === ".." || module.startsWith("/");

/**
 * The import specifier the generated code uses for a module named in the config. A path is
 * resolved from the config's folder to a real file and rewritten relative to the output folder
 * with the extension ES modules need (`ai.ts` → `ai.js`, `.mts` → `.mjs`, a folder → `index.js`);
 * a package name is used as it is. `undefined` when the path names nothing.
 */
export function importSpecifier(module: string, configDir: string, outputDir: string): string | undefined {
  if (!isPathModule(module)) return module;
  const target = resolveSourceFile(resolve(configDir, module));
  if (target === undefined) return undefined;
  const runtimePath = target.slice(0, target.length - extname(target).length) + SOURCE_TO_RUNTIME_EXTENSION[extname(target)]!;
  const specifier = relative(outputDir, runtimePath).split(sep).join("/");
  return specifier.startsWith(".") ? specifier : `./${specifier}`;
}

/** Compiled names whose TypeScript source sits beside them (the `.js` import convention of nodenext). */
const RUNTIME_TO_SOURCE_EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  ".js": [".ts", ".tsx"],
  ".mjs": [".mts"],
  ".cjs": [".cts"],
};

/** The file an import of `path` (absolute, as written, without or with its runtime extension) finds. */
export function resolveSourceFile(path: string): string | undefined {
  const extension = extname(path);
  const stem = path.slice(0, path.length - extension.length);
  for (const sourceExtension of RUNTIME_TO_SOURCE_EXTENSIONS[extension] ?? []) {
    if (isFile(stem + sourceExtension)) return stem + sourceExtension;
  }
  if (SOURCE_TO_RUNTIME_EXTENSION[extension] !== undefined && isFile(path)) return path;
  for (const candidate of CANDIDATE_EXTENSIONS) {
    if (isFile(path + candidate)) return path + candidate;
  }
  if (isDirectory(path)) {
    for (const candidate of CANDIDATE_EXTENSIONS) {
      const index = join(path, `index${candidate}`);
      if (isFile(index)) return index;
    }
  }
  return undefined;
}

export const isFile = (path: string): boolean => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

const isDirectory = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};
