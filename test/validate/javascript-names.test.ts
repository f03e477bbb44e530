import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { makeProject, REPO_ROOT, runSit } from "../helpers/project";

/**
 * Names that mean something to JavaScript and that sit accepts (`__proto__` and a `constructor`
 * property are rejected, see problems.test.ts): the generated SDK must compile under the strictest
 * flags and deliver every property to the processors as an own, intact property.
 */
const ACTIONS = ["constructor", "prototype", "default", "class", "delete", "new", "function", "has_own_property", "value_of"];

const event = (action: string): string => `description: ${action}
internal_events: true
action: ${action}
identifiers: [user]
product_group: g
milestone: '18.0'
introduced_by_url: null
tiers: [free]
additional_properties:
  prototype:
    description: p
  default:
  class:
  label:
  value_of:
extra_trackers:
  - tracking_class: Tracker
    protected_properties:
      function:
        description: only for the tracker
      new:
`;

const PROCESSORS = `import type { EventPayload, Processor } from "./generated/index.js";

export const received: { processor: string; eventName: string; payload: EventPayload }[] = [];
export const InternalEvents: Processor = {
  trackEvent(eventName, payload) {
    received.push({ processor: "InternalEvents", eventName, payload });
  },
};
export class Tracker {
  static trackEvent(eventName: string, payload: EventPayload): void {
    received.push({ processor: "Tracker", eventName, payload });
  }
}
`;

const CONSUMER = `import { EVENTS } from "./generated/catalog.js";
import { trackConstructor, trackEvent, type EventArgs } from "./generated/index.js";
import { received } from "./processors.js";

declare const process: { stdout: { write(text: string): void } };

trackConstructor({
  user: { id: 1 },
  additionalProperties: { prototype: "p", default: 1, class: "c", label: "l", value_of: 2, function: "f", new: "n" },
});
trackEvent("prototype", { user: { id: 2 }, additionalProperties: { default: "d" } });
// Ordinary objects, not only fresh literals, must be accepted as additionalProperties.
const properties: { label: string; class: number } = { label: "x", class: 3 };
trackEvent("class", { user: { id: 3 }, additionalProperties: properties });
class Properties {
  readonly default = "instance";
}
trackEvent("default", { user: { id: 4 }, additionalProperties: new Properties() });
const args: EventArgs["delete"] = { user: { id: 5 } };
trackEvent("delete", args);

process.stdout.write(
  JSON.stringify({
    received: received.map(({ processor, eventName, payload }) => ({
      processor,
      eventName,
      own: Object.getOwnPropertyNames(payload.additionalProperties),
      values: payload.additionalProperties,
      plainPrototype: Object.getPrototypeOf(payload.additionalProperties) === Object.prototype,
    })),
    catalog: Object.keys(EVENTS),
    constructorAction: EVENTS.constructor.action,
  }),
);
`;

const STRICT = {
  target: "es2022",
  lib: ["es2022"],
  types: [],
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noImplicitOverride: true,
  noPropertyAccessFromIndexSignature: true,
};

