import fc from "fast-check";
import { dump } from "js-yaml";
import { PROPERTY_TYPES } from "../../src/validate/vocabulary";

/** The words of the project the definitions are drawn for: mostly these, sometimes wrong ones. */
export interface ProjectWords {
  readonly identifiers: readonly string[];
  readonly tiers: readonly string[];
  /** Property names its rule allows; the others drawn are names no rule allows, or the other rule's. */
  readonly propertyNames: readonly string[];
}

/** Built-in names, a misspelt one and other snake_case names; then names only `propertyNames: any` allows. */
export const SNAKE_CASE_PROPERTY_NAMES: readonly string[] = ["label", "property", "value", "language", "lines", "lable", "x1"];
const FREE_NAMES = ["Order Id", "target-branch", "Name"];
export const ANY_PROPERTY_NAMES: readonly string[] = [...SNAKE_CASE_PROPERTY_NAMES, ...FREE_NAMES];

/** Present with the given weight out of 100; absent keys are dropped before dumping. */
const sometimes = <T>(present: number, arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: 100 - present, arbitrary: fc.constant(undefined) }, { weight: present, arbitrary });
const usually = <T>(arbitrary: fc.Arbitrary<T>) => sometimes(99, arbitrary);
const rarely = <T>(arbitrary: fc.Arbitrary<T>) => sometimes(30, arbitrary);
/** One of the valid values, or one time in forty one of the wrong ones. */
const mostly = (valid: fc.Arbitrary<unknown>, wrong: readonly unknown[]): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 39, arbitrary: valid }, { weight: 1, arbitrary: fc.constantFrom(...wrong) });
const withoutAbsent = (data: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined));

/** Names no rule allows, and names only the other rule allows. */
const wrongPropertyNames = (words: ProjectWords): string[] => ["constructor", "toString", "", "a\u0007b", ...FREE_NAMES.filter((name) => !words.propertyNames.includes(name))];

const typeName = mostly(
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom<unknown>(...PROPERTY_TYPES) },
    { weight: 6, arbitrary: fc.constantFrom<unknown>("array", "object") },
    { weight: 2, arbitrary: fc.constantFrom<unknown>(["string", "null"], ["integer", "null"], ["array", "null"], ["object", "string"], ["any"], ["number"]) },
  ),
  ["text", ["any", "string"], ["null"], ["string", "string"], []],
);
const typeNames = (type: unknown): readonly unknown[] => (Array.isArray(type) ? type : [type]);
const hasType = (type: unknown, ...wanted: string[]): boolean => typeNames(type).some((name) => wanted.includes(name as string));

/** Enum values of each type, mostly drawn to fit the declared type; sometimes from all of them. */
const VALUES: Readonly<Record<string, readonly unknown[]>> = { string: ["a", "b"], integer: [1, 2], number: [1.5, 2], boolean: [true, false], null: [null] };
const ALL_VALUES = ["a", "b", 1, 2, 1.5, true, null, "a", 1];
function enumValues(type: unknown): fc.Arbitrary<unknown[]> {
  const fitting = type === undefined ? [...VALUES["string"]!, ...VALUES["integer"]!] : typeNames(type).flatMap((name) => VALUES[name as string] ?? (name === "any" ? ALL_VALUES : []));
  const pool = fitting.length === 0 ? ALL_VALUES : fitting;
  return fc.oneof({ weight: 6, arbitrary: fc.uniqueArray(fc.constantFrom(...pool), { minLength: 1, maxLength: 3 }) }, { weight: 1, arbitrary: fc.array(fc.constantFrom(...ALL_VALUES), { maxLength: 3 }) });
}

/**
 * A property (with `required`) or an array's items: its keys mostly fit its type (an array has
 * items, constraints fit), sometimes not. Bounds never exclude each other and patterns compile,
 * and nesting stays shallow: the schema leaves those to `sit validate`.
 */
function declaration(words: ProjectWords, depth: number, isProperty: boolean, type: fc.Arbitrary<unknown> = sometimes(65, typeName)): fc.Arbitrary<Record<string, unknown>> {
  return type.chain((type) => {
    const untyped = type === undefined;
    const fits = (...wanted: string[]): number => (untyped || hasType(type, ...wanted, "any") ? 12 : 1);
    const scalar = untyped || hasType(type, "string", "integer", "number", "boolean", "null", "any");
    return fc
      .record({
        description: sometimes(60, mostly(fc.string({ maxLength: 8 }), [7])),
        type: fc.constant(type),
        enum: sometimes(scalar ? 15 : 1, enumValues(type)),
        minimum: sometimes(fits("number", "integer"), mostly(fc.constantFrom(0, 1, -2.5), ["0"])),
        maximum: sometimes(fits("number", "integer"), fc.constantFrom(5, 10)),
        minLength: sometimes(fits("string"), mostly(fc.constantFrom(0, 2), [-1, 1.5])),
        maxLength: sometimes(fits("string"), fc.constantFrom(3, 8)),
        pattern: sometimes(fits("string"), fc.constantFrom("^[a-z]+$", "\\d", "^\\p{L}")),
        required: isProperty ? rarely(mostly(fc.boolean(), ["yes"])) : sometimes(1, fc.constant(true)),
        items: depth === 0 ? fc.constant(undefined) : sometimes(hasType(type, "array") ? 97 : 1, declaration(words, depth - 1, false)),
        properties: depth === 0 ? fc.constant(undefined) : sometimes(hasType(type, "object") ? 97 : 1, propertyMap(words, depth - 1, false)),
        colour: sometimes(1, fc.constant("red")),
      })
      .map(withoutAbsent);
  });
}

