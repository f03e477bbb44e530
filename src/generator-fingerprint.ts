import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE_ROOT, SIT_VERSION } from "./version";

// Kept out of version.ts, which `sit --help` loads: node:crypto alone takes ~6 ms to load.

let fingerprint: string | undefined;

/**
 * Identifies the generator that produces the output: the version, plus a hash of sit's TypeScript
 * sources where they are present (a clone of this repository), so that output written before a
 * change to the emitter is never mistaken for current output by the fast path.
 */
export function generatorFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const hash = createHash("sha256").update(`sit ${SIT_VERSION}\n`);
  const walk = (folder: string, prefix: string): void => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.isDirectory()) walk(join(folder, entry.name), `${prefix}${entry.name}/`);
      else if (entry.name.endsWith(".ts")) hash.update(`${prefix}${entry.name}\n`).update(readFileSync(join(folder, entry.name)));
    }
  };
  walk(join(PACKAGE_ROOT, "src"), "");
  fingerprint = hash.digest("hex").slice(0, 32);
  return fingerprint;
}
