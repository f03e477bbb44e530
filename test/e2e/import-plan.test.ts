import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { copyProject, runTsc, STRICT_FLAGS, writeJson } from "./consumer-project";
import { makeProject, REPO_ROOT, runSit } from "../helpers/project";

/**
 * A team coming from Typewriter (test/e2e/typewriter): its plans in the three layouts Typewriter
 * has written, imported by the real CLI into a project that has `sit init`'s config; then sit
 * validates, generates, tsc compiles the application's calls under strict settings (and rejects
 * each misuse), node runs it; and the plan exported as JSON Schema imports back to the same
 * definitions.
 */

const FIXTURE = join(REPO_ROOT, "test", "e2e", "typewriter");

interface Report {
  readonly received: readonly { readonly eventName: string; readonly payload: { readonly additionalProperties: Record<string, unknown> } }[];
  readonly errors: readonly { readonly eventName: string | null; readonly message: string }[];
}

const filesUnder = (folder: string): Record<string, string> =>
  Object.fromEntries(
    readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const path = join(entry.parentPath, entry.name);
        return [path.slice(folder.length + 1), readFileSync(path, "utf8")];
      })
      .sort(([a], [b]) => (a! < b! ? -1 : 1)),
  );

describe("importing Typewriter's plans", () => {
  let project: string;
  const imports: ReturnType<typeof runSit>[] = [];
  let validated: ReturnType<typeof runSit>;
  let generated: ReturnType<typeof runSit>;

  beforeAll(() => {
    project = copyProject(FIXTURE);
    for (const plan of ["plan.json", "v7-plan.json", "tracking-plan.json"]) imports.push(runSit(["import", "typewriter", `plans/${plan}`], project));
    validated = runSit(["validate"], project);
    generated = runSit(["generate"], project);
  });

  it("reads each layout, keeps colliding events apart and adds the rules the plan needs to the config", () => {
    expect(imports.map((result) => [result.code, result.stdout, result.stderr])).toEqual([
      [
        0,
        "",
        'definitions/event_collided.yml: "event_collided" is tracked with trackEventCollided2() (function_name): "Event Collided" makes `trackEventCollided` too\n' +
          "Typewriter 8 plan.json: wrote 11 events into definitions/, and set in sit.config.yaml: eventNames: any, propertyNames: any, required: [description, action]\n" +
          "next: npx sit generate\n",
      ],
      [0, "", "Typewriter 7 plan.json: wrote 2 events into definitions/\nnext: npx sit generate\n"],
      [0, "", "local tracking plan (Typewriter 6 and 7): wrote 1 event into definitions/\nnext: npx sit generate\n"],
    ]);
    expect(readFileSync(join(project, "sit.config.yaml"), "utf8")).toBe(
      `${readFileSync(join(FIXTURE, "sit.config.yaml"), "utf8")}rules:\n  eventNames: any\n  propertyNames: any\n  required: [description, action]\n`,
    );
    expect(Object.keys(filesUnder(join(project, "definitions")))).toEqual([
      "42_terrible_event_name_3.yml",
      "Event Collided.yml",
      "empty_event.yml",
      "event_collided.yml",
      "every_optional_type.yml",
      "every_required_type.yml",
      "nested_arrays.yml",
      "order_completed.yml",
      "photo_viewed.yml",
      "properties_collided.yml",
      "sign_in_failed.yml",
      "sign_in_succeeded.yml",
      "signed_up_1.yml",
      "union_type.yml",
    ]);
    expect(readFileSync(join(project, "definitions", "event_collided.yml"), "utf8")).toBe(
      "description: Collides with Event Collided once normalised.\ninternal_events: true\naction: event_collided\nfunction_name: trackEventCollided2\n",
    );
  });

  it("gives definitions that validate and generate without a problem", () => {
    expect(validated).toEqual({ code: 0, stdout: "", stderr: "no problems (14 definition files checked)\n" });
    expect(generated).toMatchObject({ code: 0, stdout: "" });
    expect(generated.stderr.trim()).toBe("generated/: 14 events; wrote 6 (catalog.ts, checks.ts, core.ts, index.ts, runtime.ts, validation.ts), 0 unchanged");
  });

  it("types what the JSON Schema said: the application's calls compile under strict settings, and each misuse fails", async () => {
    expect(readFileSync(join(project, "app", "type-checks.ts"), "utf8")).toMatch(/@ts-expect-error/);
    writeJson(join(project, "tsconfig.json"), {
      compilerOptions: { ...STRICT_FLAGS, types: [], module: "nodenext", moduleResolution: "nodenext", noEmit: true },
      include: ["generated", "src", "app/type-checks.ts"],
    });
    const compiled = await runTsc(project);
    expect(compiled.output).toBe("");
    expect(compiled.code).toBe(0);
  });

  it("delivers payloads as given, and checkEvents reports the plan's patterns, bounds and integers", async () => {
    writeJson(join(project, "package.json"), { name: "from-typewriter", private: true, type: "commonjs" });
    writeJson(join(project, "tsconfig.json"), {
      compilerOptions: { ...STRICT_FLAGS, types: [], module: "nodenext", moduleResolution: "nodenext", rootDir: ".", outDir: "out" },
      include: ["generated", "src", "app/runtime-checks.ts"],
    });
    const compiled = await runTsc(project);
    expect(compiled.output).toBe("");
    const run = spawnSync(process.execPath, [join(project, "out", "app", "runtime-checks.js")], { cwd: project, encoding: "utf8" });
    expect(run.stderr).toBe("");
    const report = JSON.parse(run.stdout) as Report;
    expect(report.received.map((entry) => [entry.eventName, entry.payload.additionalProperties])).toEqual([
      ["Order Completed", { order_id: "o-1", products: [{ sku: "A1", quantity: 2 }], coupon: "SPRING24", shipping: { address: { city: "Lyon" } } }],
      ["Union Type", { universe_name: null }],
      ["Order Completed", { order_id: "o-2", coupon: "no!", products: [{ sku: "A1", quantity: 0 }] }],
      ["Union Type", { universe_name: 1.5 }],
    ]);
    expect(report.errors).toEqual([
      { eventName: "Order Completed", message: 'property coupon must match /^[A-Z0-9]{4,12}$/, not "no!"' },
      { eventName: "Order Completed", message: "property products[0].quantity must be at least 1, not 0" },
      { eventName: "Union Type", message: "property universe_name must be an integer, not 1.5" },
    ]);
  });

  it("round-trips: the plan exported as JSON Schema imports back to the same definitions and rules", () => {
    expect(runSit(["schema", "--events", "exported"], project)).toEqual({ code: 0, stdout: "", stderr: "exported/: 14 event schemas; wrote 14\n" });
    const again = makeProject({});
    const imported = runSit(["import", "json-schema", join(project, "exported")], again);
    expect(imported.code).toBe(0);
    expect(filesUnder(join(again, "definitions"))).toEqual(filesUnder(join(project, "definitions")));
    expect(readFileSync(join(again, "sit.config.yaml"), "utf8")).toMatch(/\nrules:\n {2}eventNames: any\n {2}propertyNames: any\n {2}required: \[description, action\]\n$/);
    // And once more: the export of the re-imported plan is the same export.
    expect(runSit(["schema", "--events", "exported"], again).code).toBe(0);
    expect(filesUnder(join(again, "exported"))).toEqual(filesUnder(join(project, "exported")));
  });

  it("finds its definitions up to date when the same plan is imported again", () => {
    expect(runSit(["import", "typewriter", "plans/v7-plan.json"], project)).toEqual({ code: 0, stdout: "", stderr: "Typewriter 7 plan.json: 2 events up to date\n" });
  });
});