/** The types GitLab fixes for its built-in properties (in `additional_properties` only), written either way. */
const BUILT_IN_TYPES: ReadonlyMap<unknown, readonly unknown[]> = new Map([
  ["label", ["string", ["string"]]],
  ["property", ["string"]],
  ["value", ["number", "integer", ["integer"]]],
]);

/** Properties by name: `additional_properties` (with GitLab's built-in names), protected properties, or an object's. */
function propertyMap(words: ProjectWords, depth: number, nullable: boolean, builtIns = false): fc.Arbitrary<unknown> {
  const propertyName = mostly(fc.constantFrom(...words.propertyNames), wrongPropertyNames(words));
  const property = (name: unknown): fc.Arbitrary<unknown> => {
    const builtInTypes = builtIns ? BUILT_IN_TYPES.get(name) : undefined;
    const type = builtInTypes === undefined ? undefined : sometimes(40, mostly(fc.constantFrom(...builtInTypes), ["boolean", ["string", "null"], "any"]));
    return fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 5, arbitrary: declaration(words, depth, true, type) });
  };
  const entry = propertyName.chain((name) => fc.tuple(fc.constant(name), property(name)));
  const map = fc.array(entry, { minLength: nullable ? 0 : 1, maxLength: 3 }).map((entries) => Object.fromEntries(entries as [string, unknown][]));
  return nullable ? fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 5, arbitrary: map }) : map;
}

/** Mostly valid, each key sometimes missing or wrong; placeholders make actions and function names unique per file. */
function randomDefinition(words: ProjectWords): fc.Arbitrary<Record<string, unknown>> {
  const [identifier] = words.identifiers;
  const [tier] = words.tiers;
  const trackerClass = mostly(fc.constantFrom("Gitlab::Tracking::AiTracking", "Acme::Audit"), [""]);
  const tracker = fc.record({ tracking_class: trackerClass, protected_properties: rarely(propertyMap(words, 2, true)) }).map(withoutAbsent);
  const action = fc.oneof(
    { weight: 40, arbitrary: fc.constant(SNAKE_CASE_ACTION) },
    { weight: 3, arbitrary: fc.constant(FREE_ACTION) },
    { weight: 2, arbitrary: fc.constantFrom("Bad-Action", "__proto__", "", "___", "—", "a\u0007b") },
  );
  return fc
    .record({
      description: usually(mostly(fc.string({ maxLength: 20 }), [null, 4])),
      internal_events: sometimes(90, mostly(fc.boolean(), ["yes"])),
      action: usually(action),
      function_name: sometimes(8, mostly(fc.constant(FUNCTION_NAME), ["Track", "delete", "trackEvent", "sendToAudit"])),
      identifiers: sometimes(80, mostly(fc.oneof(fc.constant(null), fc.uniqueArray(fc.constantFrom(...words.identifiers))), [[identifier, identifier], ["group"], identifier])),
      additional_properties: sometimes(75, propertyMap(words, 2, true, true)),
      product_group: usually(mostly(fc.constantFrom("source_code", "code_review"), [3, null])),
      product_categories: rarely(mostly(fc.constantFrom(null, ["code_review"]), ["code_review", [1]])),
      milestone: usually(mostly(fc.constantFrom("18.0", "<17.1", null), ["18", 18.5])),
      introduced_by_url: usually(mostly(fc.constantFrom("https://x.test/1", null), [5])),
      tiers: usually(mostly(fc.uniqueArray(fc.constantFrom(...words.tiers), { minLength: 1 }), [[], ["gold"], tier, [tier, tier]])),
      removal: rarely(
        mostly(fc.constantFrom({ status: "active" }, { status: "removed", milestone_removed: "18.3", removed_by_url: "https://x.test/3" }), [
          { status: "gone" },
          { status: "removed", milestone_removed: "18.3" },
          { status: "removed", removed_by_url: "https://x.test/3" },
          { status: "removed", milestone_removed: "later", removed_by_url: "https://x.test/3" },
          { status: "removed", milestone_removed: "18.3", removed_by_url: null },
          { milestone_removed: "18.3" },
        ]),
      ),
      classification: sometimes(10, mostly(fc.constantFrom("duo", null), ["secret"])),
      extra_trackers: sometimes(20, fc.oneof(fc.constant(null), fc.array(tracker, { maxLength: 2 }))),
      extra_tracking_classes: sometimes(10, fc.oneof(fc.constant(null), fc.array(trackerClass, { maxLength: 2 }))),
      colour: sometimes(2, fc.constant("red")),
    })
    .map(({ removal, ...data }) => withoutAbsent({ ...data, ...(removal as object | undefined) }));
}

const SNAKE_CASE_ACTION = "<snake_case action>";
const FREE_ACTION = "<free action>";
const FUNCTION_NAME = "<function name>";

/** A valid placeholder made unique to the file; anything else as drawn. */
function unique(value: unknown, index: number): unknown {
  if (value === SNAKE_CASE_ACTION) return `random_event_${index}`;
  if (value === FREE_ACTION) return `Random Event ${index}`;
  if (value === FUNCTION_NAME) return `trackRandom${index}`;
  return value;
}

/** `count` random definitions as YAML, by file name (`random_<n>`). */
export function randomDefinitions(words: ProjectWords, count: number, seed: number): Record<string, string> {
  const samples = fc.sample(randomDefinition(words), { numRuns: count, seed });
  return Object.fromEntries(
    samples.map((data, index) => {
      const named = Object.fromEntries(Object.entries(data).map(([key, value]) => [key, unique(value, index)]));
      return [`random_${index}`, dump(named)];
    }),
  );
}
