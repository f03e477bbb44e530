import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { definition, makeProject, runCli, runSit } from "../helpers/project";
import { expectDiagnostic } from "./expect-diagnostic";

const withConfig = (config: string, files: Readonly<Record<string, string>> = {}): string =>
  makeProject({ "sit.config.yaml": config, "definitions/a.yml": definition("a"), ...files });

describe("the config file", () => {
  it("reports a mapping never closed at its brace, not at the line where the parser gave up (real binary)", () => {
    const dir = withConfig(
      "definitions: definitions\noutput: generated\nprocessors:\n  A: { module: '@acme/a' }\n  B: { module: '@acme/b' }\n  InternalEvents: { module: ./x\ndefaultProcessors: [InternalEvents]\n",
    );
    expectDiagnostic(dir, { code: "SIT041", file: "sit.config.yaml", line: 6, column: 19, message: 'YAML syntax error: this "{" is never closed', hint: 'end the mapping with "}"' }, { run: runSit });
  });

  it("reports a nested key indented too far at that key", () => {
    const dir = withConfig(
      "processors:\n  InternalEvents: { module: '@acme/tracking' }\ndefaultProcessors: [InternalEvents]\nidentifiers:\n  user:\n    type: User\n  project:\n     type: Project\n    module: '@acme/models'\n",
    );
    expectDiagnostic(dir, { code: "SIT041", file: "sit.config.yaml", line: 8, column: 6, message: "bad indentation: this line is indented by 5 spaces, the next line at its level by 4" });
  });

  it("reports a config that is not a mapping", () => {
    const dir = withConfig("- definitions\n");
    expectDiagnostic(dir, { code: "SIT041", file: "sit.config.yaml", line: 1, column: 1, message: "the config must be a mapping" });
  });

  it("reports unknown keys with a did-you-mean, at every level", () => {
    const dir = withConfig("definitons: defs\nprocessors:\n  A: { modul: '@acme/a' }\nidentifiers:\n  usr: { type: User }\n");
    expectDiagnostic(dir, { code: "SIT041", file: "sit.config.yaml", line: 1, column: 1, message: "unknown key `definitons`", hint: 'did you mean "definitions"?' });
    expectDiagnostic(dir, { code: "SIT041", file: "sit.config.yaml", line: 3, column: 8, message: "unknown key `modul`", hint: 'did you mean "module"?' });
    expectDiagnostic(dir, { code: "SIT041", file: "sit.config.yaml", line: 3, column: 3, message: "missing required key `processors.A.module`" });
    // Any name may be a team's own identifier: a misspelt GitLab one is an identifier no definition names.
    expectDiagnostic(dir, { code: "SIT065", severity: "warning", file: "sit.config.yaml", line: 5, column: 8, message: 'identifier "usr" is declared in the config, and no definition names it', hint: 'did you mean "user"?' }, { exitCode: 1 });
  });

  it.each([
    ["definitions: [a]", 1, 14],
    ["output: 3", 1, 9],
    ["processors: [InternalEvents]", 1, 13],
    ["defaultProcessors: InternalEvents", 1, 20],
    ["identifiers: user", 1, 14],
  ])("reports a wrong type: %s", (config, line, column) => {
    const key = config.slice(0, config.indexOf(":"));
    expectDiagnostic(withConfig(`${config}\n`), { code: "SIT041", file: "sit.config.yaml", line, column, message: `\`${key}\` must be` });
  });

  it("hints at the mapping form of a processor or identifier written as a plain value", () => {
    const dir = withConfig("processors:\n  InternalEvents: ./tracking\nidentifiers:\n  user: User\n");
    expectDiagnostic(dir, { code: "SIT041", file: "sit.config.yaml", line: 2, column: 19, hint: 'write a mapping: `InternalEvents: { module: "./tracking" }`' });
    expectDiagnostic(dir, { code: "SIT041", file: "sit.config.yaml", line: 4, column: 9, hint: 'write a mapping: `user: { type: "User" }`' });
  });

  it("reports a default processor missing from processors, with a did-you-mean", () => {
    const dir = withConfig("processors:\n  InternalEvents: { module: '@acme/tracking' }\ndefaultProcessors: [InternalEvent]\n");
    expectDiagnostic(dir, { code: "SIT041", file: "sit.config.yaml", line: 3, column: 21, hint: 'did you mean "InternalEvents"?' });
  });

  it("reports a processor module that does not exist, and an identifier type module", () => {
    const dir = withConfig(
      "processors:\n  InternalEvents: { module: ./src/tracking, export: InternalEvents }\ndefaultProcessors: [InternalEvents]\nidentifiers:\n  user: { type: User, module: ./src/models }\n",
    );
    expectDiagnostic(dir, { code: "SIT042", file: "sit.config.yaml", line: 2, column: 29, message: 'module "./src/tracking" of processor "InternalEvents" not found' });
    expectDiagnostic(dir, { code: "SIT042", file: "sit.config.yaml", line: 5, column: 31, message: 'module "./src/models" of identifier "user" not found' });
  });

  it("warns when no default processor is configured", () => {
    const dir = withConfig("output: sdk\n");
    expectDiagnostic(dir, { code: "SIT029", file: "sit.config.yaml", line: 1, column: 1, severity: "warning" });
  });

  it("warns without a config file, naming the file to create", () => {
    const dir = makeProject({ "definitions/a.yml": definition("a") });
    expectDiagnostic(dir, { code: "SIT029", file: "sit.config.yaml", line: 0, column: 0, severity: "warning", message: "there is no sit.config.yaml", hint: "create sit.config.yaml" });
  });

  it("reports a config that is not UTF-8 at the first invalid byte", () => {
    const dir = withConfig("");
    writeFileSync(join(dir, "sit.config.yaml"), Buffer.concat([Buffer.from("output: gen"), Buffer.from([0xff]), Buffer.from("\n")]));
    expectDiagnostic(dir, { code: "SIT041", file: "sit.config.yaml", line: 1, column: 12, message: "not valid UTF-8" });
  });

  it("stops an alias expansion attack in the config", () => {
    const levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"];
    for (let level = 1; level < 20; level++) levels.push(`a${level}: &a${level} [${Array(10).fill(`*a${level - 1}`).join(", ")}]`);
    const dir = withConfig(`${levels.join("\n")}\n`);
    expectDiagnostic(dir, { code: "SIT041", file: "sit.config.yaml", line: 4, column: 45, message: "expands to more than 10000 nodes" });
  });

  it("reads sit.config.json and reports its problems", () => {
    const dir = makeProject({ "sit.config.json": '{\n  "output": "sdk",\n  "defaultProcessors": ["X"\n}\n', "definitions/a.yml": definition("a") });
    expectDiagnostic(dir, { code: "SIT041", file: "sit.config.json", line: 4, column: 1, message: "invalid JSON: Expected ',' or ']' after array element" });
  });
});

