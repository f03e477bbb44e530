import type { EventModel, SdkModel } from "../model/event-model";
import { propertyKey } from "../model/names";
import { TypeScriptWriter, stringLiteral } from "./typescript-writer";

/** catalog.ts: `EVENTS`, every internal event's metadata keyed by action, deeply frozen. */
export function emitCatalog(model: SdkModel): string {
  const writer = new TypeScriptWriter();
  writer.line('import type { EventName } from "./events.js";').blankLine();
  writer.line(CATALOG_TYPES).blankLine();
  writer.block("const catalog: { readonly [E in EventName]: EventMetadata } = {", () => {
    for (const event of model.events) emitEntry(writer, event);
  }, "};");
  writer.blankLine();
  writer.jsDoc(["Every internal event, removed ones included, by action."]);
  writer.line("export const EVENTS = deepFreeze(catalog);");
  writer.blankLine();
  writer.line(DEEP_FREEZE);
  return writer.toString();
}

function emitEntry(writer: TypeScriptWriter, event: EventModel): void {
  const { metadata } = event;
  const text = (value: string | null | undefined): string => (value === null || value === undefined ? "null" : stringLiteral(value));
  writer.objectProperty(propertyKey(event.action), () => {
    writer.property("action", stringLiteral(event.action));
    writer.property("description", stringLiteral(event.description));
    writer.property("status", stringLiteral(metadata.status));
    writer.list("identifiers: [", event.identifiers.map(stringLiteral), "],");
    writer.list("additionalProperties: [", event.properties.map((property) => stringLiteral(property.name)), "],");
    writer.list("processors: [", event.calls.map((call) => stringLiteral(call.className)), "],");
    writer.property("productGroup", stringLiteral(metadata.productGroup));
    writer.list("productCategories: [", metadata.productCategories.map(stringLiteral), "],");
    writer.property("milestone", text(metadata.milestone));
    writer.property("milestoneRemoved", text(metadata.milestoneRemoved));
    writer.property("removedByUrl", text(metadata.removedByUrl));
    writer.property("introducedByUrl", text(metadata.introducedByUrl));
    writer.list("tiers: [", metadata.tiers.map(stringLiteral), "],");
    writer.property("classification", text(metadata.classification));
    writer.property("file", stringLiteral(metadata.file));
  });
}

const CATALOG_TYPES = `/** What the definition of an internal event says about it. */
export interface EventMetadata {
  readonly action: EventName;
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
  readonly productCategories: readonly string[];
  readonly milestone: string | null;
  readonly milestoneRemoved: string | null;
  readonly removedByUrl: string | null;
  readonly introducedByUrl: string | null;
  readonly tiers: readonly ("free" | "premium" | "ultimate")[];
  readonly classification: string | null;
  /** The definition file, relative to the project root. */
  readonly file: string;
}`;

const DEEP_FREEZE = `function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (typeof child === "object" && child !== null) deepFreeze(child);
  }
  return Object.freeze(value);
}`;
