import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { SIT_VERSION } from "../version";
import { compareCodeUnits } from "../text/code-units";

/** The folder of the code that is running: `dist/` when installed, `src/` under ts-jest. */
const RUNNING_CODE = join(__dirname, "..");

let identity: string | undefined;

/**
 * Identifies the generator in the fast path's cache key: sit's version and a hash of the code that
 * is running, as installed. A cache written by another build of sit (a linked checkout, an edited
 * emitter, another version) never matches, and two installs of one version agree.
 */
export function generatorIdentity(): string {
  if (identity !== undefined) return identity;
  const hash = createHash("sha1").update(`sit ${SIT_VERSION}\n`);
  const walk = (folder: string, prefix: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => compareCodeUnits(a.name, b.name))) {
      if (entry.isDirectory()) walk(join(folder, entry.name), `${prefix}${entry.name}/`);
      else if (/\.(?:js|ts)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) hash.update(`${prefix}${entry.name}\n`).update(readFileSync(join(folder, entry.name)));
    }
  };
  walk(RUNNING_CODE, "");
  identity = `${SIT_VERSION}+${hash.digest("hex").slice(0, 20)}`;
  return identity;
}
