import { readFileSync } from "node:fs";
import { join } from "node:path";
import { EventRing, type InspectedEvent } from "../../src/inspect/event-ring";
import { DEFAULT_INSPECT_HOST, DEFAULT_INSPECT_PORT } from "../../src/inspect/inspect-defaults";
import { readHttpBatch } from "../../src/inspect/http-batch";
import { InspectionRules } from "../../src/inspect/inspection-rules";
import { Inspector } from "../../src/inspect/inspector";
import type { ReceivedEvent } from "../../src/inspect/received-event";
import { LiveOutput, tableHeader, tableRows } from "../../src/inspect/terminal-table";
import { REPO_ROOT } from "../helpers/project";
import { inspectedModel } from "./inspected-project";

const rules = new InspectionRules(inspectedModel());

function received(...events: Record<string, unknown>[]): readonly ReceivedEvent[] {
  const batch = readHttpBatch(JSON.stringify({ events }));
  if ("error" in batch) throw new Error(batch.error);
  return batch.events;
}

const good = { event: "create_snippet", project: 1, user: "u1", additionalProperties: {} };
const bad = { event: "create_snipet", additionalProperties: {} };

function inspected(id: number, status: InspectedEvent["status"] = "good"): InspectedEvent {
  return { id, receivedAt: "2026-12-01T14:38:08.020Z", event: `e${id}`, status, problems: [], processor: "http", payload: {} };
}

describe("EventRing", () => {
  it("keeps the newest events up to its capacity, oldest first, and filters them", () => {
    const ring = new EventRing(3);
    const pushedOut = [1, 2, 3, 4, 5].map((id) => ring.add(inspected(id, id % 2 === 0 ? "bad" : "good")));
    expect(pushedOut.map((event) => event?.id)).toEqual([undefined, undefined, undefined, 1, 2]);
    expect(ring.list().map((event) => event.id)).toEqual([3, 4, 5]);
    expect(ring.list({ status: "bad" }).map((event) => event.id)).toEqual([4]);
    expect(ring.list({ event: "e5" }).map((event) => event.id)).toEqual([5]);
    expect(ring.clear()).toBe(3);
    expect(ring.list()).toEqual([]);
    ring.add(inspected(6));
    expect(ring.list().map((event) => event.id)).toEqual([6]);
  });
});

describe("Inspector", () => {
  it("checks, numbers and keeps each request's events, tells its listeners, and counts bad ones across a clear", () => {
    const heard: string[] = [];
    const inspector = new Inspector(rules, 2, () => new Date("2026-12-01T14:38:08.020Z"));
    inspector.listen({ received: (events) => heard.push(events.map((event) => `${event.id}:${event.status}`).join(",")), cleared: () => heard.push("cleared") });

    const first = inspector.receive(received(good, bad));
    expect(first.map(({ id, event, status, problems, receivedAt }) => ({ id, event, status, problems, receivedAt }))).toEqual([
      { id: 1, event: "create_snippet", status: "good", problems: [], receivedAt: "2026-12-01T14:38:08.020Z" },
      { id: 2, event: "create_snipet", status: "bad", problems: ['"create_snipet" is not an event of the definitions (did you mean "create_snippet"?)'], receivedAt: "2026-12-01T14:38:08.020Z" },
    ]);
    expect(first[0]!.payload).toEqual({ ...good });
    inspector.receive(received(good));
    expect(inspector.list().map((event) => event.id)).toEqual([2, 3]);
    expect(inspector.countsSinceClear()).toEqual({ received: 3, good: 2, bad: 1, dropped: 1 });

    expect(inspector.clear()).toBe(2);
    inspector.receive(received(good));
    expect(inspector.list().map((event) => event.id)).toEqual([4]);
    expect(inspector.countsSinceClear()).toEqual({ received: 1, good: 1, bad: 0, dropped: 0 });
    expect(inspector.totals()).toEqual({ received: 4, good: 3, bad: 1 });
    expect(heard).toEqual(["1:good,2:bad", "3:good", "cleared", "4:good"]);
  });

  it("checks against new rules once the definitions change", () => {
    const inspector = new Inspector(rules, 10);
    const model = inspectedModel();
    inspector.setRules(new InspectionRules({ ...model, events: model.events.filter((event) => event.action !== "create_snippet") }));
    expect(inspector.receive(received(good))[0]!.problems).toEqual(['"create_snippet" is not an event of the definitions (did you mean "close_snippet"?)']);
  });
});

describe("the terminal's live table", () => {
  const event: InspectedEvent = {
    id: 1,
    receivedAt: "2026-12-01T14:38:08.020Z",
    event: "evil\n17:00:00.000  good    forged\u001b[2J",
    status: "bad",
    problems: ["property a\u001b[31m is not declared", "identifier user\r is missing"],
    processor: "http",
    payload: {},
  };

  it("lines the columns up under their titles, one problem per line, every field escaped for the terminal", () => {
    expect(tableHeader()).toBe("TIME (UTC)    STATUS  EVENT                         PROCESSOR  PROBLEMS");
    expect(tableRows(event).split("\n")).toEqual([
      "14:38:08.020  bad     evil\\n17:00:00.000  good    forged\\u001b[2J  http       property a\\u001b[31m is not declared",
      `${" ".repeat(63)}identifier user\\r is missing`,
    ]);
    expect(tableRows({ ...event, event: "create_snippet", status: "good", problems: [] })).toBe("14:38:08.020  good    create_snippet                http");
    expect(tableHeader().indexOf("PROBLEMS")).toBe(63);
  });

  it("writes one block per request: the table's rows, or one JSON line per event with --json", () => {
    const table: string[] = [];
    const lines: string[] = [];
    const live = new LiveOutput((text) => table.push(text), false);
    const json = new LiveOutput((text) => lines.push(text), true);
    for (const output of [live, json]) {
      output.start();
      output.received([event, { ...event, id: 2 }]);
      output.cleared();
    }
    expect(table).toEqual([tableHeader(), `${tableRows(event)}\n${tableRows({ ...event, id: 2 })}`, "(events cleared: DELETE /sit/events)"]);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.split("\n").map((line) => JSON.parse(line) as InspectedEvent)).toEqual([event, { ...event, id: 2 }]);
  });
});

describe("the development loop", () => {
  it("sit init's processor module sends to sit inspect's default address", () => {
    const module = readFileSync(join(REPO_ROOT, "templates", "init", "internal-events.ts"), "utf8");
    expect(module).toContain(`createHttpProcessor({ url: "http://${DEFAULT_INSPECT_HOST}:${DEFAULT_INSPECT_PORT}/v1/events" })`);
  });
});
