import type { ResolvedConfig } from "../config/validate-config";
import { generatedNamesOf } from "../naming/generated-names";
import { valueSpecOf, type EnumValue, type ValueSpec } from "../model/value-spec";
import type { PropertyData, ValueData } from "../validate/definition-schema";
import type { ValidDefinition } from "../validate/validate-definition";
import { BUILT_IN_PROPERTY_TYPES, STATUSES, type PropertyType, type Status } from "../validate/vocabulary";
import { headingAnchorOf, headingAnchors } from "./heading-anchors";

/** The title of the dictionary, its first heading. */
export const DICTIONARY_TITLE = "Events dictionary";
/** The heading of the identifiers' section of events.md, before the events' sections. */
export const IDENTIFIERS_HEADING = "Identifiers";

/** What the dictionary reads of the config. */
export type DictionaryConfig = Pick<ResolvedConfig, "defaultProcessors" | "identifiers" | "vocabulary">;

/** Everything the events dictionary shows, decided once for the Markdown and the HTML emitters. */
export interface EventsDictionary {
  /** Sorted by action, then by source file (legacy actions may repeat). */
  readonly events: readonly DictionaryEvent[];
  /** The identifiers the events name, in the config's order; none: events.md has no identifiers' section. */
  readonly identifiers: readonly DictionaryIdentifier[];
  /** The choices of the page's filters, each sorted. */
  readonly productGroups: readonly string[];
  readonly trackers: readonly string[];
  readonly tiers: readonly string[];
  readonly statuses: readonly Status[];
}

export interface DictionaryIdentifier {
  /** As definitions name it. */
  readonly name: string;
  /** Its key in the arguments of a tracking function. */
  readonly field: string;
  /** The TypeScript type the config gives it. */
  readonly type: string;
  /** Set once with `setTrackingContext`, not passed to each call. */
  readonly fromContext: boolean;
}

export interface DictionaryEvent {
  /** As written in the definition. */
  readonly action: string;
  /**
   * The id of the event's heading in events.md as GitHub makes it (`Order Completed` →
   * `order-completed`), numbered `-1`, `-2`… where headings repeat; unique among the document's
   * headings. Empty when the action has no letter or digit.
   */
  readonly anchor: string;
  readonly description: string;
  /** A definition without `internal_events: true`: documented, but no tracking function. */
  readonly legacy: boolean;
  /** The generated function (`function_name` when the definition sets one); undefined for legacy events. */
  readonly functionName: string | undefined;
  readonly status: Status;
  /** Set for removed events. */
  readonly removal: { readonly milestone: string | undefined; readonly url: string | undefined } | undefined;
  /** In declaration order. */
  readonly identifiers: readonly DictionaryIdentifier[];
  /** The event's properties, each followed by the properties and items nested in it. */
  readonly properties: readonly DictionaryProperty[];
  /** Tracking classes in call order: the default processors, then the extra trackers. Legacy events have no call, so only their own trackers. */
  readonly trackers: readonly string[];
  /** Undefined where the config's rules let a definition leave it out. */
  readonly productGroup: string | undefined;
  readonly productCategories: readonly string[];
  /** In the order of the config's tiers (GitLab's: free, premium, ultimate); empty where the definition names none. */
  readonly tiers: readonly string[];
  /** `null`: the definition says it is unknown; undefined: the definition leaves it out. */
  readonly milestone: string | null | undefined;
  readonly introducedByUrl: string | undefined;
  readonly classification: string | undefined;
  /** The Snowplow category of legacy definitions. */
  readonly category: string | undefined;
  /** Names under GitLab's `extra_properties`, which sit documents but does not type. */
  readonly extraProperties: readonly string[];
  /** The definition file, relative to the project root. */
  readonly file: string;
}

/** A property of an event, a property of an object inside one, or the items of an array. */
export interface DictionaryProperty {
  /**
   * Where the value is in `additionalProperties`, as the SDK's checks name it: `quantity`,
   * `dimensions.width`, `products[].sku`, `tags[]` for an array's items, `meta["Product ID"]`.
   */
  readonly path: string;
  /** How many rows above it hold it: 0 for the event's own properties. */
  readonly depth: number;
  readonly description: string | undefined;
  /**
   * Its type at this level, as the generated SDK types it (declared, fixed by GitLab for label,
   * property and value, or `string | number`): objects are `object` and arrays `object[]`, their
   * contents being rows of their own; enums are their values' type.
   */
  readonly type: string;
  /** `type: integer`: the SDK's `number`, holding whole numbers only. */
  readonly integer: boolean;
  readonly enumValues: readonly EnumValue[] | undefined;
  /** Undefined for an array's items, which are there whenever the array is. */
  readonly required: boolean | undefined;
  /** Bounds, lengths and pattern, each worded as code: `1 ≤ quantity ≤ 99`, `length ≤ 20`, `/^[A-Z]+$/`. */
  readonly constraints: readonly string[];
  /** For protected properties: the trackers that alone receive it. */
  readonly onlyFor: readonly string[];
}

