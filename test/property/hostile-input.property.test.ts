import fc from "fast-check";
import { dump } from "js-yaml";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { generate, type Diagnostic } from "../../src/index";

/**
 * Random and mutated definitions and configs fed to the library API. Whatever the input: generate
 * never throws, every reported position is inside the file it names, and a run with an error
 * produces no files. Runs are bounded so the suite stays fast; a failure prints the seed and the
 * shrunk input to replay it.
 */

const RUNS = 200;

/** Problems about a whole file or folder, reported at line 0. */
// SIT004 without a position: a file in UTF-16, which has no offending byte but its encoding.
const WHOLE_FILE_CODES = new Set(["SIT004", "SIT005", "SIT007", "SIT029", "SIT030", "SIT032", "SIT033", "SIT040", "SIT043"]);

const workspace = mkdtempSync(join(tmpdir(), "sit-property-"));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));
let runCount = 0;

interface InputFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** Writes the files into a fresh project, runs generate there, and checks the three properties. */
function checkRun(files: readonly InputFile[]): void {
  const project = join(workspace, String(runCount++));
  mkdirSync(join(project, "definitions"), { recursive: true });
  for (const file of files) {
    mkdirSync(dirname(join(project, file.path)), { recursive: true });
    writeFileSync(join(project, file.path), file.bytes);
  }
  try {
    const result = generate({ cwd: project });
    const texts = new Map(files.map((file) => [file.path, decodeAsSitDoes(file.bytes)]));
    for (const diagnostic of result.diagnostics) expectInside(diagnostic, texts);
    if (result.diagnostics.some((diagnostic) => diagnostic.severity === "error")) expect(result.files).toEqual([]);
    else expect(result.files.length).toBeGreaterThan(0);
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}

/** The text positions refer to: invalid bytes count as one replacement character, a BOM is dropped. */
const decodeAsSitDoes = (bytes: Uint8Array): string => Buffer.from(bytes).toString("utf8").replace(/^\ufeff/, "");

function expectInside(diagnostic: Diagnostic, texts: ReadonlyMap<string, string>): void {
  const where = JSON.stringify(diagnostic);
  if (diagnostic.line === 0) {
    expect({ where, column: diagnostic.column, wholeFile: WHOLE_FILE_CODES.has(diagnostic.code) }).toEqual({ where, column: 0, wholeFile: true });
    return;
  }
  const text = texts.get(diagnostic.file);
  // A diagnostic with a position names a file that exists, and the position is in it.
  expect({ where, known: text !== undefined }).toEqual({ where, known: true });
  const lines = text!.split(/\r\n|\n|\r/);
  expect({ where, lineInside: diagnostic.line >= 1 && diagnostic.line <= lines.length }).toEqual({ where, lineInside: true });
  const length = lines[diagnostic.line - 1]!.length;
  expect({ where, columnInside: diagnostic.column >= 1 && diagnostic.column <= length + 1 }).toEqual({ where, columnInside: true });
}

const CONFIG = `processors:
  InternalEvents: { module: "@acme/tracking", export: InternalEvents }
  Gitlab::Tracking::AiTracking: { module: "@acme/tracking", export: AiTracking }
defaultProcessors: [InternalEvents]
`;

const snakeCase = (maxLength: number) => fc.stringMatching(new RegExp(`^[a-z][a-z0-9_]{0,${maxLength}}$`));

const property = fc.oneof(
  fc.constant(null),
  fc.record({ description: fc.string({ maxLength: 30 }) }, { requiredKeys: [] }),
  fc.record(
    {
      description: fc.string({ maxLength: 30 }),
      type: fc.constant("string"),
      enum: fc.uniqueArray(fc.string({ maxLength: 5 }), { minLength: 1, maxLength: 3 }),
      required: fc.boolean(),
    },
    { requiredKeys: ["type"] },
  ),
  fc.record({ type: fc.constantFrom("integer", "number", "boolean"), required: fc.boolean() }, { requiredKeys: ["type"] }),
);

/** A definition that is valid, or close to it: the starting point of every mutation. */
const validDefinition = fc.record(
  {
    description: fc.string({ maxLength: 40 }),
    internal_events: fc.boolean(),
    action: snakeCase(20),
    identifiers: fc.oneof(fc.constant(null), fc.subarray(["project", "namespace", "user", "feature_enabled_by_namespace_ids"])),
    additional_properties: fc.dictionary(fc.oneof(fc.constantFrom("label", "property", "value"), snakeCase(10)), property, { maxKeys: 4 }),
    product_group: snakeCase(15),
    milestone: fc.constantFrom("18.0", "<16.5", "17.11", null),
    introduced_by_url: fc.constantFrom(null, "https://gitlab.com/gitlab-org/gitlab/-/merge_requests/1"),
    tiers: fc.subarray(["free", "premium", "ultimate"], { minLength: 1 }),
    status: fc.constant("active"),
    extra_trackers: fc.array(fc.record({ tracking_class: fc.constantFrom("Gitlab::Tracking::AiTracking", "Missing"), protected_properties: fc.dictionary(snakeCase(8), property, { maxKeys: 2 }) }), {
      maxLength: 2,
    }),
  },
  { requiredKeys: ["description", "internal_events", "action", "product_group", "milestone", "introduced_by_url", "tiers"] },
);

type Data = Record<string, unknown>;

/** Changes to the parsed data: delete a key, give one a value of any type, add one, nest deeply. */
const dataMutation: fc.Arbitrary<(data: Data) => Data> = fc.oneof(
  fc.nat().map((index) => (data: Data) => {
    const keys = Object.keys(data);
    const copy = { ...data };
    delete copy[keys[index % keys.length]!];
    return copy;
  }),
  fc.tuple(fc.nat(), fc.jsonValue({ maxDepth: 3 })).map(([index, value]) => (data: Data) => {
    const keys = Object.keys(data);
    return { ...data, [keys[index % keys.length]!]: value };
  }),
  fc.tuple(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 })).map(([key, value]) => (data: Data) => ({ ...data, [key]: value })),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 120 }), fc.boolean()).map(([index, depth, asList]) => (data: Data) => {
    const keys = Object.keys(data);
    let value: unknown = "deep";
    for (let level = 0; level < depth; level++) value = asList ? [value] : { nested: value };
    return { ...data, [keys[index % keys.length]!]: value };
  }),
);

