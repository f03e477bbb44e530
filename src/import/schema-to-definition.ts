import type { Diagnostic } from "../diagnostics/diagnostic";
import type { PropertyData, ValueData } from "../validate/definition-schema";
import { BUILT_IN_PROPERTY_TYPES, MAX_TYPE_DEPTH, NULL_TYPE, PROTOTYPE_TRAPS, UNTYPABLE_PROPERTY_NAMES } from "../validate/vocabulary";
import { CONTROL_CHARACTER } from "./event-name";
import { member, nodeAt, plainValue, pointerSegments, type JsonEntry, type JsonNode, type JsonObject, type PointerSegment } from "./json-document";
import { inputDiagnostic, type Loss, type PlanEvent } from "./plan-event";

/**
 * JSON Schema → sit: what a plan's JSON Schema says of an event's properties, as a definition's
 * `additional_properties`. Whatever sit can say exactly is kept (types and type lists with null,
 * required, enum and const, bounds, lengths, patterns, items, nested objects, local `$ref`s,
 * unions of distinct types); anything else is a loss, reported with the nearest thing sit can say,
 * which is what the definition gets when the user accepts the losses.
 */

export type EnumValue = string | number | boolean | null;

/** A property's or an item's value as the import reads it; `types` undefined: any JSON value. */
interface Draft {
  description?: string;
  types: SitType[] | undefined;
  enum?: EnumValue[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  items?: Draft;
  properties?: DraftProperty[];
}

interface DraftProperty {
  readonly name: string;
  readonly required: boolean;
  readonly draft: Draft;
}

type SitType = "string" | "integer" | "number" | "boolean" | "array" | "object" | "null";

const JSON_SCHEMA_TYPES: ReadonlySet<string> = new Set(["string", "integer", "number", "boolean", "array", "object", "null"]);

export interface MappedEvent {
  readonly event: PlanEvent;
  /** The definition's `additional_properties`, in the plan's order (empty: the event has none). */
  readonly properties: ReadonlyMap<string, PropertyData>;
  /** Errors: what no flag lets through. */
  readonly diagnostics: readonly Diagnostic[];
  readonly losses: readonly Loss[];
}

/** Keywords that only identify or comment a schema, or hold what `$ref`s point at: nothing of the event is in them. */
const BOOKKEEPING: ReadonlySet<string> = new Set(["$schema", "$id", "id", "$comment", "$defs", "definitions", "key"]);

/** Keywords the import reads. */
const VALUE_KEYWORDS: ReadonlySet<string> = new Set([
  "type",
  "enum",
  "const",
  "properties",
  "required",
  "additionalProperties",
  "items",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "minLength",
  "maxLength",
  "pattern",
  "description",
  "title",
  "anyOf",
  "oneOf",
  "allOf",
  "$ref",
]);

/** Keywords that constrain a value, which sit does not check: the value is imported without them. */
const UNCHECKED: Readonly<Record<string, string>> = {
  format: "is not checked by sit",
  multipleOf: "is not checked by sit",
  minItems: "is not checked by sit",
  maxItems: "is not checked by sit",
  uniqueItems: "is not checked by sit",
  contains: "is not checked by sit",
  minContains: "is not checked by sit",
  maxContains: "is not checked by sit",
  minProperties: "is not checked by sit",
  maxProperties: "is not checked by sit",
  patternProperties: "cannot be expressed: sit sends declared keys only",
  propertyNames: "is not checked by sit",
  dependencies: "is not checked by sit",
  dependentRequired: "is not checked by sit",
  dependentSchemas: "is not checked by sit",
  if: "is not checked by sit",
  then: "is not checked by sit",
  else: "is not checked by sit",
  not: "is not checked by sit",
  prefixItems: "cannot be expressed: sit's arrays have one item type",
  additionalItems: "is not checked by sit",
  unevaluatedItems: "is not checked by sit",
  unevaluatedProperties: "cannot be expressed: sit sends declared keys only",
};

/** Past this many values, an event's schema (its `$ref`s expanded) is no event a definition can hold. */
export const MAX_EVENT_VALUES = 10_000;

export function mapEventSchema(event: PlanEvent): MappedEvent {
  const mapper = new SchemaMapper(event);
  const properties = mapper.eventProperties();
  return { event, properties, diagnostics: mapper.diagnostics, losses: mapper.losses };
}

class EventTooLarge extends Error {}

class SchemaMapper {
  readonly diagnostics: Diagnostic[] = [];
  readonly losses: Loss[] = [];
  private readonly expanding = new Set<JsonNode>();
  private values = 0;