describe("--config", () => {
  it("exits 2 when the file does not exist (real binary)", () => {
    const dir = makeProject({ "definitions/a.yml": definition("a") });
    expectDiagnostic(dir, { code: "SIT040", file: "missing.yaml", line: 0, column: 0, message: "config file not found" }, { args: ["--config", "missing.yaml"], exitCode: 2, run: runSit });
  });

  it("exits 2 when the path is a folder", () => {
    const dir = makeProject({ "definitions/a.yml": definition("a") });
    mkdirSync(join(dir, "config"));
    expectDiagnostic(dir, { code: "SIT040", file: "config", line: 0, column: 0, message: "it is a folder" }, { args: ["--config", "config"], exitCode: 2 });
  });

  it("takes paths in the config relative to the config's folder", () => {
    const dir = makeProject({
      "app/sit.config.yaml": "definitions: events\nprocessors:\n  InternalEvents: { module: '@acme/tracking' }\ndefaultProcessors: [InternalEvents]\n",
      "app/events/a.yml": definition("b"),
    });
    expectDiagnostic(dir, { code: "SIT022", file: "app/events/a.yml", line: 3, column: 9, severity: "warning" }, { args: ["--config", "app/sit.config.yaml"] });
    expect(runCli(["validate", "--config", "app/sit.config.yaml"], dir).stderr).toMatch(/\(1 definition file checked\)$/);
  });
});