/** Changes to the text: insert random unicode or YAML syntax, delete a slice, repeat a line (a duplicate key). */
const textMutation: fc.Arbitrary<(text: string) => string> = fc.oneof(
  fc.tuple(fc.nat(), fc.string({ unit: "grapheme", maxLength: 8 })).map(([at, inserted]) => (text: string) => text.slice(0, at % (text.length + 1)) + inserted + text.slice(at % (text.length + 1))),
  fc.tuple(fc.nat(), fc.constantFrom("&a ", "*a", "- ", ": ", "[", "]", "{", "}", "'", '"', "\t", "\n", "\r", "\n---\n", "!!str ", "!!binary ", "? ", "|\n", "#", "%YAML 1.2\n", "\ufeff", "\u2028"))
    .map(([at, inserted]) => (text: string) => text.slice(0, at % (text.length + 1)) + inserted + text.slice(at % (text.length + 1))),
  fc.tuple(fc.nat(), fc.nat({ max: 40 })).map(([at, length]) => (text: string) => text.slice(0, at % (text.length + 1)) + text.slice((at % (text.length + 1)) + length)),
  fc.nat().map((index) => (text: string) => {
    const lines = text.split("\n");
    const line = lines[index % lines.length]!;
    return [...lines, line].join("\n");
  }),
);

/** Changes to the bytes: invalid UTF-8, NUL, a BOM, random binary. */
const byteMutation: fc.Arbitrary<(bytes: Uint8Array) => Uint8Array> = fc
  .tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 6 }))
  .map(([at, inserted]) => (bytes: Uint8Array) => {
    const offset = at % (bytes.length + 1);
    return Buffer.concat([bytes.subarray(0, offset), inserted, bytes.subarray(offset)]);
  });

const yamlText = (data: unknown): string => dump(data, { lineWidth: -1 });

/** Up to `max` changes, none at all in `noneWeight` runs out of `noneWeight + 1`: valid inputs must be common too. */
const changes = <T>(change: fc.Arbitrary<T>, max: number, noneWeight: number): fc.Arbitrary<T[]> =>
  fc.oneof({ weight: noneWeight, arbitrary: fc.constant<T[]>([]) }, { weight: 1, arbitrary: fc.array(change, { minLength: 1, maxLength: max }) });

