import { readFileSync } from "node:fs";
import { join } from "node:path";

/** sit's package folder: one up from both src/ (tests) and dist/ (the built CLI). */
export const PACKAGE_ROOT = join(__dirname, "..");

/** sit's own version, from its package.json. */
export const SIT_VERSION: string = (JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string }).version;