  constructor(private readonly event: PlanEvent) {}

  eventProperties(): Map<string, PropertyData> {
    const { schema, schemaPath } = this.event;
    const result = new Map<string, PropertyData>();
    if (schema === undefined || (schema.kind === "scalar" && schema.value === true)) return result;
    if (schema.kind !== "object") {
      if (schema.kind === "scalar" && schema.value === false) this.lose(schema, schemaPath, "the event's schema is `false`, which no event passes: imported without properties");
      else this.error(schema, schemaPath, "SIT071", "the event's schema is no JSON Schema object");
      return result;
    }
    const type = member(schema, "type")?.value;
    if (type !== undefined && !typeNames(type).includes("object")) {
      this.error(type, [...schemaPath, "type"], "SIT071", "an event's schema describes an object (its properties): `type` must be \"object\"");
      return result;
    }
    try {
      for (const entry of schema.entries) {
        if (["type", "properties", "required", "additionalProperties"].includes(entry.key) || this.event.bookkeeping.has(entry.key) || BOOKKEEPING.has(entry.key)) continue;
        this.unknownKeyword(entry, schemaPath, "the event");
      }
      const properties = this.objectProperties(schema, schemaPath, -1) ?? [];
      for (const property of properties) {
        const problem = builtInTypeProblem(property);
        if (problem !== undefined) {
          const entry = member(member(schema, "properties")?.value, property.name);
          this.error(entry === undefined ? schema : { kind: "scalar", start: entry.keyStart, value: null }, [...schemaPath, "properties", property.name], "SIT078", problem, "rename the property in the plan: GitLab's format fixes the types of label, property and value");
          continue;
        }
        result.set(property.name, propertyData(property));
      }
    } catch (error) {
      if (!(error instanceof EventTooLarge)) throw error;
      this.error(schema, schemaPath, "SIT075", `the event's schema expands to more than ${MAX_EVENT_VALUES} values (its $refs followed): a definition holds at most that many`);
    }
    return result;
  }

  /**
   * The properties of an object schema, with `required` applied; `undefined` when it declares none.
   * `depth`: how many items and properties the object is inside of (-1: the event itself).
   */
  private objectProperties(schema: JsonObject, path: readonly PointerSegment[], depth: number): DraftProperty[] | undefined {
    const declared = member(schema, "properties")?.value;
    const required = this.requiredNames(schema, path);
    const additional = member(schema, "additionalProperties");
    if (additional !== undefined && !(additional.value.kind === "scalar" && additional.value.value === false)) {
      this.lose(additional.value, [...path, "additionalProperties"], "keys beyond the declared ones cannot be expressed: sit types and sends the declared keys only", additional.keyStart);
    }
    const properties: DraftProperty[] = [];
    if (declared !== undefined && declared.kind !== "object") {
      this.error(declared, [...path, "properties"], "SIT071", "`properties` is no JSON object");
    } else if (declared !== undefined) {
      if (declared.entries.length > 0 && depth + 1 > MAX_TYPE_DEPTH) {
        this.error(declared, [...path, "properties"], "SIT075", `the properties nest more than ${MAX_TYPE_DEPTH} levels deep, as many as sit's definitions allow`, "flatten the plan: a deeper value is a mistake");
        return undefined;
      }
      for (const entry of declared.entries) {
        const where = [...path, "properties", entry.key];
        const problem = propertyNameProblem(entry.key);
        if (problem !== undefined) {
          this.error({ kind: "scalar", start: entry.keyStart, value: null }, where, "SIT078", problem.message, problem.hint);
          continue;
        }
        properties.push({ name: entry.key, required: required.has(entry.key), draft: this.value(entry.value, where, depth + 1) });
      }
    }
    // `required` alone asks for the key, whatever its value.
    for (const name of required) {
      if (properties.some((property) => property.name === name) || propertyNameProblem(name) !== undefined || member(declared, name) !== undefined) continue;
      properties.push({ name, required: true, draft: { types: undefined } });
    }
    return properties.length === 0 ? undefined : properties;
  }

  private requiredNames(schema: JsonObject, path: readonly PointerSegment[]): Set<string> {
    const node = member(schema, "required")?.value;
    const names = new Set<string>();
    if (node === undefined) return names;
    if (node.kind !== "array") {
      // Draft 3 wrote `required: true` on the property itself; draft 4 and later list names on the object.
      this.error(node, [...path, "required"], "SIT071", "`required` is no list of property names", 'list the required keys on the object: "required": ["id"]');
      return names;
    }
    node.items.forEach((item, index) => {
      if (item.kind === "scalar" && typeof item.value === "string") names.add(item.value);
      else this.error(item, [...path, "required", index], "SIT071", "`required` lists property names: strings");
    });
    return names;
  }

