import type { EventModel, SdkModel } from "../model/event-model";
import type { ValueSpec } from "../model/value-spec";
import { STATUSES } from "../validate/vocabulary";
import { propertySignatureLines } from "./type-doc";
import { CodeWriter, stringLiteral } from "./code-writer";
import { emitEventPart, type EventTextMemo } from "./event-text-memo";
import { SDK_API as API } from "../naming/sdk-api";

/**
 * catalog.ts: `EVENTS`, every internal event's metadata keyed by action, deeply frozen. The
 * entries are lines of JSON in one template literal: JavaScript engines read JSON faster than
 * object literals, and TypeScript reads the literal as a single token, where 10,000 object
 * literals made every build parse, bind and check each of them.
 */
export function emitCatalog(model: SdkModel, memo?: EventTextMemo): Buffer[] {
  const writer = new CodeWriter();
  writer.line('import { parseCatalog } from "./core.js";');
  writer.line(`import type { ${API.EventName} } from "./index.js";`).blankLine();
  writer.lines(catalogTypes(model)).blankLine();
  writer.jsDoc(["The default processors of sit.config.yaml, which every event calls first."]);
  writer.list("const DEFAULT_PROCESSORS: readonly string[] = [", model.defaultProcessors.map((processor) => stringLiteral(processor.className)), "];");
  writer.blankLine();
  writer.jsDoc(["The metadata of each event, a line of JSON: `parseCatalog` reads them into `EVENTS`."]);
  writer.line("const METADATA = `");
  for (const event of model.events) emitEventPart(writer, memo, event, "catalogLine", (target) => target.line(templateText(catalogEntry(event))));
  writer.line("`;");
  writer.blankLine();
  writer.jsDoc(["Every internal event, removed ones included, by action, deeply frozen."]);
  writer.lines(`export const ${API.EVENTS}: ${API.EventCatalog} = /* @__PURE__ */ parseCatalog<${API.EventCatalog}>(
  DEFAULT_PROCESSORS,
  METADATA,
);`);
  return writer.toChunks();
}

/** `"a" | "b"`: a union of string literal types. */
const unionOf = (values: readonly string[]): string => values.map(stringLiteral).join(" | ");

/** A member of `EventMetadata` that lists some of `names`, laid out as prettier breaks a long union. */
function namesMember(key: string, names: readonly string[], required: boolean): string {
  const value: ValueSpec = { ...PLAIN, types: ["array"], items: { ...PLAIN, types: ["string"], enum: names } };
  return propertySignatureLines({ name: key, description: undefined, required, value }, [], 2).join("\n");
}

const PLAIN: ValueSpec = {
  types: undefined,
  integer: false,
  enum: undefined,
  minimum: undefined,
  maximum: undefined,
  minLength: undefined,
  maxLength: undefined,
  pattern: undefined,
  items: undefined,
  properties: undefined,
};

/** Text as it must be written inside a template literal to mean itself. */
export const templateText = (text: string): string => text.replace(/[\\`]|\$\{/g, (match) => `\\${match}`);

/** The event's `EventMetadata` as one line of JSON, keys in declaration order. */
function catalogEntry(event: EventModel): string {
  const { metadata } = event;
  const entry: Record<string, unknown> = {
    action: event.action,
    description: event.description,
    status: metadata.status,
    identifiers: event.identifiers.map((identifier) => identifier.name),
    additionalProperties: event.properties.map((property) => property.name),
    // The default processors are written once, above the entries, and put back in front when read.
    trackers: event.calls.filter((call) => !call.byDefault).map((call) => call.className),
    productGroup: metadata.productGroup,
  };
  if (metadata.productCategories.length > 0) entry["productCategories"] = metadata.productCategories;
  entry["milestone"] = metadata.milestone;
  if (metadata.milestoneRemoved !== undefined) entry["milestoneRemoved"] = metadata.milestoneRemoved;
  if (metadata.removedByUrl !== undefined) entry["removedByUrl"] = metadata.removedByUrl;
  if (metadata.introducedByUrl !== null && metadata.introducedByUrl !== undefined) entry["introducedByUrl"] = metadata.introducedByUrl;
  entry["tiers"] = metadata.tiers;
  if (metadata.classification !== undefined) entry["classification"] = metadata.classification;
  entry["file"] = metadata.file;
  return JSON.stringify(entry);
}

/**
 * The catalog's types: the identifiers, tiers and statuses are the ones validation accepts, and
 * the keys the config's rules do not require are optional.
 */
const catalogTypes = (model: SdkModel): string => {
  const optional = (key: string): string => (model.requiredKeys.has(key) ? "" : "?");
  return `/** What the definition of an internal event says about it. */
export interface ${API.EventMetadata}<E extends ${API.EventName} = ${API.EventName}> {
  readonly action: E;
  readonly description: string;
  readonly status: ${unionOf(STATUSES)};
${namesMember("identifiers", model.identifiers.map((identifier) => identifier.name), true)}
  /** Additional and protected properties, as named in the definition. */
  readonly additionalProperties: readonly string[];
  /** Tracking classes in call order: the default processors, then the extra trackers. */
  readonly processors: readonly string[];
  readonly productGroup${optional("product_group")}: string;
  /** Absent when the definition lists none. */
  readonly productCategories?: readonly string[];
  readonly milestone${optional("milestone")}: string | null;
  /** For removed events. */
  readonly milestoneRemoved?: string;
  /** For removed events. */
  readonly removedByUrl?: string;
  readonly introducedByUrl?: string;
${namesMember("tiers", model.tiers, model.requiredKeys.has("tiers"))}
  readonly classification?: string;
  /** The definition file, relative to the project root. */
  readonly file: string;
}

/** The type of \`${API.EVENTS}\`: each event's metadata under its action. */
export type ${API.EventCatalog} = { readonly [E in ${API.EventName}]: ${API.EventMetadata}<E> };`;
};
