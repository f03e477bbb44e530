import type { EventModel, SdkModel } from "../model/event-model";
import { ByteWriter } from "./typescript-writer";

/**
 * catalog.ts: `EVENTS`, every internal event's metadata keyed by action, deeply frozen. The
 * entries are lines of JSON in one template literal: JavaScript engines read JSON faster than
 * object literals, and TypeScript reads the literal as a single token, where 10,000 object
 * literals took over a second of every build to parse, bind and check.
 */
export function emitCatalog(model: SdkModel): Buffer[] {
  const writer = new ByteWriter();
  writer.line('import type { EventName } from "./index.js";').blankLine();
  writer.line(CATALOG_TYPES).blankLine();
  writer.jsDoc(["Every internal event, removed ones included, by action."]);
  writer.line("export const EVENTS: EventCatalog = parseCatalog(`");
  for (const event of model.events) writer.line(templateText(catalogEntry(event)));
  writer.line("`);");
  writer.blankLine();
  writer.line(PARSE_CATALOG);
  return writer.toChunks();
}

/** Text as it must be written inside a template literal to mean itself. */
const templateText = (text: string): string => text.replace(/[\\`]|\$\{/g, (match) => `\\${match}`);

/** The event's `EventMetadata` as one line of JSON, keys in declaration order. */
function catalogEntry(event: EventModel): string {
  const { metadata } = event;
  const entry: Record<string, unknown> = {
    action: event.action,
    description: event.description,
    status: metadata.status,
    identifiers: event.identifiers,
    additionalProperties: event.properties.map((property) => property.name),
    processors: event.calls.map((call) => call.className),
    productGroup: metadata.productGroup,
  };
  if (metadata.productCategories.length > 0) entry["productCategories"] = metadata.productCategories;
  entry["milestone"] = metadata.milestone;
  if (metadata.milestoneRemoved !== undefined) entry["milestoneRemoved"] = metadata.milestoneRemoved;
  if (metadata.removedByUrl !== undefined) entry["removedByUrl"] = metadata.removedByUrl;
  if (metadata.introducedByUrl !== null) entry["introducedByUrl"] = metadata.introducedByUrl;
  entry["tiers"] = metadata.tiers;
  if (metadata.classification !== undefined) entry["classification"] = metadata.classification;
  entry["file"] = metadata.file;
  return JSON.stringify(entry);
}

const CATALOG_TYPES = `/** What the definition of an internal event says about it. */
export interface EventMetadata<E extends EventName = EventName> {
  readonly action: E;
  readonly description: string;
  readonly status: "active" | "removed";
  readonly identifiers: readonly (
    "project" | "namespace" | "user" | "feature_enabled_by_namespace_ids"
  )[];
  /** Additional and protected properties, as named in the definition. */
  readonly additionalProperties: readonly string[];
  /** Tracking classes in call order: the default processors, then the extra trackers. */
  readonly processors: readonly string[];
  readonly productGroup: string;
  /** Absent when the definition lists none. */
  readonly productCategories?: readonly string[];
  readonly milestone: string | null;
  /** For removed events. */
  readonly milestoneRemoved?: string;
  /** For removed events. */
  readonly removedByUrl?: string;
  readonly introducedByUrl?: string;
  readonly tiers: readonly ("free" | "premium" | "ultimate")[];
  readonly classification?: string;
  /** The definition file, relative to the project root. */
  readonly file: string;
}

/** The type of \`EVENTS\`: each event's metadata under its action. */
export type EventCatalog = { readonly [E in EventName]: EventMetadata<E> };`;

const PARSE_CATALOG = `function parseCatalog(lines: string): EventCatalog {
  const catalog: Record<string, EventMetadata> = {};
  for (const line of lines.split("\\n")) {
    if (line === "") continue;
    const metadata: EventMetadata = deepFreeze(JSON.parse(line));
    catalog[metadata.action] = metadata;
  }
  // Through unknown: comparing the two types would check every event again, for nothing.
  return Object.freeze(catalog) as unknown as EventCatalog;
}

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (typeof child === "object" && child !== null) deepFreeze(child);
  }
  return Object.freeze(value);
}`;