  /**
   * A value's schema at `path`, `depth` items and properties deep. `alternative`: one of a union's
   * alternatives, which may be null alone (`anyOf: [{ type: string }, { type: null }]`).
   */
  private value(node: JsonNode, path: readonly PointerSegment[], depth: number, alternative = false): Draft {
    if (++this.values > MAX_EVENT_VALUES) throw new EventTooLarge();
    if (node.kind === "scalar" && typeof node.value === "boolean") {
      if (!node.value) this.lose(node, path, "`false` accepts no value at all: imported as any value");
      return { types: undefined };
    }
    if (node.kind !== "object") {
      this.error(node, path, "SIT071", "a JSON Schema is an object (or true or false)");
      return { types: undefined };
    }
    const ref = member(node, "$ref");
    if (ref !== undefined) return this.reference(node, ref, path, depth, alternative);
    const combined = this.combination(node, path, depth);
    if (combined !== undefined) return combined;
    return this.plain(node, path, depth, alternative);
  }

  /** A `$ref` within the same document is followed; a recursive or remote one cannot be. */
  private reference(node: JsonObject, ref: JsonEntry, path: readonly PointerSegment[], depth: number, alternative: boolean): Draft {
    const where = [...path, "$ref"];
    const annotated = (draft: Draft): Draft => {
      for (const entry of node.entries) {
        if (entry.key === "$ref" || BOOKKEEPING.has(entry.key)) continue;
        if (entry.key === "description" && typeof plainValue(entry.value) === "string") draft = { ...draft, description: plainValue(entry.value) as string };
        else if (entry.key !== "title") this.lose(entry.value, [...path, entry.key], `\`${entry.key}\` beside \`$ref\` is ignored, as draft-07 ignores it`, entry.keyStart);
      }
      return draft;
    };
    if (ref.value.kind !== "scalar" || typeof ref.value.value !== "string") {
      this.error(ref.value, where, "SIT071", "`$ref` is no string");
      return { types: undefined };
    }
    const target = ref.value.value;
    if (!target.startsWith("#")) {
      this.lose(ref.value, where, `\`$ref\` to another document (${target}) cannot be followed: imported as any value`);
      return annotated({ types: undefined });
    }
    let segments: string[] | undefined;
    try {
      segments = pointerSegments(decodeURIComponent(target.slice(1)));
    } catch {
      segments = undefined;
    }
    const resolved = segments === undefined ? undefined : nodeAt(this.event.input.root, segments);
    if (resolved === undefined) {
      this.error(ref.value, where, "SIT071", `\`$ref\` "${target}" leads to nothing in this file`);
      return { types: undefined };
    }
    if (this.expanding.has(resolved)) {
      this.lose(ref.value, where, `\`$ref\` "${target}" refers to itself (a recursive type): imported as any value at this depth`);
      return annotated({ types: undefined });
    }
    this.expanding.add(resolved);
    try {
      return annotated(this.value(resolved, segments!, depth, alternative));
    } finally {
      this.expanding.delete(resolved);
    }
  }

  /** `allOf`, `anyOf`, `oneOf`: one schema, or a union of distinct types; otherwise a loss. */
  private combination(node: JsonObject, path: readonly PointerSegment[], depth: number): Draft | undefined {
    const keys = ["allOf", "anyOf", "oneOf"].filter((key) => member(node, key) !== undefined);
    if (keys.length === 0) return undefined;
    const own: JsonObject = { ...node, entries: node.entries.filter((entry) => !keys.includes(entry.key)) };
    const base = this.plain(own, path, depth);
    let constrained = own.entries.some((entry) => !["description", "title", ...BOOKKEEPING].includes(entry.key));
    let result: Draft | undefined;
    for (const key of keys) {
      const entry = member(node, key)!;
      const where = [...path, key];
      if (entry.value.kind !== "array" || entry.value.items.length === 0) {
        this.error(entry.value, where, "SIT071", `\`${key}\` is no non-empty list of schemas`);
        continue;
      }
      if (constrained) {
        this.lose(entry.value, where, `\`${key}\` beside other constraints cannot be expressed: imported without it`, entry.keyStart);
        continue;
      }
      constrained = true;
      const alternatives = entry.value.items.map((item, index) => this.value(item, [...where, index], depth, true));
      if (key === "allOf") {
        if (alternatives.length === 1) result = alternatives[0]!;
        else this.lose(entry.value, where, "`allOf` of several schemas cannot be expressed: imported as any value", entry.keyStart);
        continue;
      }
      const union = unionOf(alternatives);
      if (!union.exact) this.lose(entry.value, where, `\`${key}\` of ${union.why} cannot be expressed: imported as ${union.outcome}`, entry.keyStart);
      else if (onlyNull(union.draft)) this.lose(entry.value, where, "a value that can only be null cannot be expressed: imported as any value", entry.keyStart);
      result = union.exact && onlyNull(union.draft) ? { types: undefined } : union.draft;
    }
    result ??= base;
    return base.description === undefined ? result : { ...result, description: base.description };
  }

