import type { EventModel, SdkModel } from "../model/event-model";
import { propertyKey } from "../model/names";
import { JoinedLinesWriter, stringLiteral } from "./typescript-writer";

/** catalog.ts: `EVENTS`, every internal event's metadata keyed by action, deeply frozen. */
export function emitCatalog(model: SdkModel): string {
  const writer = new JoinedLinesWriter();
  writer.line('import type { EventName } from "./events.js";').blankLine();
  writer.line(CATALOG_TYPES).blankLine();
  writer.block("const catalog: { readonly [E in EventName]: EventMetadata<E> } = {", () => {
    for (const event of model.events) emitEntry(writer, event);
  }, "};");
  writer.blankLine();
  writer.jsDoc(["Every internal event, removed ones included, by action."]);
  writer.line("export const EVENTS = deepFreeze(catalog);");
  writer.blankLine();
  writer.line(DEEP_FREEZE);
  return writer.toString();
}

function emitEntry(writer: JoinedLinesWriter, event: EventModel): void {
  const { metadata } = event;
  writer.objectProperty(propertyKey(event.action), () => {
    writer.property("action", stringLiteral(event.action));
    writer.property("description", stringLiteral(event.description));
    writer.property("status", stringLiteral(metadata.status));
    writer.list("identifiers: [", event.identifiers.map(stringLiteral), "],");
    writer.list("additionalProperties: [", event.properties.map((property) => stringLiteral(property.name)), "],");
    writer.list("processors: [", event.calls.map((call) => stringLiteral(call.className)), "],");
    writer.property("productGroup", stringLiteral(metadata.productGroup));
    if (metadata.productCategories.length > 0) writer.list("productCategories: [", metadata.productCategories.map(stringLiteral), "],");
    writer.property("milestone", metadata.milestone === null ? "null" : stringLiteral(metadata.milestone));
    if (metadata.milestoneRemoved !== undefined) writer.property("milestoneRemoved", stringLiteral(metadata.milestoneRemoved));
    if (metadata.removedByUrl !== undefined) writer.property("removedByUrl", stringLiteral(metadata.removedByUrl));
    if (metadata.introducedByUrl !== null) writer.property("introducedByUrl", stringLiteral(metadata.introducedByUrl));
    writer.list("tiers: [", metadata.tiers.map(stringLiteral), "],");
    if (metadata.classification !== undefined) writer.property("classification", stringLiteral(metadata.classification));
    writer.property("file", stringLiteral(metadata.file));
  });
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
}`;

const DEEP_FREEZE = `function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (typeof child === "object" && child !== null) deepFreeze(child);
  }
  return Object.freeze(value);
}`;
