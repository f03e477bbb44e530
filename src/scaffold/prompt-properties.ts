import { CONTROL_CHARACTER } from "../text/control-character";
import {
  BUILT_IN_PROPERTY_TYPES,
  MAX_TYPE_DEPTH,
  NULL_TYPE,
  PROPERTY_NAME_PATTERN,
  PROPERTY_TYPES,
  PROTOTYPE_TRAPS,
  UNTYPABLE_PROPERTY_NAMES,
  type PropertyType,
  type Vocabulary,
} from "../validate/vocabulary";
import type { EnumValue, PropertyField, ValueField } from "./definition-fields";

type Prompts = typeof import("@inquirer/prompts");

interface Asking {
  readonly prompts: Prompts;
  readonly propertyNames: Vocabulary["propertyNames"];
}

/** Where a value is declared: its path in messages (`products[].price`), its nesting, what it may have. */
interface ValuePlace {
  readonly path: string;
  /** How many `items` and `properties` it is inside of. */
  readonly depth: number;
  /** GitLab's fixed type of a built-in property (label, property, value): not asked. */
  readonly builtIn: PropertyType | undefined;
  /** A property (which may be required), not an array's items. */
  readonly member: boolean;
}

/** What can be added to a value's type, each asked for in turn when picked. */
type Refinement = "required" | "null" | "enum" | "minimum" | "maximum" | "minLength" | "maxLength" | "pattern";

const REFINEMENTS: readonly { readonly value: Refinement; readonly name: string }[] = [
  { value: "required", name: "required: callers must pass it" },
  { value: "null", name: "may be null" },
  { value: "enum", name: "only some values (enum)" },
  { value: "minimum", name: "a minimum" },
  { value: "maximum", name: "a maximum" },
  { value: "minLength", name: "a minimum length" },
  { value: "maxLength", name: "a maximum length" },
  { value: "pattern", name: "a pattern (regular expression)" },
];

/**
 * Properties one at a time until an empty name: each with its description, its type (not for
 * GitLab's built-in names, whose type is fixed), what it adds to the type (required, null, enum,
 * constraints), and for an array its items, for an object its properties, asked the same way.
 */
export function promptProperties(prompts: Prompts, vocabulary: Pick<Vocabulary, "propertyNames">): Promise<PropertyField[]> {
  return promptMembers({ prompts, propertyNames: vocabulary.propertyNames }, undefined, 0);
}

/** The properties of `owner` (an object's path), or of the event when `undefined`. */
async function promptMembers(asking: Asking, owner: string | undefined, depth: number): Promise<PropertyField[]> {
  const members: PropertyField[] = [];
  for (;;) {
    const first = members.length === 0;
    const message =
      owner === undefined
        ? first
          ? "Property name (empty for none):"
          : "Another property (empty when done):"
        : first
          ? `First property of ${owner}:`
          : `Another property of ${owner} (empty when done):`;
    const name = (
      await asking.prompts.input({
        message,
        validate: (value) => memberNameProblem(value.trim(), members, asking.propertyNames, owner !== undefined && first) ?? true,
      })
    ).trim();
    if (name === "") return members;
    const path = owner === undefined ? name : `${owner}.${name}`;
    const description = (await asking.prompts.input({ message: `Description of ${path}:`, required: true })).trim();
    const builtIn = owner === undefined ? BUILT_IN_PROPERTY_TYPES.get(name) : undefined;
    members.push({ name, description, ...(await promptValue(asking, { path, depth, builtIn, member: true })) });
  }
}