  /** A schema without `$ref` or combinations. */
  private plain(node: JsonObject, path: readonly PointerSegment[], depth: number, alternative = false): Draft {
    const draft: Draft = { types: undefined };
    for (const entry of node.entries) {
      if (!VALUE_KEYWORDS.has(entry.key) && !BOOKKEEPING.has(entry.key)) this.unknownKeyword(entry, path, undefined);
    }
    const description = member(node, "description")?.value;
    const title = member(node, "title")?.value;
    if (description?.kind === "scalar" && typeof description.value === "string") draft.description = description.value;
    else if (title?.kind === "scalar" && typeof title.value === "string") draft.description = title.value;

    const typeNode = member(node, "type")?.value;
    let types = typeNode === undefined ? undefined : this.declaredTypes(typeNode, [...path, "type"]);
    const enumValues = this.enumValues(node, path);
    if (types === undefined && typeNode === undefined) types = inferredTypes(node, enumValues);
    if (!alternative && types !== undefined && types.length === 1 && types[0] === NULL_TYPE) {
      this.lose(typeNode ?? node, [...path, "type"], "a value that can only be null cannot be expressed: imported as any value");
      types = undefined;
    }
    draft.types = types;

    if (types === undefined || types.includes("object")) {
      const declaresKeys = member(node, "properties") !== undefined || member(node, "required") !== undefined || member(node, "additionalProperties") !== undefined;
      if (types !== undefined || declaresKeys) {
        const properties = this.objectProperties(node, path, depth);
        if (properties !== undefined) draft.properties = properties;
        else if (types !== undefined) {
          this.lose(typeNode ?? node, [...path, "type"], "an object whose keys are not declared cannot be expressed: imported as any value");
          draft.types = types = undefined;
        }
      }
    } else {
      this.ignoredFor(node, path, ["properties", "required", "additionalProperties"], types);
    }
    if (types === undefined || types.includes("array")) {
      const items = member(node, "items");
      if (items !== undefined) draft.items = this.items(items, path, depth);
      else if (types !== undefined) draft.items = { types: undefined };
    } else {
      this.ignoredFor(node, path, ["items"], types);
    }
    if (draft.types === undefined && (draft.items !== undefined || draft.properties !== undefined) && typeNode === undefined) {
      // A schema with items or properties and no type: the plan means an array or an object.
      draft.types = [...(draft.items !== undefined ? ["array" as const] : []), ...(draft.properties !== undefined ? ["object" as const] : [])];
    } else if (draft.types === undefined) {
      delete draft.items;
      delete draft.properties;
    }
    this.constraints(node, path, draft);
    if (enumValues !== undefined) this.applyEnum(node, path, draft, enumValues);
    return draft;
  }

  private declaredTypes(node: JsonNode, path: readonly PointerSegment[]): SitType[] | undefined {
    const names = node.kind === "array" ? node.items : [node];
    const types: SitType[] = [];
    for (const [index, item] of names.entries()) {
      const at = node.kind === "array" ? [...path, index] : path;
      if (item.kind !== "scalar" || typeof item.value !== "string" || !JSON_SCHEMA_TYPES.has(item.value)) {
        this.error(item, at, "SIT071", `${JSON.stringify(plainValue(item))} is no JSON Schema type`, "types are string, integer, number, boolean, array, object and null");
        return undefined;
      }
      if (!types.includes(item.value as SitType)) types.push(item.value as SitType);
    }
    if (types.length === 0) {
      this.error(node, path, "SIT071", "`type` lists no type");
      return undefined;
    }
    // Every integer is a number: `[integer, number]` is `number`.
    return types.includes("number") ? types.filter((type) => type !== "integer") : types;
  }

