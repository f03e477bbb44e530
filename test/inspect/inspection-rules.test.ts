import { readHttpBatch } from "../../src/inspect/http-batch";
import { InspectionRules } from "../../src/inspect/inspection-rules";
import type { ReadBatch, ReceivedEvent } from "../../src/inspect/received-event";
import { readSnowplowGet, readSnowplowPost } from "../../src/inspect/snowplow-events";
import { GITLAB_STANDARD_CONTEXT_SCHEMA, standardContextData } from "../../packages/runtime/src/processors/snowplow-event";
import type { TrackedPayload } from "../../packages/runtime/src/processors/processor-types";
import { inspectedModel } from "./inspected-project";

const rules = new InspectionRules(inspectedModel());

function eventsOf(batch: ReadBatch): readonly ReceivedEvent[] {
  if ("error" in batch) throw new Error(batch.error);
  return batch.events;
}

/** The problems of one event of the HTTP processor's batch format. */
function httpProblems(event: Record<string, unknown>): string[] {
  const [received] = eventsOf(readHttpBatch(JSON.stringify({ events: [{ sentAt: "2026-12-01T14:38:08.020Z", ...event }] })));
  return rules.check(received!);
}

const CREATE_SNIPPET = { event: "create_snippet", project: 42, user: "u1", additionalProperties: { label: "public", value: 2, language: "ts" } };

describe("the inspector's checks of the HTTP processor's events", () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ["a good event", CREATE_SNIPPET, []],
    ["an undeclared property", { ...CREATE_SNIPPET, additionalProperties: { label: "public", colour: "red" } }, ["property colour is not declared"]],
    ["an unknown event, with the nearest name", { ...CREATE_SNIPPET, event: "create_snipet" }, ['"create_snipet" is not an event of the definitions (did you mean "create_snippet"?)']],
    ["an unknown event far from any", { ...CREATE_SNIPPET, event: "<img src=x>" }, ['"<img src=x>" is not an event of the definitions']],
    ["a wrong type", { ...CREATE_SNIPPET, additionalProperties: { value: "2" } }, ['property value must be number, not "2"']],
    ["a value outside the enum", { ...CREATE_SNIPPET, additionalProperties: { language: "go" } }, ['property language must be one of "ts", "rust", not "go"']],
    ["a missing identifier", { event: "create_snippet", user: "u1", additionalProperties: {} }, ["identifier project is missing"]],
    ["an identifier sent as null", { ...CREATE_SNIPPET, project: null }, ["identifier project is missing"]],
    [
      "a missing context identifier",
      { event: "create_snippet", project: 42, additionalProperties: {} },
      ["identifier user is missing (it comes from the tracking context: is setTrackingContext called first?)"],
    ],
    [
      "identifiers the event does not declare",
      { ...CREATE_SNIPPET, namespace: 3, account: "acme", shop: 1 },
      ["identifier namespace is not declared by this event", "identifier account is not declared by this event", 'key "shop" is not an identifier of the project'],
    ],
    [
      "broken constraints at every depth",
      { event: "complete_order", account: "acme", additionalProperties: { quantity: 0, coupon: "no!", products: [{ price: -1 }, { sku: "A1", price: 2, size: "L" }] } },
      [
        "property products[0].sku is required",
        "property products[0].price must be at least 0, not -1",
        "property products[1].size is not declared",
        "property quantity must be at least 1, not 0",
        'property coupon must match /^[A-Z0-9]{4,12}$/, not "no!"',
      ],
    ],
    ["a missing required property", { event: "complete_order", account: "acme", additionalProperties: {} }, ["property quantity is required"]],
    [
      "a removed event",
      { event: "close_snippet", project: 42, additionalProperties: {} },
      ["event close_snippet is removed (in 18.2, https://gitlab.example.com/acme/app/-/merge_requests/12): its calls should be deleted"],
    ],
    ["a tracker's protected property, as that tracker receives it", { event: "request_ai_explanation", user: "u1", additionalProperties: { label: "chat", model_name: "m1" } }, []],
    ["no protected property, as the default processors receive it, though one is required", { event: "request_ai_explanation", user: "u1", additionalProperties: { label: "chat" } }, []],
    [
      "a tracker's payload without the protected property it requires",
      { event: "request_ai_explanation", user: "u1", additionalProperties: { label: "chat", tokens: 12 } },
      ["property model_name is required"],
    ],
    [
      "protected properties of two trackers in one payload",
      { event: "request_ai_explanation", user: "u1", additionalProperties: { model_name: "m1", reviewer: "ada" } },
      ["properties model_name (only to Gitlab::Tracking::AiTracking), reviewer (only to Acme::Audit) never reach one processor together: a tracker's protected properties go to it alone"],
    ],
    ["properties that are not an object", { ...CREATE_SNIPPET, additionalProperties: ["public"] }, ["additionalProperties must be an object, not a list"]],
  ])("%s", (_, event, problems) => {
    expect(httpProblems(event)).toEqual(problems);
  });
});

