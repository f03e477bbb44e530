import { readFileSync } from "node:fs";
import { join } from "node:path";

/** sit's own version, read once from its package.json (one folder up from both src/ and dist/). */
export const SIT_VERSION: string = (JSON.parse(readFileSync(join(__dirname, "..", "package.json"), "utf8")) as { version: string }).version;