  private items(items: JsonEntry, path: readonly PointerSegment[], depth: number): Draft {
    const where = [...path, "items"];
    if (items.value.kind === "array") {
      this.lose(items.value, where, "`items` as a list (a tuple) cannot be expressed: imported as an array of any values", items.keyStart);
      return { types: undefined };
    }
    if (depth + 1 > MAX_TYPE_DEPTH) {
      this.error(items.value, where, "SIT075", `the items nest more than ${MAX_TYPE_DEPTH} levels deep, as many as sit's definitions allow`, "flatten the plan: a deeper value is a mistake");
      return { types: undefined };
    }
    return this.value(items.value, where, depth + 1);
  }

  private enumValues(node: JsonObject, path: readonly PointerSegment[]): EnumValue[] | undefined {
    const enumEntry = member(node, "enum");
    const constEntry = member(node, "const");
    const values: EnumValue[] = [];
    if (enumEntry !== undefined) {
      if (enumEntry.value.kind !== "array" || enumEntry.value.items.length === 0) {
        this.error(enumEntry.value, [...path, "enum"], "SIT071", "`enum` is no non-empty list of values");
        return undefined;
      }
      for (const [index, item] of enumEntry.value.items.entries()) {
        if (item.kind !== "scalar") {
          this.lose(item, [...path, "enum", index], "an enum value that is a list or an object cannot be expressed: imported without the enum");
          return undefined;
        }
        if (typeof item.value === "number" && !Number.isFinite(item.value)) {
          this.error(item, [...path, "enum", index], "SIT071", "this number is too large for a JavaScript number");
          return undefined;
        }
        if (!values.includes(item.value)) values.push(item.value);
      }
    }
    if (constEntry !== undefined) {
      if (constEntry.value.kind !== "scalar") {
        this.lose(constEntry.value, [...path, "const"], "a `const` list or object cannot be expressed: imported without it", constEntry.keyStart);
        return enumEntry === undefined ? undefined : values;
      }
      const value = constEntry.value.value;
      if (enumEntry === undefined) return [value];
      return values.includes(value) ? [value] : values;
    }
    return enumEntry === undefined ? undefined : values;
  }

  private applyEnum(node: JsonObject, path: readonly PointerSegment[], draft: Draft, values: EnumValue[]): void {
    const types = draft.types;
    if (types === undefined) {
      const ofValues = typesOfValues(values);
      // Only null: a value sit cannot type; it was reported as such and stays any value.
      if (ofValues.some((type) => type !== NULL_TYPE)) {
        draft.types = ofValues;
        draft.enum = values;
      }
      return;
    }
    const fitting = values.filter((value) => types.some((type) => fits(value, type)));
    const where = member(node, "enum") ?? member(node, "const")!;
    if (fitting.length < values.length) {
      const dropped = values.filter((value) => !fitting.includes(value)).map((value) => JSON.stringify(value));
      const outcome = fitting.length === 0 ? "imported without the enum" : `imported without ${dropped.length === 1 ? "it" : "them"}`;
      this.lose(where.value, [...path, where.key], `enum ${dropped.length === 1 ? "value" : "values"} ${dropped.join(", ")} ${dropped.length === 1 ? "is" : "are"} not of type ${types.join(" or ")}, so no value can match ${dropped.length === 1 ? "it" : "them"}: ${outcome}`, where.keyStart);
    }
    if (fitting.length > 0) draft.enum = fitting;
  }