/** Legacy definitions describe GitLab's built-in properties in keys of their own. */
const LEGACY_DESCRIPTION_KEYS = [
  ["label", "label_description"],
  ["property", "property_description"],
  ["value", "value_description"],
] as const;

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Valid definitions (legacy ones included) and the config → the dictionary. */
export function buildDictionary(definitions: readonly ValidDefinition[], config: DictionaryConfig): EventsDictionary {
  const sorted = [...definitions].sort((a, b) => byCodeUnits(a.data.action, b.data.action) || byCodeUnits(a.projectPath, b.projectPath));
  const identifiersByName = new Map(
    config.identifiers.map((identifier) => [identifier.name, { name: identifier.name, field: identifier.field, type: identifier.type, fromContext: identifier.fromContext }]),
  );
  const named = new Set(sorted.flatMap((definition) => definition.data.identifiers ?? []));
  const identifiers = [...identifiersByName.values()].filter((identifier) => named.has(identifier.name));
  // events.md's headings, in its order: the title, the identifiers' section when there is one, then the events.
  const anchorOf = headingAnchors([DICTIONARY_TITLE, ...(identifiers.length > 0 ? [IDENTIFIERS_HEADING] : [])].map(headingAnchorOf));
  const events = sorted.map((definition) => buildEvent(definition, config, identifiersByName, anchorOf(definition.data.action)));
  const distinct = (values: Iterable<string>): string[] => [...new Set(values)].sort(byCodeUnits);
  const usedTiers = new Set(events.flatMap((event) => event.tiers));
  const usedStatuses = new Set(events.map((event) => event.status));
  return {
    events,
    identifiers,
    productGroups: distinct(events.flatMap((event) => (event.productGroup === undefined ? [] : [event.productGroup]))),
    trackers: distinct(events.flatMap((event) => event.trackers)),
    tiers: config.vocabulary.tiers.filter((tier) => usedTiers.has(tier)),
    statuses: STATUSES.filter((status) => usedStatuses.has(status)),
  };
}

function buildEvent(definition: ValidDefinition, config: DictionaryConfig, identifiers: ReadonlyMap<string, DictionaryIdentifier>, anchor: string): DictionaryEvent {
  const { data, internal } = definition;
  const trackers: readonly { className: string; protectedProperties: Readonly<Record<string, PropertyData>> }[] =
    data.extra_trackers?.map((tracker) => ({ className: tracker.tracking_class, protectedProperties: tracker.protected_properties ?? {} })) ??
    data.extra_tracking_classes?.map((className) => ({ className, protectedProperties: {} })) ??
    [];
  const status = data.status ?? "active";

  const properties: DictionaryProperty[][] = Object.entries(data.additional_properties ?? {}).map(([name, property]) =>
    propertyRows(name, property, BUILT_IN_PROPERTY_TYPES.get(name), []),
  );
  if (!internal) {
    for (const [name, key] of LEGACY_DESCRIPTION_KEYS) {
      const description = data[key];
      if (typeof description === "string" && !properties.some(([property]) => property!.path === name)) {
        properties.push(propertyRows(name, { description }, BUILT_IN_PROPERTY_TYPES.get(name), []));
      }
    }
  }
  const protectedIndex = new Map<string, number>();
  for (const tracker of trackers) {
    for (const [name, property] of Object.entries(tracker.protectedProperties)) {
      const index = protectedIndex.get(name);
      // Validation allows a name in several trackers' protected properties only with one type.
      if (index !== undefined) {
        const [first, ...nested] = properties[index]!;
        properties[index] = [{ ...first!, onlyFor: [...first!.onlyFor, tracker.className] }, ...nested];
      } else {
        protectedIndex.set(name, properties.length);
        properties.push(propertyRows(name, property, undefined, [tracker.className]));
      }
    }
  }

  return {
    action: data.action,
    anchor,
    description: data.description ?? "",
    legacy: !internal,
    functionName: internal ? generatedNamesOf(data).functionName : undefined,
    status,
    removal: status === "removed" ? { milestone: data.milestone_removed, url: data.removed_by_url } : undefined,
    identifiers: (data.identifiers ?? []).map((name) => {
      const identifier = identifiers.get(name);
      if (identifier === undefined) throw new Error(`identifier ${JSON.stringify(name)} is not in the config: validation lets no such definition through`);
      return identifier;
    }),
    properties: properties.flat(),
    trackers: [...(internal ? config.defaultProcessors : []), ...trackers.map((tracker) => tracker.className)],
    productGroup: data.product_group,
    productCategories: data.product_categories ?? [],
    tiers: config.vocabulary.tiers.filter((tier) => data.tiers?.includes(tier) === true),
    milestone: data.milestone,
    introducedByUrl: data.introduced_by_url ?? undefined,
    classification: data.classification ?? undefined,
    category: data.category,
    extraProperties: Object.keys(data.extra_properties ?? {}),
    file: definition.projectPath,
  };
}

