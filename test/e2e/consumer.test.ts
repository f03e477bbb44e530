import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { copyProject, generatedConsumer, runTsc, STRICT_FLAGS, writeJson, type TscResult } from "./consumer-project";

/**
 * The generated SDK as an application sees it: the real CLI generates it, then the real tsc
 * compiles app/type-checks.ts against it under strict flags in each module system applications
 * use. The consumer's `@ts-expect-error` lines make each misuse a required compile error.
 */

const CONSUMER = "app/type-checks.ts";
const INCLUDE = ["generated", "src", CONSUMER];

const MODES = {
  "module esnext, moduleResolution bundler": {
    packageType: "module",
    compilerOptions: { module: "esnext", moduleResolution: "bundler" },
  },
  "nodenext, ES module package": {
    packageType: "module",
    compilerOptions: { module: "nodenext", moduleResolution: "nodenext" },
  },
  "nodenext, CommonJS package": {
    packageType: "commonjs",
    compilerOptions: { module: "nodenext", moduleResolution: "nodenext" },
  },
} as const;

type Mode = keyof typeof MODES;

function configure(project: string, mode: Mode): string {
  const { packageType, compilerOptions } = MODES[mode];
  writeJson(join(project, "package.json"), { name: "consumer", private: true, type: packageType });
  // No `types`: the SDK must compile without Node.js or DOM type definitions.
  writeJson(join(project, "tsconfig.json"), { compilerOptions: { ...STRICT_FLAGS, ...compilerOptions, types: [], noEmit: true }, include: INCLUDE });
  return project;
}

/** A directive's line (1-based) and the fragment of the error it expects on the line below. */
interface ExpectedError {
  readonly line: number;
  readonly reason: string;
  readonly fragment: string;
}

function expectedErrors(source: string): ExpectedError[] {
  return source.split("\n").flatMap((text, index) => {
    const match = /\/\/ @ts-expect-error (.*): `(.*)`$/.exec(text);
    return match === null ? [] : [{ line: index + 1, reason: match[1]!, fragment: match[2]! }];
  });
}

/** tsc's diagnostics for `file` by line, each with its continuation lines. */
function errorsByLine(output: string, file: string): Map<number, string> {
  const byLine = new Map<number, string>();
  let current: number | undefined;
  for (const text of output.split("\n")) {
    const start = /^(.+?)\((\d+),\d+\): error (TS\d+: .*)$/.exec(text);
    if (start !== null) {
      current = start[1] === file ? Number(start[2]) : undefined;
      if (current !== undefined) byLine.set(current, `${byLine.get(current) ?? ""}${start[3]}\n`);
    } else if (current !== undefined && text.startsWith(" ")) {
      byLine.set(current, `${byLine.get(current)}${text.trim()}\n`);
    }
  }
  return byLine;
}

describe("a consumer of the generated SDK", () => {
  let compilations: Record<Mode, Promise<TscResult>>;
  let withoutDirectives: Promise<TscResult>;
  let source: string;

  beforeAll(() => {
    const generated = generatedConsumer();
    source = readFileSync(join(generated, CONSUMER), "utf8");
    compilations = {} as Record<Mode, Promise<TscResult>>;
    for (const mode of Object.keys(MODES) as Mode[]) compilations[mode] = runTsc(configure(copyProject(generated), mode));
    // The same consumer with every directive blanked (line numbers kept), to see each error tsc gives.
    const bare = configure(copyProject(generated), "module esnext, moduleResolution bundler");
    writeFileSync(join(bare, CONSUMER), source.replace(/\/\/ @ts-expect-error .*$/gm, "//"));
    withoutDirectives = runTsc(bare);
  });

  it.each(Object.keys(MODES) as Mode[])("compiles under strict flags with every misuse rejected (%s)", async (mode) => {
    const result = await compilations[mode];
    expect(result.output).toBe("");
    expect(result.code).toBe(0);
  });

  it("rejects each misuse for the reason its directive states, and nothing else", async () => {
    const expected = expectedErrors(source);
    // One directive per misuse the SDK must catch; a lost directive would silently weaken the test.
    expect(expected.map((entry) => entry.reason)).toEqual([
      "missing identifier",
      "wrong property type",
      "custom property without a type takes string or number only",
      "undeclared property",
      "undeclared identifier on an event without identifiers",
      "undeclared identifier",
      "identifier of the wrong type",
      "misspelled event function",
      "unknown event name",
      "legacy definitions get no event",
      "trackEvent without the arguments the event requires",
      "trackEvent with another event's arguments",
      "trackEvent with a wrong property type",
      "an argument to an event that takes none",
      "trackEvent with an argument for an event that takes none",
      "a value outside the enum",
      "a required property left out",
      "the properties left out although one is required",
      "a helper generic over the event checks the arguments too",
      "replacing a tracking class the config does not name",
      "exactOptionalPropertyTypes: an optional property is left out, not set to undefined",
    ]);
    const result = await withoutDirectives;
    const errors = errorsByLine(result.output, CONSUMER);
    for (const { line, reason, fragment } of expected) {
      expect({ reason, error: errors.get(line + 1) }).toEqual({ reason, error: expect.stringContaining(fragment) });
    }
    expect([...errors.keys()].sort((a, b) => a - b)).toEqual(expected.map(({ line }) => line + 1));
  });
});
