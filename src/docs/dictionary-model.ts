import type { ResolvedConfig, ValidDefinition } from "../index";
import { generatedNamesOf } from "../model/generated-names";
import { typeText, valueSpecOf, type EnumValue } from "../model/value-spec";
import type { PropertyData } from "../validate/definition-schema";
import { BUILT_IN_PROPERTY_TYPES, STATUSES, type PropertyType, type Status } from "../validate/vocabulary";

/** Everything the events dictionary shows, decided once for the Markdown and the HTML emitters. */
export interface EventsDictionary {
  /** Sorted by action, then by source file (legacy actions may repeat). */
  readonly events: readonly DictionaryEvent[];
  /** The choices of the page's filters, each sorted. */
  readonly productGroups: readonly string[];
  readonly trackers: readonly string[];
  readonly tiers: readonly string[];
  readonly statuses: readonly Status[];
}

export interface DictionaryEvent {
  readonly action: string;
  /** Unique among the events: the action, with `-1`, `-2`… for later legacy definitions of the same action (GitHub's heading anchors). */
  readonly anchor: string;
  readonly description: string;
  /** A definition without `internal_events: true`: documented, but no tracking function. */
  readonly legacy: boolean;
  /** The generated function; undefined for legacy events. */
  readonly functionName: string | undefined;
  readonly status: Status;
  /** Set for removed events. */
  readonly removal: { readonly milestone: string | undefined; readonly url: string | undefined } | undefined;
  /** In declaration order. */
  readonly identifiers: readonly string[];
  readonly properties: readonly DictionaryProperty[];
  /** Tracking classes in call order: the default processors, then the extra trackers. Legacy events have no call, so only their own trackers. */
  readonly trackers: readonly string[];
  /** Empty where the config's rules let a definition leave it out. */
  readonly productGroup: string;
  readonly productCategories: readonly string[];
  /** In the order of the config's tiers (GitLab's: free, premium, ultimate). */
  readonly tiers: readonly string[];
  readonly milestone: string | null;
  readonly introducedByUrl: string | null;
  readonly classification: string | undefined;
  /** The Snowplow category of legacy definitions. */
  readonly category: string | undefined;
  /** Names under GitLab's `extra_properties`, which sit documents but does not type. */
  readonly extraProperties: readonly string[];
  /** The definition file, relative to the project root. */
  readonly file: string;
}

export interface DictionaryProperty {
  readonly name: string;
  readonly description: string | undefined;
  /** As the generated SDK types it: declared, fixed by GitLab (label, property, value), or `string | number`. */
  readonly type: string;
  /** `type: integer`: the SDK's `number`, holding whole numbers only. */
  readonly integer: boolean;
  readonly enumValues: readonly EnumValue[] | undefined;
  readonly required: boolean;
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
export function buildDictionary(definitions: readonly ValidDefinition[], config: Pick<ResolvedConfig, "defaultProcessors" | "vocabulary">): EventsDictionary {
  const sorted = [...definitions].sort((a, b) => byCodeUnits(a.data.action, b.data.action) || byCodeUnits(a.projectPath, b.projectPath));
  const seen = new Map<string, number>();
  const events = sorted.map((definition) => {
    const count = seen.get(definition.data.action) ?? 0;
    seen.set(definition.data.action, count + 1);
    return buildEvent(definition, config, count === 0 ? definition.data.action : `${definition.data.action}-${count}`);
  });
  const distinct = (values: Iterable<string>): string[] => [...new Set(values)].sort(byCodeUnits);
  const usedTiers = new Set(events.flatMap((event) => event.tiers));
  const usedStatuses = new Set(events.map((event) => event.status));
  return {
    events,
    productGroups: distinct(events.map((event) => event.productGroup).filter((group) => group !== "")),
    trackers: distinct(events.flatMap((event) => event.trackers)),
    tiers: config.vocabulary.tiers.filter((tier) => usedTiers.has(tier)),
    statuses: STATUSES.filter((status) => usedStatuses.has(status)),
  };
}

function buildEvent(definition: ValidDefinition, config: Pick<ResolvedConfig, "defaultProcessors" | "vocabulary">, anchor: string): DictionaryEvent {
  const { data, internal } = definition;
  const trackers: readonly { className: string; protectedProperties: Readonly<Record<string, PropertyData>> }[] =
    data.extra_trackers?.map((tracker) => ({ className: tracker.tracking_class, protectedProperties: tracker.protected_properties ?? {} })) ??
    data.extra_tracking_classes?.map((className) => ({ className, protectedProperties: {} })) ??
    [];
  const status = data.status ?? "active";

  const properties = Object.entries(data.additional_properties ?? {}).map(([name, property]) =>
    buildProperty(name, property, BUILT_IN_PROPERTY_TYPES.get(name), []),
  );
  if (!internal) {
    for (const [name, key] of LEGACY_DESCRIPTION_KEYS) {
      const description = data[key];
      if (typeof description === "string" && !properties.some((property) => property.name === name)) {
        properties.push(buildProperty(name, { description }, BUILT_IN_PROPERTY_TYPES.get(name), []));
      }
    }
  }
  const protectedIndex = new Map<string, number>();
  for (const tracker of trackers) {
    for (const [name, property] of Object.entries(tracker.protectedProperties)) {
      const index = protectedIndex.get(name);
      // Validation allows a name in several trackers' protected properties only with one type.
      if (index !== undefined) {
        const first = properties[index]!;
        properties[index] = { ...first, onlyFor: [...first.onlyFor, tracker.className] };
      } else {
        protectedIndex.set(name, properties.length);
        properties.push(buildProperty(name, property, undefined, [tracker.className]));
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
    identifiers: data.identifiers ?? [],
    properties,
    trackers: [...(internal ? config.defaultProcessors : []), ...trackers.map((tracker) => tracker.className)],
    productGroup: data.product_group ?? "",
    productCategories: data.product_categories ?? [],
    tiers: config.vocabulary.tiers.filter((tier) => data.tiers?.includes(tier) === true),
    milestone: data.milestone ?? null,
    introducedByUrl: data.introduced_by_url ?? null,
    classification: data.classification ?? undefined,
    category: data.category,
    extraProperties: Object.keys(data.extra_properties ?? {}),
    file: definition.projectPath,
  };
}

function buildProperty(name: string, property: PropertyData, builtIn: PropertyType | undefined, onlyFor: readonly string[]): DictionaryProperty {
  const value = valueSpecOf(property, builtIn);
  return {
    name,
    description: property?.description,
    type: typeText({ ...value, enum: undefined }),
    integer: value.integer,
    enumValues: value.enum,
    required: property?.required === true,
    onlyFor,
  };
}
