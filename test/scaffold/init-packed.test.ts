import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { installPackedSit } from "../helpers/packed-package";
import { enableTypeCheckOfGeneratedCode, makeProject } from "../helpers/project";
import { runTsc, STRICT_FLAGS, writeJson } from "../e2e/consumer-project";

/** A command in the project, as a developer types it. */
function run(dir: string, command: string, args: readonly string[]) {
  const result = spawnSync(command, args, { cwd: dir, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const APP = `import { trackCreateOrder, trackViewHomePage } from "./generated/index.js";

trackViewHomePage({ user: { id: 1 }, additionalProperties: { label: "search" } });
trackCreateOrder({ user: { id: "u1" }, project: { id: 2 }, additionalProperties: { total: 1250, coupon: "SPRING" } });

// @ts-expect-error the user is required
trackViewHomePage({ additionalProperties: { label: "search" } });
// @ts-expect-error total is an integer, declared with --property total:...:integer
trackCreateOrder({ user: { id: 1 }, project: { id: 2 }, additionalProperties: { total: "12.50" } });
`;

const OWN_APP = `import { trackHomePageViewed, trackOrderCompleted } from "./generated/index.js";

trackHomePageViewed({ user: { id: 1 }, additionalProperties: { source: "link", referrer: null } });
trackOrderCompleted({ user: { id: "u1" }, additionalProperties: { quantity: 2, products: [{ sku: "A-1", price: 950 }], "Coupon Code": null } });

// @ts-expect-error source is one of search, link and direct
trackHomePageViewed({ user: { id: 1 }, additionalProperties: { source: "ad" } });
// @ts-expect-error quantity is required, declared with --property "quantity: { …, required: true }"
trackOrderCompleted({ user: { id: 1 }, additionalProperties: { products: [] } });
// @ts-expect-error each product needs its sku
trackOrderCompleted({ user: { id: 1 }, additionalProperties: { quantity: 1, products: [{ price: 1 }] } });
`;

/** Type-checks `app` against the project's SDK, as ES modules (nodenext) and for bundlers, under strict settings. */
async function typeCheck(dir: string, app: string): Promise<void> {
  enableTypeCheckOfGeneratedCode(join(dir, "generated"));
  writeFileSync(join(dir, "app.ts"), app);
  // No DOM library and no @types/node: the SDK and sit's HTTP processor need neither.
  const compilerOptions = { ...STRICT_FLAGS, noEmit: true, types: [] };
  writeJson(join(dir, "tsconfig.json"), { compilerOptions: { ...compilerOptions, module: "nodenext", moduleResolution: "nodenext" }, include: ["app.ts"] });
  mkdirSync(join(dir, "bundler"));
  writeJson(join(dir, "bundler", "tsconfig.json"), {
    compilerOptions: { ...compilerOptions, module: "esnext", moduleResolution: "bundler" },
    include: ["../app.ts"],
  });
  const [nodenext, bundler] = await Promise.all([runTsc(dir), runTsc(join(dir, "bundler"))]);
  expect(nodenext).toEqual({ code: 0, output: "" });
  expect(bundler).toEqual({ code: 0, output: "" });
}

describe("sit-tracking installed from its npm tarball", () => {
  it("init, then new, then generate: an SDK that compiles under strict settings", async () => {
    const dir = makeProject({});
    installPackedSit(dir);
    const sit = join(dir, "node_modules", ".bin", "sit");

    const init = run(dir, sit, ["init"]);
    expect(init).toMatchObject({ code: 0, stderr: "" });
    expect(init.stdout).toContain("added the scripts sit:generate and sit:check to package.json");
    expect(run(dir, "npm", ["run", "--silent", "sit:check"]).code).toBe(0);

    const created = run(dir, sit, [
      "new",
      "create_order",
      "--description",
      "An order is placed",
      "--product-group",
      "your_group",
      "--identifiers",
      "user,project",
      "--property",
      "total:the order's total, in cents:integer",
      "--property",
      "coupon:the coupon code: empty when none",
      "--milestone",
      "1.2",
    ]);
    expect(created).toMatchObject({ code: 0, stdout: "created definitions/create_order.yml\nnext: `npx sit generate` adds it to the SDK\n", stderr: "" });
    expect(run(dir, "npm", ["run", "--silent", "sit:check"]).code).toBe(1);
    expect(run(dir, "npm", ["run", "--silent", "sit:generate"]).code).toBe(0);
    expect(run(dir, "npm", ["run", "--silent", "sit:check"]).code).toBe(0);

    await typeCheck(dir, APP);
  });

  it("init with the team's own conventions, then new with a free name and typed properties, then generate: an SDK that compiles", async () => {
    const dir = makeProject({});
    installPackedSit(dir);
    const sit = join(dir, "node_modules", ".bin", "sit");

    expect(run(dir, sit, ["init", "--conventions", "own"])).toMatchObject({ code: 0, stderr: "" });
    expect(run(dir, "npm", ["run", "--silent", "sit:check"]).code).toBe(0);
    const created = run(dir, sit, [
      "new",
      "Order Completed",
      "--description",
      "An order is paid",
      "--identifiers",
      "user",
      "--property",
      "quantity: { description: units bought, type: integer, minimum: 1, required: true }",
      "--property",
      "products: { description: what was bought, type: array, items: { type: object, properties: { sku: { type: string, required: true }, price: { type: integer } } } }",
      "--property",
      "Coupon Code:the coupon, as the shop writes it:string|null",
    ]);
    expect(created).toMatchObject({ code: 0, stdout: "created definitions/order_completed.yml\nnext: `npx sit generate` adds it to the SDK\n", stderr: "" });
    expect(run(dir, "npm", ["run", "--silent", "sit:generate"]).code).toBe(0);
    expect(run(dir, sit, ["validate"])).toMatchObject({ code: 0, stderr: "no problems (2 definition files checked)\n" });

    await typeCheck(dir, OWN_APP);
  });
});