describe("processor exports", () => {
  const processorConfig = (module: string, exportName?: string): string =>
    `processors:\n  InternalEvents: { module: ${module}${exportName === undefined ? "" : `, export: ${exportName}`} }\ndefaultProcessors: [InternalEvents]\n`;
  const diagnosticCodes = (dir: string): string[] =>
    (JSON.parse(runCli(["validate", "--json"], dir).stdout) as { diagnostics: { code: string }[] }).diagnostics.map((diagnostic) => diagnostic.code);

  it("reports an export the module does not have at the config's `export`, with a did-you-mean (real binary)", () => {
    const dir = withConfig(processorConfig("./src/tracking/console", "ConsoleTrackr"), {
      "src/tracking/console.ts": "export class ConsoleTracker {\n  static trackEvent(): void {}\n}\nexport const unrelated = 1;\n",
    });
    expectDiagnostic(
      dir,
      { code: "SIT050", file: "sit.config.yaml", line: 2, column: 61, message: 'module "./src/tracking/console" has no export "ConsoleTrackr"', hint: 'did you mean "ConsoleTracker"?' },
      { run: runSit },
    );
  });

  it("reports the class name taken as the export when there is no `export`, at the processor", () => {
    const dir = withConfig(processorConfig("./src/tracking/internal-events"), { "src/tracking/internal-events.ts": "export const InternalEvent = { trackEvent(): void {} };\n" });
    expectDiagnostic(dir, {
      code: "SIT050",
      file: "sit.config.yaml",
      line: 2,
      column: 19,
      message: 'processor "InternalEvents" has no `export`, so it imports "InternalEvents", which module "./src/tracking/internal-events" does not export',
      hint: 'did you mean "InternalEvent"?',
    });
  });

  it.each<[string, Readonly<Record<string, string>>, string]>([
    ["a folder's index re-exporting another file", { "t/index.ts": 'export * from "./console.js";\n', "t/console.ts": "export class ConsoleTracker {}\n" }, 'did you mean "ConsoleTracker"?'],
    ["`export { a as b }`", { "t/index.ts": "const tracker = {};\nexport { tracker as ConsoleTracker };\n" }, 'did you mean "ConsoleTracker"?'],
    ["CommonJS `exports.x`", { "t/index.cjs": "exports.ConsoleTracker = { trackEvent() {} };\n" }, 'did you mean "ConsoleTracker"?'],
    ["CommonJS `module.exports = { … }`", { "t/index.js": "module.exports = {\n  ConsoleTracker: { trackEvent() {} },\n  other: 1,\n};\n" }, 'did you mean "ConsoleTracker"?'],
    ["a module exporting nothing", { "t/index.mts": "const ConsoleTracker = {};\n" }, "it exports nothing"],
    ["no close name", { "t/index.ts": "export const first = 1;\nexport default 2;\n" }, 'it exports "default", "first"'],
  ])("reads %s", (_, files, hint) => {
    const dir = withConfig(processorConfig("./t", "ConsoleTrackr"), files);
    expectDiagnostic(dir, { code: "SIT050", file: "sit.config.yaml", line: 2, column: 42, message: 'module "./t" has no export "ConsoleTrackr"', hint });
  });

  it("reads a package from node_modules through its package.json", () => {
    const dir = withConfig(processorConfig("'@acme/tracking/web'", "WebTrackr"), {
      "node_modules/@acme/tracking/package.json": JSON.stringify({ name: "@acme/tracking", exports: { "./web": { types: "./dist/web.d.ts", default: "./dist/web.js" } } }),
      "node_modules/@acme/tracking/dist/web.d.ts": 'export * from "./tracker.js";\n',
      "node_modules/@acme/tracking/dist/tracker.d.ts": "export declare class WebTracker {\n  static trackEvent(): void;\n}\n",
    });
    expectDiagnostic(dir, { code: "SIT050", file: "sit.config.yaml", line: 2, column: 59, hint: 'did you mean "WebTracker"?' });
  });

  it.each<[string, Readonly<Record<string, string>>]>([
    ["export const", { "t.ts": "export const Tracker = { trackEvent(): void {} };\n" }],
    ["export class in a .tsx file", { "t.tsx": "export class Tracker {}\n" }],
    ["export async function", { "t.ts": "export async function Tracker(): Promise<void> {}\n" }],
    ["a destructured export", { "t.ts": "const made = { Tracker: {} };\nexport const { Tracker } = made;\n" }],
    ["export * as", { "t.ts": 'export * as Tracker from "./inner.js";\n', "inner.ts": "export const x = 1;\n" }],
    ["a re-export chain", { "t.mts": 'export { Tracker } from "./inner.mjs";\n', "inner.mts": "export const Tracker = {};\n" }],
    ["export default", { "t.ts": "export default class {}\n" }],
    ["Object.defineProperty(exports, …)", { "t.js": '"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\nexports.Tracker = void 0;\nexports.Tracker = {};\n' }],
    ["export = (CommonJS in TypeScript: not read)", { "t.cts": "export = { Tracker: {} };\n" }],
    ["module.exports = a value (not read)", { "t.cjs": "module.exports = makeTracker();\n" }],
    ["a re-export from a package (not read)", { "t.ts": 'export * from "@acme/elsewhere";\n' }],
    ["a syntax error (not read)", { "t.ts": "export const = ;\n" }],
  ])("accepts %s", (name, files) => {
    const exportName = name === "export default" ? "default" : "Tracker";
    const dir = withConfig(processorConfig("./t", exportName), files);
    expect(diagnosticCodes(dir)).toEqual([]);
  });
});