  private constraints(node: JsonObject, path: readonly PointerSegment[], draft: Draft): void {
    const types = draft.types;
    const number = (key: string): { entry: JsonEntry; value: number } | undefined => {
      const entry = member(node, key);
      if (entry === undefined) return undefined;
      if (entry.value.kind !== "scalar" || typeof entry.value.value !== "number" || !Number.isFinite(entry.value.value)) {
        if (entry.value.kind === "scalar" && typeof entry.value.value === "boolean" && key.startsWith("exclusive")) return undefined;
        this.error(entry.value, [...path, key], "SIT071", `\`${key}\` is no finite number`);
        return undefined;
      }
      return { entry, value: entry.value.value };
    };
    const numeric = types === undefined || types.includes("number") || types.includes("integer");
    const textual = types === undefined || types.includes("string");
    const wholeOnly = types !== undefined && types.includes("integer") && !types.includes("number");

    const bound = (inclusiveKey: "minimum" | "maximum", exclusiveKey: string, direction: 1 | -1): number | undefined => {
      const inclusive = number(inclusiveKey);
      const exclusiveEntry = member(node, exclusiveKey);
      // Draft 4 wrote `exclusiveMinimum: true` beside `minimum`; later drafts give the bound itself.
      const exclusiveFlag = exclusiveEntry?.value.kind === "scalar" && exclusiveEntry.value.value === true;
      const exclusive = exclusiveFlag ? inclusive : number(exclusiveKey);
      if (!numeric) {
        for (const found of new Set([inclusive, exclusive])) if (found !== undefined) this.lose(found.entry.value, [...path, found.entry.key], `\`${found.entry.key}\` bounds numbers, and the value is ${types!.join(" | ")}: ignored`, found.entry.keyStart);
        return undefined;
      }
      if (exclusive === undefined || (exclusiveFlag === false && inclusive !== undefined && direction * (inclusive.value - exclusive.value) > 0)) return inclusive?.value;
      if (wholeOnly) return direction === 1 ? Math.floor(exclusive.value) + 1 : Math.ceil(exclusive.value) - 1;
      const entry = exclusiveFlag ? exclusiveEntry! : exclusive.entry;
      this.lose(entry.value, [...path, entry.key], `an exclusive bound cannot be expressed (sit's ${inclusiveKey} includes the bound): imported as ${inclusiveKey} ${exclusive.value}`, entry.keyStart);
      return exclusive.value;
    };
    const minimum = bound("minimum", "exclusiveMinimum", 1);
    const maximum = bound("maximum", "exclusiveMaximum", -1);
    if (minimum !== undefined && maximum !== undefined && minimum > maximum) {
      const entry = member(node, "maximum") ?? member(node, "exclusiveMaximum")!;
      this.lose(entry.value, [...path, entry.key], `no number lies between the bounds (${minimum} > ${maximum}): imported without them`, entry.keyStart);
    } else {
      if (minimum !== undefined) draft.minimum = minimum;
      if (maximum !== undefined) draft.maximum = maximum;
    }

    const lengths: Partial<Record<"minLength" | "maxLength", number>> = {};
    for (const key of ["minLength", "maxLength"] as const) {
      const entry = member(node, key);
      if (entry === undefined) continue;
      if (entry.value.kind !== "scalar" || typeof entry.value.value !== "number" || !Number.isSafeInteger(entry.value.value) || entry.value.value < 0) {
        this.error(entry.value, [...path, key], "SIT071", `\`${key}\` is no non-negative whole number`);
      } else if (!textual) {
        this.lose(entry.value, [...path, key], `\`${key}\` constrains strings, and the value is ${types!.join(" | ")}: ignored`, entry.keyStart);
      } else {
        lengths[key] = entry.value.value;
      }
    }
    if (lengths.minLength !== undefined && lengths.maxLength !== undefined && lengths.minLength > lengths.maxLength) {
      const entry = member(node, "maxLength")!;
      this.lose(entry.value, [...path, "maxLength"], `no string has a length between the bounds (${lengths.minLength} > ${lengths.maxLength}): imported without them`, entry.keyStart);
    } else {
      Object.assign(draft, lengths);
    }

    const pattern = member(node, "pattern");
    if (pattern !== undefined) {
      if (pattern.value.kind !== "scalar" || typeof pattern.value.value !== "string") {
        this.error(pattern.value, [...path, "pattern"], "SIT071", "`pattern` is no string");
      } else if (!textual) {
        this.lose(pattern.value, [...path, "pattern"], `\`pattern\` constrains strings, and the value is ${types!.join(" | ")}: ignored`, pattern.keyStart);
      } else {
        try {
          new RegExp(pattern.value.value, "u");
          draft.pattern = pattern.value.value;
        } catch (error) {
          this.lose(pattern.value, [...path, "pattern"], `\`pattern\` is no JavaScript regular expression (${(error as Error).message}): imported without it`, pattern.keyStart);
        }
      }
    }
  }

  /** Keywords of a type the value cannot have: JSON Schema skips them, sit would refuse them. */
  private ignoredFor(node: JsonObject, path: readonly PointerSegment[], keys: readonly string[], types: readonly SitType[]): void {
    for (const key of keys) {
      const entry = member(node, key);
      const empty = (entry?.value.kind === "object" && entry.value.entries.length === 0) || (entry?.value.kind === "array" && entry.value.items.length === 0);
      if (entry !== undefined && !empty) this.lose(entry.value, [...path, key], `\`${key}\` belongs to ${key === "items" ? "arrays" : "objects"}, and the value is ${types.join(" | ")}: ignored`, entry.keyStart);
    }
  }