describe("did you mean", () => {
  it("is looked for at most 100 ms a second, so a flood of unknown names cannot slow the checks", () => {
    // Each reading of the clock is 60 ms after the one before: each search takes 60 ms.
    let time = 0;
    const clocked = new InspectionRules(inspectedModel(), () => (time += 60) - 60);
    const unknown = (event: string): string[] => clocked.check(eventsOf(readHttpBatch(JSON.stringify({ events: [{ event, additionalProperties: {} }] })))[0]!);
    expect(unknown("create_snippets")).toEqual(['"create_snippets" is not an event of the definitions (did you mean "create_snippet"?)']);
    expect(unknown("close_snipet")).toEqual(['"close_snipet" is not an event of the definitions (did you mean "close_snippet"?)']);
    expect(unknown("complete_ordr")).toEqual(['"complete_ordr" is not an event of the definitions']);
    // Known names keep their suggestion; the next second has time for a new one.
    expect(unknown("create_snippets")).toEqual(['"create_snippets" is not an event of the definitions (did you mean "create_snippet"?)']);
    time += 1000;
    expect(unknown("complete_ordr")).toEqual(['"complete_ordr" is not an event of the definitions (did you mean "complete_order"?)']);
  });
});

/** A tracker event as sit's Snowplow processor sends one, contexts base64url-encoded in `cx` unless `co`. */
function trackerEvent(eventName: string, payload: TrackedPayload, fields: Record<string, string> = {}, plainContexts = false): Record<string, string> {
  const { label, property, value } = payload.additionalProperties;
  const contexts = JSON.stringify({
    schema: "iglu:com.snowplowanalytics.snowplow/contexts/jsonschema/1-0-1",
    data: [{ schema: GITLAB_STANDARD_CONTEXT_SCHEMA, data: standardContextData(payload, { environment: "test", source: "shop" }) }],
  });
  return {
    e: "se",
    se_ca: "InternalEventTracking",
    se_ac: eventName,
    ...(label === undefined ? {} : { se_la: String(label) }),
    ...(property === undefined ? {} : { se_pr: String(property) }),
    ...(typeof value === "number" ? { se_va: String(value) } : {}),
    ...(plainContexts ? { co: contexts } : { cx: Buffer.from(contexts).toString("base64url") }),
    aid: "shop",
    ...fields,
  };
}

function snowplowProblems(...events: Record<string, string>[]): string[][] {
  const body = JSON.stringify({ schema: "iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4", data: events });
  return eventsOf(readSnowplowPost(body, rules.identifierFields)).map((event) => rules.check(event));
}