const tsc = (project: string, config: string) =>
  spawnSync(process.execPath, [join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", join(project, config)], { encoding: "utf8" });

describe("actions and properties named like JavaScript keywords and Object.prototype members", () => {
  const project = makeProject({
    "sit.config.yaml":
      "processors:\n  InternalEvents: { module: ./processors, export: InternalEvents }\n  Tracker: { module: ./processors, export: Tracker }\ndefaultProcessors: [InternalEvents]\n",
    "processors.ts": PROCESSORS,
    "consumer.ts": CONSUMER,
    "package.json": '{ "type": "module" }\n',
    ...Object.fromEntries(ACTIONS.map((action) => [`definitions/${action}.yml`, event(action)])),
  });
  writeFileSync(
    join(project, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { ...STRICT, module: "nodenext", moduleResolution: "nodenext", outDir: "out" }, include: ["generated", "processors.ts", "consumer.ts"] }),
  );
  writeFileSync(
    join(project, "tsconfig.bundler.json"),
    JSON.stringify({ compilerOptions: { ...STRICT, module: "esnext", moduleResolution: "bundler", noEmit: true }, include: ["generated", "processors.ts", "consumer.ts"] }),
  );

  it("validate and generate without a problem", () => {
    expect(runSit(["validate", "--strict"], project)).toMatchObject({ code: 0 });
    expect(runSit(["generate"], project)).toMatchObject({ code: 0 });
  });

  it("compile under strict flags with nodenext and bundler resolution", () => {
    for (const config of ["tsconfig.json", "tsconfig.bundler.json"]) {
      const result = tsc(project, config);
      expect(result.stdout + result.stderr).toBe("");
      expect(result.status).toBe(0);
    }
  });

  it("would not compile with a constructor property, which is why SIT019 rejects it", () => {
    // What an event with a `constructor` property would generate: even `{}` is refused, because
    // every object's apparent `constructor` is a Function. If TypeScript ever changes this, the
    // rejection can be lifted.
    writeFileSync(
      join(project, "constructor-trap.ts"),
      'export declare function track(args: { readonly additionalProperties?: { readonly constructor?: string; readonly label?: string } }): void;\ntrack({ additionalProperties: {} });\ntrack({ additionalProperties: { label: "x" } });\n',
    );
    writeFileSync(join(project, "tsconfig.trap.json"), JSON.stringify({ compilerOptions: { ...STRICT, noEmit: true }, files: ["constructor-trap.ts"] }));
    const result = tsc(project, "tsconfig.trap.json");
    expect(result.stdout.match(/error TS2322: .*\n.*Types of property 'constructor' are incompatible/g)).toHaveLength(2);
  });

  it("deliver every property intact, as own properties of a plain object, protected ones only to their tracker", () => {
    const run = spawnSync(process.execPath, [join(project, "out", "consumer.js")], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    const output = JSON.parse(run.stdout) as {
      received: { processor: string; eventName: string; own: string[]; values: Record<string, unknown>; plainPrototype: boolean }[];
      catalog: string[];
      constructorAction: string;
    };
    const all = { prototype: "p", default: 1, class: "c", label: "l", value_of: 2 };
    expect(output.received).toEqual([
      { processor: "InternalEvents", eventName: "constructor", own: Object.keys(all), values: all, plainPrototype: true },
      {
        processor: "Tracker",
        eventName: "constructor",
        own: [...Object.keys(all), "function", "new"],
        values: { ...all, function: "f", new: "n" },
        plainPrototype: true,
      },
      { processor: "InternalEvents", eventName: "prototype", own: ["default"], values: { default: "d" }, plainPrototype: true },
      { processor: "Tracker", eventName: "prototype", own: ["default"], values: { default: "d" }, plainPrototype: true },
      // Properties arrive in declaration order, whatever order the caller wrote them in.
      { processor: "InternalEvents", eventName: "class", own: ["class", "label"], values: { label: "x", class: 3 }, plainPrototype: true },
      { processor: "Tracker", eventName: "class", own: ["class", "label"], values: { label: "x", class: 3 }, plainPrototype: true },
      // A class instance passed by the caller reaches processors as a plain copy of its declared properties.
      { processor: "InternalEvents", eventName: "default", own: ["default"], values: { default: "instance" }, plainPrototype: true },
      { processor: "Tracker", eventName: "default", own: ["default"], values: { default: "instance" }, plainPrototype: true },
      { processor: "InternalEvents", eventName: "delete", own: [], values: {}, plainPrototype: true },
      { processor: "Tracker", eventName: "delete", own: [], values: {}, plainPrototype: true },
    ]);
    expect(output.catalog).toEqual([...ACTIONS].sort());
    expect(output.constructorAction).toBe("constructor");
  });
});