  private unknownKeyword(entry: JsonEntry, path: readonly PointerSegment[], owner: string | undefined): void {
    const where = [...path, entry.key];
    const unchecked = UNCHECKED[entry.key];
    if (Object.hasOwn(UNCHECKED, entry.key) && unchecked !== undefined) {
      const shown = entry.key === "format" && entry.value.kind === "scalar" ? `\`format: ${String(entry.value.value)}\`` : `\`${entry.key}\``;
      this.lose(entry.value, where, `${shown} ${unchecked}: imported without it`, entry.keyStart);
    } else if (owner !== undefined && VALUE_KEYWORDS.has(entry.key)) {
      this.lose(entry.value, where, `\`${entry.key}\` on ${owner} itself cannot be expressed: imported without it`, entry.keyStart);
    } else {
      this.lose(entry.value, where, `\`${entry.key}\` has no place in a sit definition: imported without it`, entry.keyStart);
    }
  }

  private lose(node: JsonNode, path: readonly PointerSegment[], message: string, offset = node.start): void {
    this.losses.push({ input: this.event.input, event: this.event.name, offset, path, message });
  }

  private error(node: JsonNode, path: readonly PointerSegment[], code: Diagnostic["code"], message: string, hint?: string): void {
    this.diagnostics.push(inputDiagnostic(this.event.input, node.start, path, code, `event "${this.event.name}": ${message}`, hint));
  }
}

/** The names of a `type` keyword's value, whatever it holds. */
function typeNames(node: JsonNode): string[] {
  const items = node.kind === "array" ? node.items : [node];
  return items.flatMap((item) => (item.kind === "scalar" && typeof item.value === "string" ? [item.value] : []));
}

/** The type a schema without `type` means: what its enum holds; otherwise any (items and properties say more later). */
function inferredTypes(node: JsonObject, enumValues: EnumValue[] | undefined): SitType[] | undefined {
  if (enumValues !== undefined && member(node, "items") === undefined && member(node, "properties") === undefined) return typesOfValues(enumValues);
  return undefined;
}

function typesOfValues(values: readonly EnumValue[]): SitType[] {
  const types: SitType[] = [];
  for (const value of values) {
    const type: SitType = value === null ? "null" : typeof value === "string" ? "string" : typeof value === "boolean" ? "boolean" : "number";
    if (!types.includes(type)) types.push(type);
  }
  return types;
}

function fits(value: EnumValue, type: SitType): boolean {
  switch (type) {
    case "string":
      return typeof value === "string";
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "number":
      return typeof value === "number";
    case "boolean":
      return typeof value === "boolean";
    case "null":
      return value === null;
    default:
      return false;
  }
}

const onlyNull = (draft: Draft): boolean => draft.types !== undefined && draft.types.length === 1 && draft.types[0] === NULL_TYPE;

const hasConstraints = (draft: Draft): boolean =>
  draft.types !== undefined ||
  draft.enum !== undefined ||
  draft.minimum !== undefined ||
  draft.maximum !== undefined ||
  draft.minLength !== undefined ||
  draft.maxLength !== undefined ||
  draft.pattern !== undefined ||
  draft.items !== undefined ||
  draft.properties !== undefined;

/** The JSON type a sit type's values have: integers are numbers. */
const jsonTypeOf = (type: SitType): string => (type === "integer" ? "number" : type);

/**
 * The union of alternatives, exact when each JSON type comes from one alternative (what a value
 * is decides which alternative it must pass) and enums do not leave out another alternative's
 * values; otherwise the widest thing that holds them all.
 */
function unionOf(alternatives: readonly Draft[]): { draft: Draft; exact: true } | { draft: Draft; exact: false; why: string; outcome: string } {
  const anyValue: Draft = { types: undefined };
  if (alternatives.some((alternative) => alternative.types === undefined)) {
    const exact = alternatives.every((alternative) => alternative.types !== undefined || !hasConstraints(alternative));
    return exact ? { draft: anyValue, exact } : { draft: anyValue, exact, why: "an alternative that constrains values of any type", outcome: "any value" };
  }
  const owner = new Map<string, number>();
  const types: SitType[] = [];
  for (const [index, alternative] of alternatives.entries()) {
    for (const type of alternative.types!) {
      const previous = owner.get(jsonTypeOf(type));
      if (previous !== undefined && previous !== index) return { draft: anyValue, exact: false, why: `alternatives that both accept ${jsonTypeOf(type)} values`, outcome: "any value" };
      owner.set(jsonTypeOf(type), index);
      if (!types.includes(type)) types.push(type);
    }
  }
  const draft: Draft = { types };
  for (const alternative of alternatives) {
    if (alternative.minimum !== undefined) draft.minimum = alternative.minimum;
    if (alternative.maximum !== undefined) draft.maximum = alternative.maximum;
    if (alternative.minLength !== undefined) draft.minLength = alternative.minLength;
    if (alternative.maxLength !== undefined) draft.maxLength = alternative.maxLength;
    if (alternative.pattern !== undefined) draft.pattern = alternative.pattern;
    if (alternative.items !== undefined) draft.items = alternative.items;
    if (alternative.properties !== undefined) draft.properties = alternative.properties;
    if (alternative.description !== undefined) draft.description ??= alternative.description;
  }
  const enumerated = alternatives.filter((alternative) => alternative.enum !== undefined);
  if (enumerated.length > 0) {
    const open = alternatives.filter((alternative) => alternative.enum === undefined);
    if (open.some((alternative) => alternative.types!.some((type) => type !== NULL_TYPE))) {
      return { draft, exact: false, why: "alternatives with and without an enum", outcome: `${types.join(" | ")} without the enum` };
    }
    draft.enum = [...enumerated.flatMap((alternative) => alternative.enum!), ...(open.length > 0 ? [null] : [])];
  }
  return { draft, exact: true };
}

/** Why sit cannot take a property name as written (validate-definition.ts refuses the same). */
function propertyNameProblem(name: string): { message: string; hint?: string } | undefined {
  if (name === "" || CONTROL_CHARACTER.test(name)) return { message: `property name ${JSON.stringify(name)} is empty or holds a control character` };
  if (PROTOTYPE_TRAPS.has(name) || UNTYPABLE_PROPERTY_NAMES.has(name)) {
    return {
      message: `property "${name}" cannot be used: every JavaScript object already has a \`${name}\` (from Object.prototype), so no typed SDK can tell it from a value the caller passed`,
      hint: `rename it in the plan, e.g. "${name.replace(/^_+|_+$/g, "")}_name"`,
    };
  }
  if (name.length > MAX_KEY_LENGTH) return { message: `property name "${name.slice(0, 40)}…" is ${name.length} characters long; YAML keys hold at most ${MAX_KEY_LENGTH}` };
  return undefined;
}

/** YAML readers refuse longer keys without the explicit `? ` form. */
const MAX_KEY_LENGTH = 1024;

/** GitLab's format fixes the types of label, property and value; a plan's other type for them cannot be kept. */
function builtInTypeProblem(property: DraftProperty): string | undefined {
  const fixed = BUILT_IN_PROPERTY_TYPES.get(property.name);
  if (fixed === undefined) return undefined;
  const types = property.draft.types;
  const allowed = fixed === "number" ? ["number", "integer"] : [fixed];
  if (types !== undefined && types.length === 1 && allowed.includes(types[0]!)) return undefined;
  return `property "${property.name}" is ${types === undefined ? "any value" : types.join(" | ")} in the plan, and GitLab's format fixes "${property.name}" as ${fixed === "number" ? "a number" : "a string"}`;
}

/** A property as a definition writes it: description, type, required, then the rest. */
function propertyData(property: DraftProperty): PropertyData {
  const value = valueData(property.draft);
  const { description, type, ...rest } = value;
  return {
    ...(description === undefined ? {} : { description }),
    ...(type === undefined ? {} : { type }),
    ...(property.required ? { required: true } : {}),
    ...rest,
  };
}

function valueData(draft: Draft): ValueData {
  const types = draft.types;
  const data: Record<string, unknown> = {};
  if (draft.description !== undefined && draft.description !== "") data["description"] = draft.description;
  data["type"] = types === undefined ? "any" : types.length === 1 ? types[0] : [...types];
  if (draft.enum !== undefined) data["enum"] = [...draft.enum];
  for (const key of ["minimum", "maximum", "minLength", "maxLength", "pattern"] as const) {
    if (draft[key] !== undefined) data[key] = draft[key];
  }
  if (draft.items !== undefined && types?.includes("array")) data["items"] = valueData(draft.items);
  if (draft.properties !== undefined && types?.includes("object")) {
    data["properties"] = Object.fromEntries(draft.properties.map((property) => [property.name, propertyData(property)]));
  }
  return data as ValueData;
}
