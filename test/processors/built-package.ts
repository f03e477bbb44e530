import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { RUNTIME_ROOT } from "../helpers/project";

/** The TypeScript sources of sit-tracking-runtime. */
function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/**
 * Fails with what to run when either build of sit-tracking-runtime (dist/esm, dist/cjs) lacks a
 * module or is older than its source: these tests load the package as applications do, through
 * its package.json "exports".
 */
export function assertPackageBuilt(): void {
  const source = join(RUNTIME_ROOT, "src");
  const stale = sources(source).filter((file) =>
    ["esm", "cjs"].some((build) => {
      const built = join(RUNTIME_ROOT, "dist", build, relative(source, file).replace(/\.ts$/, ".js"));
      try {
        return statSync(built).mtimeMs < statSync(file).mtimeMs;
      } catch {
        return true;
      }
    }),
  );
  if (stale.length > 0) {
    throw new Error(`packages/runtime/dist/ is missing or older than ${stale.map((path) => relative(RUNTIME_ROOT, path)).join(", ")}: run \`npm run build\` first (npm test does)`);
  }
}