describe("the inspector's checks of the Snowplow processor's events", () => {
  it("reads label, property and value from the structured event, the rest and the identifiers from the standard context", () => {
    const good = trackerEvent("create_snippet", { project: { id: 42 }, user: { id: "u1" }, additionalProperties: { label: "public", value: 2, language: "ts" } });
    const plain = trackerEvent("complete_order", { account: "acme", additionalProperties: { quantity: 2 } } as TrackedPayload, {}, true);
    expect(snowplowProblems(good, plain)).toEqual([[], []]);
    const [received] = eventsOf(readSnowplowPost(JSON.stringify({ schema: "iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4", data: [good] }), rules.identifierFields));
    expect(received).toMatchObject({ processor: "snowplow", event: "create_snippet", payload: { se_ac: "create_snippet", contexts: [{ data: { project_id: 42, extra: { language: "ts" } } }] } });
    expect(received!.payload).not.toHaveProperty("cx");
  });

  it("names what is wrong, as for the HTTP processor", () => {
    const wrong = trackerEvent("create_snippet", { project: { id: 42 }, namespace: { id: 3 }, additionalProperties: { language: "go", colour: "red" } });
    const order = trackerEvent("complete_order", { account: "acme", additionalProperties: { quantity: 1.5 } } as TrackedPayload);
    expect(snowplowProblems({ ...wrong, se_va: "many" }, { ...order, se_va: "2" })).toEqual([
      [
        "identifier user is missing (it comes from the tracking context: is setTrackingContext called first?)",
        "identifier namespace is not declared by this event",
        'property value must be number, not "many"',
        'property language must be one of "ts", "rust", not "go"',
        "property colour is not declared",
      ],
      ["property quantity must be an integer, not 1.5", "property value is not declared"],
    ]);
  });

  it("reports keys named like Object.prototype's members as the properties they are", () => {
    const contexts = '{"schema":"iglu:com.snowplowanalytics.snowplow/contexts/jsonschema/1-0-1","data":[{"schema":"iglu:com.acme/context/jsonschema/1-0-0","data":{"user_id":"u1","project_id":42,"extra":{"__proto__":{"language":"ts"},"constructor":1}}}]}';
    expect(snowplowProblems({ e: "se", se_ac: "create_snippet", co: contexts })).toEqual([["property __proto__ is not declared", "property constructor is not declared"]]);
    expect(httpProblems({ ...CREATE_SNIPPET, additionalProperties: JSON.parse('{"__proto__":{"language":"go"}}') as Record<string, unknown> })).toEqual(["property __proto__ is not declared"]);
  });

  it("reports events that are not sit's: another type, no action, contexts it cannot read", () => {
    const good = trackerEvent("create_snippet", { project: { id: 42 }, user: { id: "u1" }, additionalProperties: {} });
    expect(snowplowProblems({ e: "pv", url: "http://localhost:3000/" }, { ...good, se_ac: "" }, { ...good, cx: "not base64 json" }, { e: "se", se_ac: "create_snippet" })).toEqual([
      ["a Snowplow page view (e=pv) is not an internal event: sit's Snowplow processor sends structured events (e=se)"],
      ["the structured event has no action (se_ac), which holds the event's name"],
      ["the contexts (cx) are not base64url-encoded JSON", "identifier project is missing", "identifier user is missing (it comes from the tracking context: is setTrackingContext called first?)"],
      [
        "no context entity holds the identifiers and properties (sit's Snowplow processor sends one with `extra`)",
        "identifier project is missing",
        "identifier user is missing (it comes from the tracking context: is setTrackingContext called first?)",
      ],
    ]);
  });

  it("reads a GET /i request's query as one tracker event", () => {
    const query = new URLSearchParams(trackerEvent("create_snippet", { project: { id: 42 }, user: { id: "u1" }, additionalProperties: { label: "public" } }));
    const [received] = eventsOf(readSnowplowGet(query, rules.identifierFields));
    expect(rules.check(received!)).toEqual([]);
  });
});

describe("bodies that are no batch", () => {
  it.each([
    ["not JSON", "nope", /^the body is not JSON \(/],
    ["JSON but not a batch", "[]", /^the body is not a batch of sit's HTTP processor/],
    ["events that are not a list", '{"events":{}}', /^the body is not a batch of sit's HTTP processor/],
    ["an event that is not an object", '{"events":[{"event":"a","additionalProperties":{}},1]}', /^events\[1\] is not an event/],
    ["an event without a name", '{"events":[{"event":5}]}', /^events\[0\] is not an event/],
  ])("HTTP: %s", (_, body, error) => {
    const batch = readHttpBatch(body);
    expect("error" in batch && batch.error).toMatch(error);
  });

  it.each([
    ["not JSON", "{", /^the body is not JSON/],
    ["another schema", '{"schema":"iglu:com.acme/payload/jsonschema/1-0-0","data":[]}', /^the body is not a batch of Snowplow's tracker protocol/],
    ["an event without a type", '{"schema":"iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4","data":[{"se_ac":"x"}]}', /^data\[0\] is not a tracker event/],
  ])("Snowplow: %s", (_, body, error) => {
    const batch = readSnowplowPost(body, []);
    expect("error" in batch && batch.error).toMatch(error);
  });

  it("Snowplow: a GET without an event type", () => {
    const batch = readSnowplowGet(new URLSearchParams("se_ac=x"), []);
    expect("error" in batch && batch.error).toMatch(/has no event type/);
  });
});
