import { standardContextKey } from "../naming/standard-context-key";
import { isObject, type ReadBatch, type ReceivedEvent } from "./received-event";

/** Snowplow's names of the event types (`e`) other than structured events. */
const EVENT_TYPES: Readonly<Record<string, string>> = {
  pv: "page view",
  pp: "page ping",
  ue: "self-describing event",
  tr: "transaction",
  ti: "transaction item",
};

/** The schema of a POST body of Snowplow's tracker protocol; any version of it. */
const PAYLOAD_DATA = /^iglu:com\.snowplowanalytics\.snowplow\/payload_data\/jsonschema\/1-0-\d+$/;

/**
 * The events of a POST to `/com.snowplowanalytics.snowplow/tp2`: `{"schema": payload_data, "data":
 * [event…]}`, each event the tracker protocol's fields. `identifierFields` are the payload keys of
 * the project's identifiers, which the standard context holds as `<name>_id`.
 */
export function readSnowplowPost(body: string, identifierFields: readonly string[]): ReadBatch {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    return { error: `the body is not JSON (${(error as Error).message})` };
  }
  if (!isObject(parsed) || typeof parsed["schema"] !== "string" || !PAYLOAD_DATA.test(parsed["schema"]) || !Array.isArray(parsed["data"])) {
    return { error: 'the body is not a batch of Snowplow\'s tracker protocol: {"schema": "iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4", "data": [...]}' };
  }
  const events: ReceivedEvent[] = [];
  for (const [index, entry] of (parsed["data"] as readonly unknown[]).entries()) {
    if (!isObject(entry) || typeof entry["e"] !== "string") return { error: `data[${index}] is not a tracker event: an object with its type in "e"` };
    events.push(trackerEvent(entry, identifierFields));
  }
  return { events };
}

/** The event of a GET `/i`: the tracker protocol's fields in the query string. */
export function readSnowplowGet(query: URLSearchParams, identifierFields: readonly string[]): ReadBatch {
  const fields: Readonly<Record<string, string>> = Object.fromEntries(query);
  if (fields["e"] === undefined) return { error: 'the query is not a tracker event: it has no event type "e"' };
  return { events: [trackerEvent(fields, identifierFields)] };
}

/**
 * A tracker event as sit's Snowplow processor sends one (docs/processors.md, "Snowplow"): a
 * structured event whose action is the event's name, `label`, `property` and `value` in `se_la`,
 * `se_pr` and `se_va`, and in a context entity the identifiers (`user_id`…) and the other
 * properties (`extra`).
 */
function trackerEvent(fields: Readonly<Record<string, unknown>>, identifierFields: readonly string[]): ReceivedEvent {
  const { cx, co, ...rest } = fields;
  const decoded = decodeContexts(cx, co);
  const problems = decoded.problem === undefined ? [] : [decoded.problem];
  const contexts = decoded.contexts;
  const payload = contexts === undefined ? fields : { ...rest, contexts };
  const type = fields["e"];
  if (type !== "se") {
    const name = typeof type === "string" ? EVENT_TYPES[type] : undefined;
    problems.push(`a Snowplow ${name ?? "event"} (e=${String(type)}) is not an internal event: sit's Snowplow processor sends structured events (e=se)`);
    return { processor: "snowplow", event: `snowplow e=${String(type)}`, payload, tracked: undefined, problems };
  }
  const action = fields["se_ac"];
  if (typeof action !== "string" || action === "") {
    problems.push("the structured event has no action (se_ac), which holds the event's name");
    return { processor: "snowplow", event: "", payload, tracked: undefined, problems };
  }
  const standard = contexts?.find((context) => isObject(context) && isObject(context["data"]) && "extra" in context["data"]);
  const data = isObject(standard) && isObject(standard["data"]) ? standard["data"] : undefined;
  if (data === undefined && decoded.problem === undefined) {
    problems.push("no context entity holds the identifiers and properties (sit's Snowplow processor sends one with `extra`)");
  }
  const identifiers = new Map<string, unknown>();
  const properties: [string, unknown][] = [];
  if (typeof fields["se_la"] === "string") properties.push(["label", fields["se_la"]]);
  if (typeof fields["se_pr"] === "string") properties.push(["property", fields["se_pr"]]);
  if (typeof fields["se_va"] === "string") properties.push(["value", numberOrText(fields["se_va"])]);
  if (data !== undefined) {
    for (const field of identifierFields) {
      const key = standardContextKey(field);
      if (Object.prototype.hasOwnProperty.call(data, key)) identifiers.set(field, data[key]);
    }
    const extra = data["extra"];
    if (isObject(extra)) properties.push(...Object.entries(extra));
    else problems.push("the context's `extra` must be an object of the event's properties");
  }
  // Own keys whatever their name: a key "__proto__" is a property to report, not a prototype.
  const additionalProperties = Object.fromEntries(properties);
  return { processor: "snowplow", event: action, payload, tracked: { identifiers, additionalProperties }, problems };
}

/** The context entities of `cx` (base64url JSON) or `co` (JSON); none when there are none, or why they cannot be read. */
function decodeContexts(cx: unknown, co: unknown): { readonly contexts?: unknown[]; readonly problem?: string } {
  const [field, json] = typeof cx === "string" ? ["cx", Buffer.from(cx, "base64url").toString("utf8")] : typeof co === "string" ? ["co", co] : [undefined, undefined];
  if (field === undefined) return {};
  let contexts: unknown;
  try {
    contexts = JSON.parse(json);
  } catch {
    return { problem: `the contexts (${field}) are not ${field === "cx" ? "base64url-encoded " : ""}JSON` };
  }
  if (!isObject(contexts) || !Array.isArray(contexts["data"])) return { problem: `the contexts (${field}) are not a list of context entities: {"schema": …contexts…, "data": [...]}` };
  return { contexts: contexts["data"] as unknown[] };
}

/** `se_va` is text in the protocol; the processor sends only numbers there. */
function numberOrText(text: string): number | string {
  const number = Number(text);
  return text.trim() !== "" && Number.isFinite(number) ? number : text;
}
