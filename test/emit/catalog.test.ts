import ts from "typescript";
import { generate } from "../../src/index";
import { makeProject } from "../helpers/project";

/**
 * catalog.ts holds each event's metadata as a line of JSON inside one template literal: whatever a
 * definition's text holds, the catalog must give it back exactly, at run time.
 */
const TEXTS: Readonly<Record<string, string>> = {
  backtick: "runs `sit generate` first",
  placeholder: "costs ${price} and $ {not} and $${double}",
  backslash: "C:\\path\\to\\file and a trailing \\",
  quotes: `it's "quoted" and 'single'`,
  line_breaks: "first line\nsecond line\r\nthird\u2028fourth\u2029end",
  controls: "tab\there, escape \u001b, delete \u007f",
  unicode: "café · 日本語 · 🎉",
  json_like: '{"action":"fake"}\n{"action":"another"}',
};

function definition(action: string, description: string): string {
  return [
    `description: ${JSON.stringify(description)}`,
    "internal_events: true",
    `action: ${action}`,
    "identifiers: [user]",
    "product_group: g",
    "milestone: '18.0'",
    "introduced_by_url: null",
    "tiers: [free]",
    "",
  ].join("\n");
}

/** Compiles a file of the SDK to CommonJS and runs it, with the SDK's other files as what it requires. */
function load<T>(files: Readonly<Record<string, string>>, path: string): T {
  const { outputText } = ts.transpileModule(files[path]!, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } });
  const module = { exports: {} as T };
  const require = (specifier: string): unknown => (specifier === "./core.js" ? load(files, "core.ts") : {});
  new Function("module", "exports", "require", outputText)(module, module.exports, require);
  return module.exports;
}

/** catalog.ts at run time: it imports nothing but the SDK's core. */
const loadCatalog = (files: Readonly<Record<string, string>>): Record<string, { description: string; action: string }> =>
  load<{ EVENTS: Record<string, { description: string; action: string }> }>(files, "catalog.ts").EVENTS;

describe("the catalog", () => {
  const definitions = Object.fromEntries(Object.entries(TEXTS).map(([action, text]) => [`definitions/${action}.yml`, definition(action, text)]));
  const result = generate({ cwd: makeProject(definitions) });
  const files = Object.fromEntries(result.files.map((file) => [file.path, file.content]));
  const catalog = files["catalog.ts"]!;

  it("gives back every description exactly, whatever characters it holds", () => {
    expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
    const events = loadCatalog(files);
    expect(Object.keys(events).sort()).toEqual(Object.keys(TEXTS).sort());
    for (const [action, text] of Object.entries(TEXTS)) expect(events[action]).toMatchObject({ action, description: text });
  });

  it("writes one line per event", () => {
    const body = catalog.slice(catalog.indexOf("const METADATA = `\n") + "const METADATA = `\n".length, catalog.indexOf("\n`;"));
    expect(body.split("\n")).toHaveLength(Object.keys(TEXTS).length);
  });
});
