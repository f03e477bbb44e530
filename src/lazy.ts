/**
 * The one place where sit loads heavy modules on demand. A command that finds its output up to date
 * never pays for the validator (zod), the emitters or TypeScript, and `sit --help` for none of them.
 */
export const loadFullPipeline = (): typeof import("./full-pipeline") => require("./full-pipeline") as typeof import("./full-pipeline");

/** TypeScript's compiler API, as bundled by ts-morph (a dependency of sit's; `typescript` is not). */
export const loadTypeScript = (): typeof import("ts-morph").ts => (require("ts-morph") as typeof import("ts-morph")).ts;
