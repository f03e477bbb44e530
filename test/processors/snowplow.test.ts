import { createSnowplowProcessor, GITLAB_STANDARD_CONTEXT_SCHEMA, type SnowplowProcessor } from "../../packages/runtime/src/processors/snowplow";
import { startTestCollector, type ReceivedRequest, type TestCollector } from "./test-collector";

/** One event as the Snowplow tracker protocol carries it (every value a string in POST bodies). */
type TrackerEvent = Record<string, string>;

interface SelfDescribing {
  readonly schema: string;
  readonly data: unknown;
}

let collector: TestCollector;
const processors: SnowplowProcessor[] = [];

beforeEach(async () => {
  collector = await startTestCollector();
});

afterEach(async () => {
  await Promise.all(processors.splice(0).map((processor) => processor.shutdown()));
  await collector.close();
});

function snowplowProcessor(options: Partial<Parameters<typeof createSnowplowProcessor>[0]> = {}): SnowplowProcessor {
  const processor = createSnowplowProcessor({ collectorUrl: new URL(collector.url).origin, appId: "snipbox", environment: "test", ...options });
  processors.push(processor);
  return processor;
}

/** The events of the tracker's POST requests: `{ schema: payload_data, data: [event…] }`. */
function trackerEvents(requests: readonly ReceivedRequest[]): TrackerEvent[] {
  return requests.flatMap((request) => {
    const body = JSON.parse(request.body) as SelfDescribing;
    expect(body.schema).toMatch(/^iglu:com\.snowplowanalytics\.snowplow\/payload_data\/jsonschema\/1-0-\d+$/);
    return body.data as TrackerEvent[];
  });
}

/** The context entities of an event: base64url JSON in `cx`, or plain JSON in `co`. */
function contextsOf(event: TrackerEvent): SelfDescribing[] {
  const encoded = event["cx"];
  const json = encoded === undefined ? event["co"]! : Buffer.from(encoded, "base64url").toString("utf8");
  const contexts = JSON.parse(json) as SelfDescribing;
  expect(contexts.schema).toMatch(/^iglu:com\.snowplowanalytics\.snowplow\/contexts\/jsonschema\/1-0-\d+$/);
  return contexts.data as SelfDescribing[];
}

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${condition.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const CREATE_SNIPPET = {
  user: { id: 7, username: "ada" },
  project: { id: 42, fullPath: "acme/web" },
  namespace: { id: 3 },
  featureEnabledByNamespaceIds: [3, 9],
  additionalProperties: { label: "public", property: "editor", value: 2, language: "ts", from_template: true },
};

describe("createSnowplowProcessor", () => {
  it("sends a structured event as GitLab sends internal events, with identifiers and custom properties in the standard context", async () => {
    const processor = snowplowProcessor();
    processor.trackEvent("create_snippet", CREATE_SNIPPET, { processorName: "InternalEvents" });
    await processor.flush();

    expect(collector.requests).toHaveLength(1);
    expect(collector.requests[0]!.path).toBe("/com.snowplowanalytics.snowplow/tp2");
    const [event] = trackerEvents(collector.requests);
    expect(event).toMatchObject({ e: "se", se_ca: "InternalEventTracking", se_ac: "create_snippet", se_la: "public", se_pr: "editor", se_va: "2", aid: "snipbox", tna: "sit", p: "srv" });
    expect(contextsOf(event!)).toEqual([
      {
        schema: GITLAB_STANDARD_CONTEXT_SCHEMA,
        data: {
          environment: "test",
          source: "snipbox",
          user_id: 7,
          project_id: 42,
          namespace_id: 3,
          feature_enabled_by_namespace_ids: [3, 9],
          extra: { language: "ts", from_template: true },
        },
      },
    ]);
  });

  it("leaves out what an event does not have, and takes category, schema, source and plain JSON contexts from the options", async () => {
    const processor = snowplowProcessor({ category: "Snipbox", contextSchema: "iglu:com.snipbox/standard/jsonschema/1-0-0", source: "snipbox-web", encodeBase64: false });
    processor.trackEvent("open_command_palette", { additionalProperties: {} });
    await processor.flush();

    const [event] = trackerEvents(collector.requests);
    expect(event).toMatchObject({ e: "se", se_ca: "Snipbox", se_ac: "open_command_palette" });
    expect(Object.keys(event!).filter((key) => ["se_la", "se_pr", "se_va", "cx"].includes(key))).toEqual([]);
    expect(contextsOf(event!)).toEqual([
      {
        schema: "iglu:com.snipbox/standard/jsonschema/1-0-0",
        data: { environment: "test", source: "snipbox-web", user_id: null, project_id: null, namespace_id: null, feature_enabled_by_namespace_ids: null, extra: {} },
      },
    ]);
  });

  it("sends an identifier without an id as null, never whole", async () => {
    const processor = snowplowProcessor();
    processor.trackEvent("sign_in", { user: { email: "ada@example.com", password: "hunter2" }, featureEnabledByNamespaceIds: [3, { plan: "free" }], additionalProperties: {} });
    await processor.flush();

    const [event] = trackerEvents(collector.requests);
    expect(contextsOf(event!)[0]).toMatchObject({ data: { user_id: null, feature_enabled_by_namespace_ids: null } });
    expect(JSON.stringify(contextsOf(event!))).not.toMatch(/hunter2|ada@|free/);
  });

  it("sends once bufferSize events wait, in order, and flush() sends the rest", async () => {
    const processor = snowplowProcessor({ bufferSize: 4 });
    const trackViews = (from: number, to: number): void => {
      for (let seq = from; seq < to; seq += 1) processor.trackEvent("view_snippet", { additionalProperties: { label: `view-${seq}` } });
    };
    // Had the first three left early, the batches would not be four and two events.
    trackViews(0, 4);
    await waitFor(() => collector.requests.length === 1);
    trackViews(4, 6);
    await processor.flush();

    expect(collector.requests.map((request) => (JSON.parse(request.body) as { data: unknown[] }).data.length)).toEqual([4, 2]);
    expect(trackerEvents(collector.requests).map((event) => event["se_la"])).toEqual(["view-0", "view-1", "view-2", "view-3", "view-4", "view-5"]);
  });

  it("keeps events the collector failed on for the next flush, reports the failure, and drops events after shutdown", async () => {
    collector.answerWith((request) => (request.index === 0 ? { status: 500 } : { status: 200 }));
    const errors: string[] = [];
    const processor = snowplowProcessor({ onError: (error) => errors.push(error.message) });
    processor.trackEvent("star_snippet", { additionalProperties: { label: "first" } });
    await processor.flush();
    await processor.shutdown();
    processor.trackEvent("star_snippet", { additionalProperties: { label: "after" } });
    await processor.flush();

    expect(trackerEvents(collector.requests).map((event) => event["se_la"])).toEqual(["first", "first"]);
    await waitFor(() => errors.length >= 2);
    expect(errors).toEqual([
      "the collector did not accept 1 event (500); they stay buffered for the next flush",
      "an event was tracked after shutdown(); it and any later ones are dropped",
    ]);
  });
});
