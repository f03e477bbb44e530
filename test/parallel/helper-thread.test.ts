import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PARALLEL_THRESHOLD } from "../../src/parallel/helper-thread";
import { definition, makeProject, runSit } from "../helpers/project";

/** Enough files for the worker thread to take half of them, with problems in both halves. */
function project(withProblems: boolean): string {
  const files: Record<string, string> = {
    "sit.config.yaml": "processors:\n  InternalEvents: { module: ./src/processor }\ndefaultProcessors: [InternalEvents]\n",
    "src/processor.ts": "export const InternalEvents = { trackEvent(): void {} };\n",
  };
  const count = PARALLEL_THRESHOLD + 200;
  for (let index = 0; index < count; index++) {
    const action = `event_${String(index).padStart(5, "0")}`;
    files[`definitions/${index % 3 === 0 ? "nested/" : ""}${action}.yml`] = definition(action, "additional_properties:\n  label:\n    description: A label\n");
  }
  if (withProblems) {
    files["definitions/event_00003.yml"] = definition("event_00003", "tiers_typo: []\n");
    files["definitions/nested/event_01101.yml"] = definition("event_00004");
    files["definitions/event_01199.yml"] = "action: [unclosed\n";
  }
  return makeProject(files);
}

const contents = (folder: string): Record<string, string> =>
  Object.fromEntries(readdirSync(folder).map((name) => [name, readFileSync(join(folder, name), "utf8")]));

describe("sharing reading, checking and emitting with a helper thread", () => {
  it("reports exactly the diagnostics one thread reports, in the same order", () => {
    const folder = project(true);
    const parallel = runSit(["validate", "--json"], folder, { SIT_THREADS: "2" });
    const single = runSit(["validate", "--json"], folder, { SIT_THREADS: "1" });
    expect(parallel.code).toBe(1);
    expect(single.code).toBe(1);
    expect(parallel.stdout).toBe(single.stdout);
    const codes = (JSON.parse(parallel.stdout) as { diagnostics: { file: string; code: string }[] }).diagnostics.map((d) => `${d.file} ${d.code}`);
    expect(codes).toEqual(
      expect.arrayContaining(["definitions/event_00003.yml SIT010", "definitions/event_01199.yml SIT001", "definitions/nested/event_01101.yml SIT015"]),
    );
  });

  it("generates byte-identical output", () => {
    const one = project(false);
    const two = project(false);
    expect(runSit(["generate"], one, { SIT_THREADS: "2" }).code).toBe(0);
    expect(runSit(["generate"], two, { SIT_THREADS: "1" }).code).toBe(0);
    expect(contents(join(one, "generated"))).toEqual(contents(join(two, "generated")));
    expect(runSit(["generate", "--check"], one).code).toBe(0);
  });
});
