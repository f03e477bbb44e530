import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const REPO_ROOT = join(__dirname, "..", "..");

/** The TypeScript sources behind sit-tracking's processor and jest entry points. */
function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/**
 * Fails with what to run when dist/ lacks a processor or jest module or is older than its
 * source: these tests load the package as applications do, through package.json "exports".
 */
export function assertPackageBuilt(): void {
  const stale = [join(REPO_ROOT, "src", "processors"), join(REPO_ROOT, "src", "jest")].flatMap(sources).filter((source) => {
    const built = join(REPO_ROOT, "dist", relative(join(REPO_ROOT, "src"), source).replace(/\.ts$/, ".js"));
    try {
      return statSync(built).mtimeMs < statSync(source).mtimeMs;
    } catch {
      return true;
    }
  });
  if (stale.length > 0) {
    throw new Error(`dist/ is missing or older than ${stale.map((path) => relative(REPO_ROOT, path)).join(", ")}: run \`npx tsc -p tsconfig.build.json\` first (npm test does)`);
  }
}