/** A property's row, then the rows of what it holds. */
function propertyRows(name: string, property: PropertyData, builtIn: PropertyType | undefined, onlyFor: readonly string[]): DictionaryProperty[] {
  const rows: DictionaryProperty[] = [];
  const place = { path: name, label: name, depth: 0, description: property?.description, required: property?.required === true, onlyFor };
  addRows(rows, place, valueSpecOf(property, builtIn), property);
  return rows;
}

interface RowPlace {
  readonly path: string;
  /** What the row's constraints call the value: the property's name, `tags[]` for items. */
  readonly label: string;
  readonly depth: number;
  readonly description: string | undefined;
  readonly required: boolean | undefined;
  readonly onlyFor: readonly string[];
}

/** `data`: what the definition writes of `value`, read for the descriptions of items, which value specs leave out. */
function addRows(rows: DictionaryProperty[], place: RowPlace, value: ValueSpec, data: ValueData | null): void {
  rows.push({
    path: place.path,
    depth: place.depth,
    description: place.description,
    type: levelTypeText(value),
    integer: value.integer,
    enumValues: value.enum,
    required: place.required,
    constraints: constraintsOf(value, place.label),
    onlyFor: place.onlyFor,
  });
  addNestedRows(rows, place, value, data);
}

/**
 * The rows of an object's properties and of an array's items. Items get a row of their own only
 * when they say more than the array's type shows (a description, values, an integer, constraints);
 * otherwise what they hold hangs from the array's row.
 */
function addNestedRows(rows: DictionaryProperty[], parent: Pick<RowPlace, "path" | "label" | "depth">, value: ValueSpec, data: ValueData | null): void {
  // Value specs keep the definition's order of properties.
  const propertyData = Object.values(data?.properties ?? {});
  value.properties?.forEach((property, index) => {
    const place = { path: memberPath(parent.path, property.name), label: property.name, depth: parent.depth + 1, description: property.description, required: property.required, onlyFor: [] };
    addRows(rows, place, property.value, propertyData[index] ?? null);
  });
  const items = value.items;
  if (items === undefined) return;
  const itemsData = data?.items ?? null;
  const place = { path: `${parent.path}[]`, label: `${parent.label}[]`, depth: parent.depth };
  const saysMore = itemsData?.description !== undefined || items.enum !== undefined || items.integer || constraintsOf(items, place.label).length > 0;
  if (saysMore) addRows(rows, { ...place, depth: parent.depth + 1, description: itemsData?.description, required: undefined, onlyFor: [] }, items, itemsData);
  else addNestedRows(rows, place, items, itemsData);
}

/** `products[].sku`; a key that is no identifier is quoted, as the SDK's checks write it: `meta["Product ID"]`. */
const memberPath = (path: string, name: string): string => (/^[A-Za-z_$][\w$]*$/.test(name) ? `${path}.${name}` : `${path}[${JSON.stringify(name)}]`);

/** The type of a value at its own level: `string | null`, `object`, `object[]`, `(string | null)[]`, `any`. */
function levelTypeText(value: ValueSpec): string {
  if (value.types === undefined) return "any";
  return value.types
    .map((type) => {
      if (type !== "array") return type;
      const items = levelTypeText(value.items!);
      return `${items.includes(" | ") ? `(${items})` : items}[]`;
    })
    .join(" | ");
}

/** `1 ≤ quantity ≤ 99`, `quantity ≥ 1`, `3 ≤ length ≤ 20`, `/^[A-Z]+$/`. */
function constraintsOf(value: ValueSpec, label: string): string[] {
  const constraints: string[] = [];
  const bounds = (name: string, minimum: number | undefined, maximum: number | undefined): void => {
    if (minimum !== undefined && maximum !== undefined) constraints.push(`${minimum} ≤ ${name} ≤ ${maximum}`);
    else if (minimum !== undefined) constraints.push(`${name} ≥ ${minimum}`);
    else if (maximum !== undefined) constraints.push(`${name} ≤ ${maximum}`);
  };
  bounds(label, value.minimum, value.maximum);
  bounds("length", value.minLength, value.maxLength);
  if (value.pattern !== undefined) constraints.push(`/${value.pattern}/`);
  return constraints;
}
