import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadProject } from "../../src/index";
import { emitSdk } from "../../src/emit/emit-sdk";
import { EventTextMemo } from "../../src/emit/event-text-memo";
import { buildModel } from "../../src/model/build-model";
import type { SdkModel } from "../../src/model/event-model";
import { REPO_ROOT } from "../helpers/project";

// The synthetic definition sets of the benchmark: every shape of event, long names included.
const synthetic = require("../bench/lib/synthetic.js") as {
  createEventSet(size: number, seed: number): unknown;
  writeSitProject(dir: string, set: unknown): unknown;
};

const workspace = mkdtempSync(join(tmpdir(), "sit-watch-memo-"));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

function modelOf(cwd: string): SdkModel {
  const { config, definitions, diagnostics } = loadProject({ cwd });
  if (config === undefined || diagnostics.some((diagnostic) => diagnostic.severity === "error")) throw new Error(`${cwd} has errors: ${JSON.stringify(diagnostics)}`);
  return buildModel(definitions, config);
}

const text = (files: ReturnType<typeof emitSdk>): Record<string, string> => Object.fromEntries(files.map((file) => [file.path, Buffer.concat(file.body).toString("utf8")]));

const FIXTURES = join(REPO_ROOT, "test", "fixtures");
const projects: [string, () => string][] = [
  ...readdirSync(FIXTURES)
    .filter((name) => !name.endsWith(".json"))
    .map((name): [string, () => string] => [`fixture ${name}`, () => join(FIXTURES, name)]),
  [
    "1,000 synthetic events",
    () => {
      const dir = join(workspace, "synthetic");
      synthetic.writeSitProject(dir, synthetic.createEventSet(1000, 3));
      return dir;
    },
  ],
];

describe("emitting with a memo of each event's text", () => {
  it.each(projects)("gives the bytes emitting without one gives: %s", (_name, project) => {
    const model = modelOf(project());
    const memo = new EventTextMemo();
    const expected = text(emitSdk(model));
    expect(text(emitSdk(model, memo))).toEqual(expected);
    // The second time every event's text comes from the memo.
    expect(text(emitSdk(model, memo))).toEqual(expected);
  });

  it("renders an event again when its model is a new object, and reuses the others' text", () => {
    const model = modelOf(join(FIXTURES, "basic"));
    const memo = new EventTextMemo();
    const before = emitSdk(model, memo);
    const [first, ...others] = model.events;
    if (first === undefined) throw new Error("the fixture has no events");
    const changed: SdkModel = { ...model, events: [{ ...first, description: "Described anew" }, ...others] };
    const after = emitSdk(changed, memo);
    expect(text(after)).toEqual(text(emitSdk(changed)));
    const index = (files: ReturnType<typeof emitSdk>) => files.find((file) => file.path === "index.ts")!.body;
    // The unchanged events' pieces are the very buffers emitted before.
    const reused = index(after).filter((piece) => index(before).includes(piece));
    expect(reused.length).toBeGreaterThanOrEqual(others.length);
  });
});
