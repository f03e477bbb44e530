/**
 * Where sit loads its pipeline on demand: a command that finds its output up to date never pays for
 * the validator (zod), the emitters or TypeScript, and `sit --help` for none of them.
 */
export const loadPipeline = (): typeof import("./pipeline/run-pipeline") => require("./pipeline/run-pipeline") as typeof import("./pipeline/run-pipeline");
