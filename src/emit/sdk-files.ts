/** The files of the SDK, relative to the output folder. */
export const SDK_FILES = {
  index: "index.ts",
  runtime: "runtime.ts",
  catalog: "catalog.ts",
  validation: "validation.ts",
  /** The fixed runtime, copied from src/sdk/. */
  core: "core.ts",
  /** The fixed checks of `checkEvents`, copied from src/sdk/. */
  checks: "checks.ts",
} as const;