/** Applies the changes of each kind in turn: to the data, to its YAML text, then to the bytes. */
function mutated(
  start: fc.Arbitrary<object>,
  weights: { readonly data: number; readonly text: number; readonly bytes: number },
): fc.Arbitrary<Uint8Array> {
  return fc
    .tuple(start, changes(dataMutation, 2, weights.data), changes(textMutation, 3, weights.text), changes(byteMutation, 1, weights.bytes))
    .map(([data, dataChanges, textChanges, byteChanges]) => {
      const text = textChanges.reduce((current, change) => change(current), yamlText(dataChanges.reduce((current, change) => change(current), data as Data)));
      return byteChanges.reduce<Uint8Array>((current, change) => change(current), Buffer.from(text));
    });
}

/** A file's bytes: a valid definition with a few mutations of each kind, or something else entirely. */
const fileBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  { weight: 6, arbitrary: mutated(validDefinition, { data: 2, text: 2, bytes: 6 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => new Uint8Array(Buffer.from(yamlText(value)))) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 200 }).map((text) => new Uint8Array(Buffer.from(text))) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }) },
);

const FILE_NAMES = ["definitions/a.yml", "definitions/b.yaml", "definitions/team/c.yml", "definitions/team/deeper/d.yml"];

describe("hostile definitions", () => {
  it("never throw, report positions inside the files, and produce no files when there is an error", () => {
    fc.assert(
      fc.property(fc.array(fileBytes, { minLength: 1, maxLength: FILE_NAMES.length }), (contents) => {
        checkRun([{ path: "sit.config.yaml", bytes: new Uint8Array(Buffer.from(CONFIG)) }, ...contents.map((bytes, index) => ({ path: FILE_NAMES[index]!, bytes }))]);
      }),
      { numRuns: RUNS },
    );
  });

  it("still hold when the same mutated definition appears under several names (duplicates across files)", () => {
    fc.assert(
      fc.property(fileBytes, fc.integer({ min: 2, max: 3 }), (bytes, copies) => {
        checkRun([{ path: "sit.config.yaml", bytes: new Uint8Array(Buffer.from(CONFIG)) }, ...FILE_NAMES.slice(0, copies).map((path) => ({ path, bytes }))]);
      }),
      { numRuns: RUNS / 4 },
    );
  });
});

/** A config that is valid, or close to it. */
const validConfig = fc.record(
  {
    definitions: fc.constant("definitions"),
    output: fc.constantFrom("generated", "sdk/out"),
    processors: fc.dictionary(fc.oneof(fc.constantFrom("InternalEvents", "__proto__", "constructor"), fc.string({ maxLength: 10 })), fc.record({ module: fc.constantFrom("@acme/tracking", "./missing"), export: fc.constantFrom("InternalEvents", "Default", "not valid") }, { requiredKeys: [] }), { maxKeys: 3 }),
    defaultProcessors: fc.array(fc.constantFrom("InternalEvents", "Other"), { maxLength: 2 }),
    identifiers: fc.dictionary(fc.constantFrom("user", "project", "usr"), fc.record({ type: fc.constantFrom("User", "string", "{ id: number }", "a\nb"), module: fc.constantFrom("./models", "@acme/models") }, { requiredKeys: ["type"] }), { maxKeys: 2 }),
  },
  { requiredKeys: [] },
);

const configBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  { weight: 4, arbitrary: mutated(validConfig, { data: 2, text: 2, bytes: 6 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => new Uint8Array(Buffer.from(yamlText(value)))) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 100 }) },
);

const VALID_DEFINITION = `description: a
internal_events: true
action: a
identifiers: [user]
product_group: g
milestone: '18.0'
introduced_by_url: null
tiers: [free]
`;

describe("hostile configs", () => {
  it("never throw, report positions inside the config, and produce no files when there is an error", () => {
    fc.assert(
      fc.property(configBytes, (bytes) => {
        checkRun([
          { path: "sit.config.yaml", bytes },
          { path: "definitions/a.yml", bytes: new Uint8Array(Buffer.from(VALID_DEFINITION)) },
        ]);
      }),
      { numRuns: RUNS },
    );
  });
});
