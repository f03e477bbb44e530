import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import ts from "typescript";

/**
 * Runs a generated SDK in this process, as Node.js would run its CommonJS build: every TypeScript
 * file it reaches through relative imports (the SDK's own files, the project's processor modules)
 * is transpiled and evaluated once, with `.js` specifiers resolved to the `.ts` files beside them.
 * Anything else (`node:` modules, packages) is required as usual. Each call starts from fresh
 * modules, so the runtime's state (options, pending calls) never leaks from one test to another.
 */
export function loadSdk<T = Record<string, unknown>>(entry: string): T {
  const modules = new Map<string, { exports: unknown }>();
  const load = (file: string): unknown => {
    const cached = modules.get(file);
    if (cached !== undefined) return cached.exports;
    const module = { exports: {} as unknown };
    modules.set(file, module);
    const { outputText } = ts.transpileModule(readFileSync(file, "utf8"), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      fileName: file,
    });
    const requireFrom = (specifier: string): unknown =>
      specifier.startsWith(".") ? load(resolve(dirname(file), specifier.replace(/\.js$/, ".ts"))) : require(specifier);
    new Function("module", "exports", "require", outputText)(module, module.exports, requireFrom);
    return module.exports;
  };
  return load(resolve(entry)) as T;
}

/** The generated SDK of the project at `root`, from its `generated/index.ts`. */
export const loadGeneratedSdk = <T = Record<string, unknown>>(root: string, output = "generated"): T => loadSdk<T>(join(root, output, "index.ts"));
