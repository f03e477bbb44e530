import type { Diagnostic } from "../diagnostics/diagnostic";
import { SourceFile } from "../load/source-file";
import { parseYaml } from "../load/yaml";
import { toPlainValue, type YamlNode } from "../load/yaml-tree";
import { PROPERTY_KEYS, propertySchema, type PropertyData, type ValueData } from "../validate/definition-schema";
import { schemaDiagnostics, type PathSegment } from "../validate/schema-diagnostics";
import { NULL_TYPE, PROPERTY_TYPES, PROTOTYPE_TRAPS, type PropertyType } from "../validate/vocabulary";
import type { PropertyField, TypeField, ValueField } from "./definition-fields";

/** What one `--property` gives: its properties, or what is wrong with it. */
export type PropertyFlagResult =
  | { readonly ok: true; readonly properties: readonly PropertyField[] }
  | { readonly ok: false; readonly problems: readonly string[]; readonly diagnostics: readonly Diagnostic[] };

/** How diagnostics name the text of a `--property` flag. */
export const PROPERTY_FLAG_SOURCE = "--property";

/**
 * A flag in the definition's own YAML: a name (quoted when it holds a colon), a colon and a flow
 * mapping (`quantity: { type: integer }`), or a flow mapping of such entries. Anything else is
 * `name:description[:type]`, so a description cannot start with `{`.
 */
const YAML_FORM = /^\s*(?:\{|(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^:]*):\s*\{)/;

/**
 * One `--property`: `name:description[:type]`, or the property as a definition declares it,
 * `name: { description: …, type: …, required: true, enum: […], items: {…}, properties: {…} }`.
 * In the short form the name ends at the first colon and a trailing `:type` is the type when it
 * names types (`integer`, `string|null`); the description is what lies between, colons included.
 */
export function parsePropertyFlag(flag: string): PropertyFlagResult {
  if (YAML_FORM.test(flag)) return parseYamlForm(flag);
  const problem = (message: string): PropertyFlagResult => ({ ok: false, problems: [`--property "${flag}" ${message}`], diagnostics: [] });
  const colon = flag.indexOf(":");
  if (colon < 0) return problem("needs a description: name:description or name:description:type");
  const name = flag.slice(0, colon).trim();
  const rest = flag.slice(colon + 1);
  const lastColon = rest.lastIndexOf(":");
  const type = lastColon < 0 ? undefined : typeExpression(rest.slice(lastColon + 1));
  const description = (type === undefined ? rest : rest.slice(0, lastColon)).trim();
  if (name === "") return problem("needs a name before the first colon");
  if (description === "") return problem("needs a description after the name");
  if (type === undefined) return { ok: true, properties: [{ name, description }] };
  const nested = (Array.isArray(type) ? type : [type]).find((kind) => kind === "array" || kind === "object");
  if (nested !== undefined) {
    const example = nested === "array" ? "items: { type: string }" : "properties: { id: { type: string } }";
    return problem(`declares ${nested === "array" ? "an array" : "an object"}, which needs its ${nested === "array" ? "items" : "properties"}: write the property as YAML, e.g. '${name}: { description: ${description}, type: ${nested}, ${example} }'`);
  }
  return { ok: true, properties: [{ name, description, type }] };
}

/** `integer`, `string|null`, `string | number`: the type names of a short form's end, or `undefined` when it names none. */
function typeExpression(text: string): TypeField | undefined {
  const names = text.split("|").map((part) => part.trim());
  const known = (name: string): name is PropertyType | typeof NULL_TYPE => (PROPERTY_TYPES as readonly string[]).includes(name) || name === NULL_TYPE;
  if (!names.every(known) || names.every((name) => name === NULL_TYPE)) return undefined;
  return names.length === 1 ? (names[0] as PropertyType) : names;
}

function parseYamlForm(flag: string): PropertyFlagResult {
  const source = new SourceFile(PROPERTY_FLAG_SOURCE, flag);
  const parsed = parseYaml(flag, PROPERTY_FLAG_SOURCE);
  if (!parsed.ok || parsed.problems.length > 0) return { ok: false, problems: [], diagnostics: source.yamlDiagnostics(parsed.problems) };
  const root = parsed.root;
  if (root?.kind !== "mapping") return { ok: false, problems: [`--property "${flag}" must be a mapping of property names to what they declare`], diagnostics: [] };

  const diagnostics = prototypeKeys(root).map((offset) =>
    source.diagnostic(offset, "error", "SIT019", "`__proto__` cannot be used: as an object key it would replace the prototype instead of naming a property"),
  );
  const properties: PropertyField[] = [];
  for (const entry of root.entries) {
    const result = propertySchema.safeParse(toPlainValue(entry.value));
    if (result.success) properties.push(propertyField(entry.key, result.data));
    else {
      const issues = result.error.issues.map((issue) => ({ ...issue, path: [entry.key, ...issue.path] }));
      diagnostics.push(...schemaDiagnostics(issues, root, source, keysAt));
    }
  }
  return diagnostics.length > 0 ? { ok: false, problems: [], diagnostics } : { ok: true, properties };
}

/** An array's `items` takes a property's keys but `required`. */
function keysAt(path: readonly PathSegment[]): readonly string[] {
  return path[path.length - 1] === "items" ? PROPERTY_KEYS.filter((key) => key !== "required") : PROPERTY_KEYS;
}

/** Where a `__proto__` key is, at any depth: the schema would drop it without a word. */
function prototypeKeys(node: YamlNode): number[] {
  if (node.kind === "sequence") return node.items.flatMap(prototypeKeys);
  if (node.kind !== "mapping") return [];
  return node.entries.flatMap((entry) => [...(PROTOTYPE_TRAPS.has(entry.key) ? [entry.keyStart] : []), ...prototypeKeys(entry.value)]);
}

function propertyField(name: string, data: PropertyData): PropertyField {
  if (data === null) return { name };
  const { required, ...value } = data;
  return { name, ...valueField(value), ...(required === undefined ? {} : { required }) };
}

function valueField(data: ValueData): ValueField {
  const { items, properties, ...scalars } = data;
  const field: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(scalars)) if (value !== undefined) field[key] = value;
  if (items !== undefined) field["items"] = valueField(items);
  if (properties !== undefined) field["properties"] = Object.entries(properties).map(([member, memberData]) => propertyField(member, memberData));
  return field as ValueField;
}
