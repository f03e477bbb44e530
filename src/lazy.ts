/**
 * Where sit loads its pipeline on demand: a command that finds its output up to date never pays for
 * the validator (zod), the emitters or TypeScript, and `sit --help` for none of them.
 */
export const loadFullPipeline = (): typeof import("./full-pipeline") => require("./full-pipeline") as typeof import("./full-pipeline");
