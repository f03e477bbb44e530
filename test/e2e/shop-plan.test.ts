import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { copyProject, runTsc, STRICT_FLAGS, writeJson } from "./consumer-project";
import { REPO_ROOT, runSit } from "../helpers/project";

/**
 * A shop's own plan, not GitLab's (test/e2e/shop): its identifiers, one of them set once from the
 * tracking context, free event and property names, its tiers and required keys, arrays of
 * objects, unions with null, `any` and constraints. The real CLI generates the SDK, tsc compiles
 * the shop's code under strict settings, and node runs it.
 */

const SHOP = join(REPO_ROOT, "test", "e2e", "shop");

interface Received {
  readonly processor: string;
  readonly eventName: string;
  readonly payload: Record<string, unknown> & { readonly additionalProperties: Record<string, unknown> };
}

interface Report {
  readonly received: readonly Received[];
  readonly errors: readonly { readonly eventName: string | null; readonly message: string }[];
}

describe("a shop's own tracking plan", () => {
  let project: string;
  let generated: ReturnType<typeof runSit>;

  beforeAll(() => {
    project = copyProject(SHOP);
    generated = runSit(["generate"], project);
  });

  it("validates and generates without a problem", () => {
    expect(generated).toMatchObject({ code: 0, stdout: "" });
    expect(generated.stderr.trim()).toBe("generated/: 4 events; wrote 6 (catalog.ts, checks.ts, core.ts, index.ts, runtime.ts, validation.ts), 0 unchanged");
    expect(runSit(["validate"], project)).toMatchObject({ code: 0 });
  });

  it("is rejected by --gitlab-strict, extension by extension, so a file meant for GitLab stays valid there", () => {
    const strict = runSit(["validate", "--gitlab-strict", "--json"], project);
    expect(strict.code).toBe(1);
    const found = (JSON.parse(strict.stdout) as { diagnostics: { file: string; line: number; code: string; message: string }[] }).diagnostics;
    const at = (file: string, code: string, message: string) => found.some((d) => d.file === `definitions/${file}` && d.code === code && d.message.includes(message));
    // The team's own identifier, tiers and event and property names, and GitLab's required keys.
    expect(at("order_completed.yml", "SIT013", '`identifiers[0]` is "account"')).toBe(true);
    expect(at("order_completed.yml", "SIT013", '`tiers[0]` is "pro"')).toBe(true);
    expect(at("order_completed.yml", "SIT014", '`action` is "Order Completed"')).toBe(true);
    expect(at("product_viewed.yml", "SIT024", 'property name "Product ID"')).toBe(true);
    expect(at("product_viewed.yml", "SIT011", "missing required key `product_group`")).toBe(true);
    // Every extension key: types, structure, constraints, function names.
    for (const key of ["type", "items", "properties", "required", "minimum", "maximum", "pattern"]) {
      expect(found.some((d) => d.code === "SIT025" && d.message.startsWith(`\`${key}\``))).toBe(true);
    }
    expect(at("event_collided.yml", "SIT025", "`function_name`")).toBe(true);
    // Nothing the team's config allows is reported as unused meanwhile.
    expect(found.filter((d) => d.code === "SIT065")).toEqual([]);
  });

  it("compiles the shop's calls under strict settings, and rejects each misuse", async () => {
    writeJson(join(project, "tsconfig.json"), {
      compilerOptions: { ...STRICT_FLAGS, types: [], module: "nodenext", moduleResolution: "nodenext", noEmit: true },
      include: ["generated", "src", "app/type-checks.ts"],
    });
    const compiled = await runTsc(project);
    expect(compiled.output).toBe("");
    expect(compiled.code).toBe(0);
  });

  describe("at run time", () => {
    let report: Report;

    beforeAll(async () => {
      writeJson(join(project, "package.json"), { name: "shop", private: true, type: "commonjs" });
      writeJson(join(project, "tsconfig.json"), {
        compilerOptions: { ...STRICT_FLAGS, types: [], module: "nodenext", moduleResolution: "nodenext", rootDir: ".", outDir: "out" },
        include: ["generated", "src", "app/runtime-checks.ts"],
      });
      const compiled = await runTsc(project);
      if (compiled.code !== 0) throw new Error(`tsc failed:\n${compiled.output}`);
      const run = spawnSync(process.execPath, [join(project, "out", "app", "runtime-checks.js")], { cwd: project, encoding: "utf8" });
      if (run.status !== 0) throw new Error(`the runtime checks exited with ${run.status}:\n${run.stderr}`);
      report = JSON.parse(run.stdout) as Report;
    });

    const paid = (): Received[] => report.received.filter((entry) => entry.eventName === "Order Completed" && entry.payload["user"] !== undefined);

    it("delivers the action as written, the account, the context's user and the array of objects as given, to each processor in order", () => {
      const delivered = paid().filter((entry) => entry.payload.additionalProperties["quantity"] === 2);
      expect(delivered.map((entry) => entry.processor)).toEqual(["Collector:Shop::Collector", "Audit:Shop::Audit"]);
      for (const entry of delivered) {
        expect(entry.payload).toEqual({
          account: "acme",
          user: { id: "u1", plan: "pro" },
          additionalProperties: { quantity: 2, products: [{ sku: "A1", price: 9.5 }], coupon: "SPRING24" },
        });
      }
    });

    it("keeps property names as the data writes them, and null where the plan allows it", () => {
      const viewed = report.received.filter((entry) => entry.eventName === "Product Viewed");
      expect(viewed.map((entry) => entry.payload)).toEqual([
        { user: { id: "u1", plan: "pro" }, additionalProperties: { "Product ID": "p-1", referrer: null, dimensions: { width: 3, height: 4 } } },
      ]);
    });

    it("sends an event whose context identifier is not set without it, and tells onError", () => {
      const before = report.received.filter((entry) => entry.eventName === "Order Completed" && entry.payload["user"] === undefined);
      expect(before.map((entry) => entry.payload.additionalProperties)).toEqual([{ quantity: 1 }, { quantity: 1 }]);
      expect(report.errors[0]).toEqual({
        eventName: "Order Completed",
        message: "the tracking context has no user: event Order Completed is sent without it (call setTrackingContext)",
      });
    });

    it("reports each constraint a JavaScript caller breaks, naming the property, and still sends the event", () => {
      expect(report.errors.slice(1)).toEqual([
        { eventName: "Order Completed", message: "property products[0].internal is not declared, so it is not sent" },
        { eventName: "Order Completed", message: "property products[0].price must be at least 0, not -1" },
        { eventName: "Order Completed", message: "property quantity must be at least 1, not 0" },
        { eventName: "Order Completed", message: 'property coupon must match /^[A-Z0-9]{4,12}$/, not "no!"' },
      ]);
      expect(paid().filter((entry) => entry.payload.additionalProperties["quantity"] === 0)).toHaveLength(2);
    });
  });
});
