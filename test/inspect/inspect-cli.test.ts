import { writeFileSync } from "node:fs";
import { connect, createServer, type AddressInfo } from "node:net";
import { join } from "node:path";
import { MAX_BODY_BYTES } from "../../src/inspect/inspect-server";
import { createHttpProcessor, type HttpProcessor } from "../../packages/runtime/src/processors/http";
import type { TrackedPayload } from "../../packages/runtime/src/processors/processor-types";
import { createSnowplowProcessor } from "../../packages/runtime/src/processors/snowplow";
import { frozenCli } from "../watch/watch-process";
import { INSPECTED_PROJECT, inspectedProject } from "./inspected-project";
import { InspectProcess } from "./inspect-process";

/**
 * `sit inspect` as a developer and a CI job run it: the built CLI on a free port, events sent by
 * sit's real HTTP processor and by its Snowplow processor (Snowplow's own Node.js tracker), read
 * back from GET /sit/events.
 */

const cli = frozenCli();
const running: InspectProcess[] = [];
const inspect = (cwd: string, ...args: string[]): InspectProcess => {
  const sit = new InspectProcess(cli, ["--port", "0", ...args], cwd);
  running.push(sit);
  return sit;
};
/** What the processors reported: the inspector accepts every batch of theirs, so nothing. */
const processorErrors: Error[] = [];
afterEach(() => {
  for (const sit of running.splice(0)) sit.kill();
  expect(processorErrors.splice(0)).toEqual([]);
});

function httpProcessor(url: string): HttpProcessor {
  return createHttpProcessor({ url: `${url}/v1/events`, flushIntervalMs: 60_000, retry: false, onError: (error) => processorErrors.push(error) });
}

const GOOD_SNIPPET: TrackedPayload = { project: { id: 42 }, user: { id: "u1" }, additionalProperties: { label: "public", value: 2, language: "ts" } };

