import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { SIT_VERSION } from "./version";

let cached: string | undefined;

/**
 * Identifies the code that produces the output: sit's version and its own compiled modules. Part
 * of the inputs hash, so output written by a different build of sit is never taken as current.
 */
export function generatorFingerprint(): string {
  if (cached !== undefined) return cached;
  const hash = createHash("sha256").update(`sit ${SIT_VERSION}\n`);
  const walk = (folder: string, prefix: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path, `${prefix}${entry.name}/`);
      else if (/\.(js|ts)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) {
        hash.update(`${prefix}${entry.name}\n`).update(readFileSync(path));
      }
    }
  };
  walk(__dirname, "");
  cached = hash.digest("hex").slice(0, 32);
  return cached;
}