async function promptValue(asking: Asking, place: ValuePlace): Promise<ValueField & { required?: true }> {
  const { prompts } = asking;
  // A value that may still nest: validation allows MAX_TYPE_DEPTH levels of items and properties.
  const nests = place.depth < MAX_TYPE_DEPTH;
  const chosen =
    place.builtIn ??
    (await prompts.select<PropertyType | "">({
      message: `Type of ${place.path}:`,
      choices: [
        { value: "", name: "string or number (GitLab's default)" },
        ...PROPERTY_TYPES.filter((type) => nests || (type !== "array" && type !== "object")).map((value) => ({ value })),
      ],
    }));
  const type = chosen === "" ? undefined : chosen;
  const offered = REFINEMENTS.filter(({ value }) => offers(value, type, place));
  const picked = new Set(
    offered.length === 0
      ? []
      : await prompts.checkbox<Refinement>({ message: `Also for ${place.path} (space to pick, Enter for none):`, choices: offered }),
  );

  const value: { -readonly [Key in keyof ValueField]: ValueField[Key] } & { required?: true } = {};
  // GitLab fixes the type of its built-in names: the definition leaves it out.
  if (type !== undefined && place.builtIn === undefined) value.type = picked.has("null") ? [type, NULL_TYPE] : type;
  if (picked.has("required")) value.required = true;
  if (picked.has("enum")) value.enum = [...(await promptEnum(prompts, place.path, type!)), ...(picked.has("null") ? [null] : [])];
  for (const [low, high, kind] of [
    ["minimum", "maximum", "number"],
    ["minLength", "maxLength", "length"],
  ] as const) {
    if (picked.has(low)) value[low] = await promptBound(prompts, `${low === "minimum" ? "Minimum" : "Minimum length"} of ${place.path}:`, kind, undefined);
    if (picked.has(high)) value[high] = await promptBound(prompts, `${high === "maximum" ? "Maximum" : "Maximum length"} of ${place.path}:`, kind, value[low]);
  }
  if (picked.has("pattern")) {
    value.pattern = await prompts.input({
      message: `Pattern of ${place.path} (a regular expression, as in JavaScript with the u flag):`,
      validate: (text) => patternProblem(text) ?? true,
    });
  }
  if (type === "array") value.items = await promptValue(asking, { path: `${place.path}[]`, depth: place.depth + 1, builtIn: undefined, member: false });
  if (type === "object") value.properties = await promptMembers(asking, place.path, place.depth + 1);
  return value;
}

function offers(refinement: Refinement, type: PropertyType | undefined, place: ValuePlace): boolean {
  switch (refinement) {
    case "required":
      return place.member;
    case "null":
      return type !== undefined && type !== "any" && place.builtIn === undefined;
    case "enum":
      return type === "string" || type === "integer" || type === "number";
    case "minimum":
    case "maximum":
      return type === "integer" || type === "number";
    case "minLength":
    case "maxLength":
    case "pattern":
      return type === "string";
  }
}

/** Allowed values one at a time until an empty answer, each of the type. */
async function promptEnum(prompts: Prompts, path: string, type: PropertyType): Promise<EnumValue[]> {
  const values: EnumValue[] = [];
  for (;;) {
    const answer = (
      await prompts.input({
        message: values.length === 0 ? `A value ${path} may have:` : `Another value ${path} may have (empty when done):`,
        validate: (text) => {
          const written = text.trim();
          if (written === "") return values.length === 0 ? "give at least one value" : true;
          const parsed = enumValueOf(written, type);
          if (parsed === undefined) return `${JSON.stringify(written)} is not ${type === "integer" ? "an integer" : "a number"}`;
          return values.includes(parsed) ? `${JSON.stringify(written)} is listed already` : true;
        },
      })
    ).trim();
    if (answer === "") return values;
    values.push(enumValueOf(answer, type)!);
  }
}

function enumValueOf(text: string, type: PropertyType): EnumValue | undefined {
  if (type === "string") return text;
  const number = Number(text);
  if (!Number.isFinite(number)) return undefined;
  return type === "integer" && !Number.isSafeInteger(number) ? undefined : number;
}

/** A bound: any number for values, a non-negative integer for lengths; not below `lower`. */
async function promptBound(prompts: Prompts, message: string, kind: "number" | "length", lower: number | undefined): Promise<number> {
  const answer = await prompts.input({
    message,
    validate: (text) => {
      const written = text.trim();
      const number = Number(written);
      if (written === "" || !Number.isFinite(number)) return "a number, like 0 or 9.5";
      if (kind === "length" && (!Number.isSafeInteger(number) || number < 0)) return "a whole number, 0 or more";
      return lower !== undefined && number < lower ? `not below ${lower}, the lower bound` : true;
    },
  });
  return Number(answer.trim());
}

function patternProblem(pattern: string): string | undefined {
  if (pattern === "") return "a pattern, like ^[A-Z]{3}$";
  try {
    new RegExp(pattern, "u");
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

function memberNameProblem(name: string, members: readonly PropertyField[], rule: Vocabulary["propertyNames"], needed: boolean): string | undefined {
  if (name === "") return needed ? "an object needs at least one property" : undefined;
  if (rule === "snake_case" && !PROPERTY_NAME_PATTERN.test(name)) return "use lowercase snake_case, starting with a letter";
  if (CONTROL_CHARACTER.test(name)) return "write the name on one line, in printable characters";
  if (PROTOTYPE_TRAPS.has(name) || UNTYPABLE_PROPERTY_NAMES.has(name)) return `"${name}" cannot be used: every JavaScript object has it already`;
  if (members.some((member) => member.name === name)) return `"${name}" is given already`;
  return undefined;
}
