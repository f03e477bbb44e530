import { addScripts } from "../../src/scaffold/package-json-scripts";

const SCRIPTS = { "sit:generate": "sit generate", "sit:check": "sit generate --check" };

describe("addScripts", () => {
  it.each([
    [
      "into existing scripts, keeping the layout of everything else",
      '{\n  "name": "app",\n  "scripts": {\n    "test": "jest"\n  },\n  "files": ["dist", "bin"]\n}\n',
      '{\n  "name": "app",\n  "scripts": {\n    "test": "jest",\n    "sit:generate": "sit generate",\n    "sit:check": "sit generate --check"\n  },\n  "files": ["dist", "bin"]\n}\n',
    ],
    [
      "a new scripts object at the end, indented with tabs",
      '{\n\t"name": "app",\n\t"dependencies": {\n\t\t"a": "1"\n\t}\n}',
      '{\n\t"name": "app",\n\t"dependencies": {\n\t\t"a": "1"\n\t},\n\t"scripts": {\n\t\t"sit:generate": "sit generate",\n\t\t"sit:check": "sit generate --check"\n\t}\n}',
    ],
    [
      "into an empty scripts object, with CRLF line ends and four spaces",
      '{\r\n    "name": "app",\r\n    "scripts": {}\r\n}\r\n',
      '{\r\n    "name": "app",\r\n    "scripts": {\r\n        "sit:generate": "sit generate",\r\n        "sit:check": "sit generate --check"\r\n    }\r\n}\r\n',
    ],
    [
      "on one line when the file is one line",
      '{ "name": "app", "private": true }\n',
      '{ "name": "app", "private": true, "scripts": { "sit:generate": "sit generate", "sit:check": "sit generate --check" } }\n',
    ],
    [
      "into a one-line scripts object of a multi-line file",
      '{\n  "scripts": { "build": "tsc" },\n  "name": "a\\"}{"\n}\n',
      '{\n  "scripts": { "build": "tsc", "sit:generate": "sit generate", "sit:check": "sit generate --check" },\n  "name": "a\\"}{"\n}\n',
    ],
    [
      "into an object whose last value is nested",
      '{\n  "scripts": {\n    "x": "y"\n  },\n  "config": { "a": [1, { "b": {} }] }\n}',
      '{\n  "scripts": {\n    "x": "y",\n    "sit:generate": "sit generate",\n    "sit:check": "sit generate --check"\n  },\n  "config": { "a": [1, { "b": {} }] }\n}',
    ],
  ])("adds the scripts %s", (_, before, after) => {
    expect(addScripts(before, SCRIPTS)).toEqual({ text: after, added: ["sit:generate", "sit:check"], kept: [] });
  });

  it("adds only what is missing, and keeps a script of the same name that runs something else", () => {
    const before = '{\n  "scripts": {\n    "sit:check": "sit generate --check --config app.yaml"\n  }\n}\n';
    expect(addScripts(before, SCRIPTS)).toEqual({
      text: '{\n  "scripts": {\n    "sit:check": "sit generate --check --config app.yaml",\n    "sit:generate": "sit generate"\n  }\n}\n',
      added: ["sit:generate"],
      kept: [{ name: "sit:check", command: "sit generate --check --config app.yaml" }],
    });
  });

  it("changes nothing when the scripts are there", () => {
    const text = '{"scripts":{"sit:generate":"sit generate","sit:check":"sit generate --check"}}';
    expect(addScripts(text, SCRIPTS)).toEqual({ text: undefined, added: [], kept: [] });
  });

  it.each([
    ['{\n  "name": "app",\n  "private": true,\n}\n', { error: expect.stringContaining("it is not valid JSON") as unknown, line: 4, column: 1 }],
    ["[]", { error: "it is not a JSON object" }],
    ['{ "scripts": ["build"] }', { error: 'its "scripts" is not an object' }],
  ])("refuses %j", (text, problem) => {
    expect(addScripts(text, SCRIPTS)).toEqual(problem);
  });
});