describe("sit inspect", () => {
  it("classifies what the real HTTP and Snowplow processors send, refuses malformed bodies without a change, and starts over on DELETE", async () => {
    const sit = inspect(inspectedProject());
    const url = await sit.url();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const http = httpProcessor(url);
    http.trackEvent("create_snippet", GOOD_SNIPPET);
    http.trackEvent("create_snippet", { ...GOOD_SNIPPET, additionalProperties: { label: "public", colour: "red" } });
    http.trackEvent("create_snipet", GOOD_SNIPPET);
    http.trackEvent("create_snippet", { ...GOOD_SNIPPET, additionalProperties: { value: "2" } });
    http.trackEvent("create_snippet", { user: { id: "u1" }, additionalProperties: {} });
    await http.shutdown();
    const snowplow = createSnowplowProcessor({ collectorUrl: url, appId: "shop", environment: "test", onError: (error) => processorErrors.push(error) });
    snowplow.trackEvent("create_snippet", GOOD_SNIPPET);
    snowplow.trackEvent("complete_order", { account: "acme", additionalProperties: { quantity: 0 } } as TrackedPayload);
    await snowplow.shutdown();

    const list = await sit.eventsReceived(7);
    expect(list).toMatchObject({ received: 7, good: 2, bad: 5, dropped: 0 });
    expect(list.events.map(({ event, status, problems, processor }) => ({ event, status, problems, processor }))).toEqual([
      { event: "create_snippet", status: "good", problems: [], processor: "http" },
      { event: "create_snippet", status: "bad", problems: ["property colour is not declared"], processor: "http" },
      { event: "create_snipet", status: "bad", problems: ['"create_snipet" is not an event of the definitions (did you mean "create_snippet"?)'], processor: "http" },
      { event: "create_snippet", status: "bad", problems: ['property value must be number, not "2"'], processor: "http" },
      { event: "create_snippet", status: "bad", problems: ["identifier project is missing"], processor: "http" },
      { event: "create_snippet", status: "good", problems: [], processor: "snowplow" },
      { event: "complete_order", status: "bad", problems: ["property quantity must be at least 1, not 0"], processor: "snowplow" },
    ]);
    const [first] = list.events;
    expect(first).toEqual({ id: 1, receivedAt: expect.any(String), event: "create_snippet", status: "good", problems: [], processor: "http", payload: { event: "create_snippet", sentAt: expect.any(String), project: 42, user: "u1", additionalProperties: GOOD_SNIPPET.additionalProperties } });
    expect(Date.parse(first!.receivedAt)).not.toBeNaN();
    expect(list.events[5]!.payload).toMatchObject({ e: "se", se_ac: "create_snippet", aid: "shop", contexts: [{ data: { user_id: "u1", project_id: 42, extra: { language: "ts" } } }] });
    expect((await sit.events("?status=good")).events.map((event) => event.id)).toEqual([1, 6]);
    expect((await sit.events("?status=bad&event=create_snippet")).events.map((event) => event.id)).toEqual([2, 4, 5]);

    const refused: [string, RequestInit, number, RegExp][] = [
      ["/v1/events", { method: "POST", body: "not json" }, 400, /^the body is not JSON/],
      ["/v1/events", { method: "POST", body: '{"event":"create_snippet"}' }, 400, /^the body is not a batch of sit's HTTP processor/],
      ["/v1/events", { method: "POST", body: '{"events":[{"event":"create_snippet","additionalProperties":{}},{"name":"x"}]}' }, 400, /^events\[1\] is not an event/],
      ["/v1/events", { method: "POST", body: `{"events":[${" ".repeat(MAX_BODY_BYTES)}]}` }, 413, /larger than/],
      ["/v1/events", { method: "GET" }, 405, /takes POST/],
      ["/com.snowplowanalytics.snowplow/tp2", { method: "POST", body: '{"events":[]}' }, 400, /^the body is not a batch of Snowplow's tracker protocol/],
      ["/i?se_ac=create_snippet", { method: "GET" }, 400, /no event type/],
      ["/sit/events?status=fine", { method: "GET" }, 400, /status must be good or bad/],
      ["/collect", { method: "POST", body: "{}" }, 404, /nothing at \/collect/],
    ];
    for (const [path, init, status, error] of refused) {
      const response = await fetch(`${url}${path}`, init);
      expect([path, response.status]).toEqual([path, status]);
      expect(((await response.json()) as { error: string }).error).toMatch(error);
    }
    expect(await sit.events()).toEqual(list);

    const table = sit.stdout.split("\n");
    expect(table.slice(0, 3)).toEqual([url, "TIME (UTC)    STATUS  EVENT                         PROCESSOR  PROBLEMS", expect.stringMatching(/^\d\d:\d\d:\d\d\.\d{3}  good    create_snippet {16}http$/)]);
    expect(table[3]).toMatch(/ bad {5}create_snippet {16}http {7}property colour is not declared$/);

    const deleted = await fetch(`${url}/sit/events`, { method: "DELETE" });
    expect(await deleted.json()).toEqual({ deleted: 7 });
    expect(await sit.events()).toEqual({ received: 0, good: 0, bad: 0, dropped: 0, events: [] });
    expect(await sit.stop("SIGINT")).toBe(0);
    expect(sit.stderr).toMatch(/^sit inspect: 7 events received, 2 good, 5 bad\.$/m);
  });

  it("with --fail-on-bad, exits 1 when stopped if a bad event arrived (even if cleared since), 0 if none; --json prints a line per event", async () => {
    const project = inspectedProject();
    const failing = inspect(project, "--fail-on-bad", "--json");
    const passing = inspect(project, "--fail-on-bad");
    const [failingUrl, passingUrl] = await Promise.all([failing.url(), passing.url()]);

    const bad = httpProcessor(failingUrl);
    bad.trackEvent("create_snippet", { ...GOOD_SNIPPET, additionalProperties: { language: "go" } });
    await bad.shutdown();
    await failing.eventsReceived(1);
    await fetch(`${failingUrl}/sit/events`, { method: "DELETE" });
    const good = httpProcessor(passingUrl);
    good.trackEvent("create_snippet", GOOD_SNIPPET);
    await good.shutdown();
    await passing.eventsReceived(1);

    expect(await failing.stop("SIGTERM")).toBe(1);
    expect(failing.stderr).toMatch(/^sit inspect: 1 event received, 0 good, 1 bad\.\nExit code 1 \(--fail-on-bad\): an event was bad\.$/m);
    const lines = failing.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe(failingUrl);
    expect(lines.slice(1).map((line) => JSON.parse(line) as unknown)).toEqual([
      { id: 1, receivedAt: expect.any(String), event: "create_snippet", status: "bad", problems: ['property language must be one of "ts", "rust", not "go"'], processor: "http", payload: expect.any(Object) },
    ]);
    expect(await passing.stop("SIGINT")).toBe(0);
  });

  it("checks against the definitions as they change, and keeps the last valid ones while they have errors", async () => {
    const project = inspectedProject();
    const sit = inspect(project);
    const url = await sit.url();
    const send = async (additionalProperties: Record<string, string>): Promise<void> => {
      const http = httpProcessor(url);
      http.trackEvent("create_snippet", { ...GOOD_SNIPPET, additionalProperties });
      await http.shutdown();
    };
    await send({ colour: "red" });
    await sit.eventsReceived(1);

    const definition = join(project, "definitions", "create_snippet.yml");
    writeFileSync(definition, INSPECTED_PROJECT["definitions/create_snippet.yml"]!.replace("additional_properties:\n", "additional_properties:\n  colour:\n    description: the theme\n"));
    await sit.until("the reload", () => sit.stderr.includes("Definitions reloaded (definitions/create_snippet.yml changed): 4 events."));
    await send({ colour: "red" });

    writeFileSync(definition, "description: [broken\n");
    await sit.until("the errors", () => sit.stderr.includes("events are still checked against the definitions as they were before"));
    expect(sit.stderr).toMatch(/^definitions\/create_snippet\.yml:\d+:\d+: error SIT\d+: /m);
    await send({ colour: "blue", size: "L" });

    const list = await sit.eventsReceived(3);
    expect(list.events.map((event) => event.problems)).toEqual([["property colour is not declared"], [], ["property size is not declared"]]);
    expect(await sit.stop()).toBe(0);
  });

  it("keeps the last --max-events events and counts the others as dropped", async () => {
    const sit = inspect(inspectedProject(), "--max-events", "2");
    const http = httpProcessor(await sit.url());
    for (const value of [1, 2, 3]) http.trackEvent("create_snippet", { ...GOOD_SNIPPET, additionalProperties: { value } });
    await http.shutdown();
    const list = await sit.eventsReceived(3);
    expect(list).toMatchObject({ received: 3, good: 3, bad: 0, dropped: 1 });
    expect(list.events.map((event) => event.id)).toEqual([2, 3]);
  });

  it("answers CORS preflights on the collector's endpoints for a development server on another port, and keeps its own API to this machine's pages", async () => {
    const sit = inspect(inspectedProject());
    const url = await sit.url();
    const preflight = await fetch(`${url}/v1/events`, {
      method: "OPTIONS",
      headers: { Origin: "http://localhost:5173", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type" },
    });
    expect(preflight.status).toBe(204);
    expect(Object.fromEntries(["access-control-allow-origin", "access-control-allow-credentials", "access-control-allow-methods", "access-control-allow-headers"].map((name) => [name, preflight.headers.get(name)]))).toEqual({
      "access-control-allow-origin": "http://localhost:5173",
      "access-control-allow-credentials": "true",
      "access-control-allow-methods": "GET, POST, OPTIONS",
      "access-control-allow-headers": "content-type",
    });
    const api = await fetch(`${url}/sit/events`, { headers: { Origin: "http://localhost:5173" } });
    expect(api.status).toBe(200);
    expect(api.headers.get("access-control-allow-origin")).toBeNull();
    // A page of another site whose name was made to point here (DNS rebinding) names itself in Host.
    const rebound = await rawGet(url, "/sit/events", "attacker.example:80");
    expect(rebound).toMatch(/^HTTP\/1\.1 403 /);
  });

  it("refuses to start on invalid definitions (1), a port in use or a bad option (2)", async () => {
    const invalid = inspect(inspectedProject({ "definitions/create_snippet.yml": "description: [broken\n" }));
    expect(await invalid.ended()).toBe(1);
    expect(invalid.stdout).toBe("");
    expect(invalid.stderr).toMatch(/^definitions\/create_snippet\.yml:\d+:\d+: error SIT\d+: /m);
    expect(invalid.stderr).toContain("sit inspect checks events against valid definitions: fix the errors above, then start it again.");

    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    try {
      const port = (taken.address() as AddressInfo).port;
      const busy = new InspectProcess(cli, ["--port", String(port)], inspectedProject());
      running.push(busy);
      expect(await busy.ended()).toBe(2);
      expect(busy.stderr).toContain(`sit: cannot listen on 127.0.0.1:${port}: the port is in use (by another sit inspect?): pick another with --port, or --port 0 for a free one`);
    } finally {
      taken.close();
    }

    const badOption = inspect(inspectedProject(), "--max-events", "0");
    expect(await badOption.ended()).toBe(2);
    expect(badOption.stderr).toContain("--max-events takes a whole number from 1 to 10000000.");
  });

  it("warns when --host makes it reachable from elsewhere", async () => {
    const sit = inspect(inspectedProject(), "--host", "0.0.0.0");
    expect(await sit.url()).toMatch(/^http:\/\/0\.0\.0\.0:\d+$/);
    await sit.until("the warning", () => sit.stderr.includes("warning: listening on 0.0.0.0, not only on this machine"));
  });
});

/** A GET with the given Host header, which fetch does not let a caller set; the status line and headers. */
async function rawGet(url: string, path: string, host: string): Promise<string> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), "127.0.0.1", () => socket.end(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`));
    let answer = "";
    socket.setEncoding("utf8").on("data", (text: string) => (answer += text));
    socket.on("end", () => resolve(answer));
    socket.on("error", reject);
  });
}
