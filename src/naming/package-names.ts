/** sit's two npm packages: the CLI, a development dependency, and the runtime that applications ship. */
export const CLI_PACKAGE = "sit-tracking";
export const RUNTIME_PACKAGE = "sit-tracking-runtime";
