import { join } from "node:path";
import { build } from "esbuild";
import { generate, writeGenerated } from "../../src/index";
import { definition, makeProject } from "../helpers/project";

/**
 * Bundles grow with use, not with the plan: a browser bundle that imports one track function
 * carries that function and the small runtime, whatever the number of events; the catalog and the
 * development checks come in only when the application imports them.
 */

const PROCESSORS = `export const InternalEvents = {
  trackEvent(eventName: string, payload: unknown): void {
    console.log(eventName, payload);
  },
};
`;

/** In both SDKs. Its enum value `command_line` is written, at run time, only in the development checks' rules. */
const SHARED_EVENT = definition(
  "create_snippet",
  `additional_properties:
  label:
    description: where the snippet was created
    enum: [web, command_line]
  snippet_language:
    description: language of the first file
`,
).replace("create_snippet happened", "Catalog description of create_snippet");

/** The other events: names, descriptions and properties no bundle may carry unless it asked for them. */
const otherEvent = (index: number): string => {
  const action = `other_event_${String(index).padStart(4, "0")}`;
  return definition(action, `additional_properties:\n  other_property_${index}:\n    description: only event ${index} has it\n`).replace(`${action} happened`, `Catalog description of ${action}`);
};

/** What applications write: one function tracked; the catalog read; the development checks enabled. */
const CONSUMERS = {
  "one-function.ts": `import { trackCreateSnippet } from "./generated/index.js";
trackCreateSnippet({ user: { id: 1 }, additionalProperties: { label: "web", snippet_language: "ruby" } });
`,
  "with-catalog.ts": `import { trackCreateSnippet } from "./generated/index.js";
import { EVENTS } from "./generated/catalog.js";
trackCreateSnippet({ user: { id: 1 } });
console.log(EVENTS.create_snippet.description);
`,
  "with-validation.ts": `import { configureTracking, trackCreateSnippet } from "./generated/index.js";
import { checkEvents } from "./generated/validation.js";
configureTracking({ validate: checkEvents });
trackCreateSnippet({ user: { id: 1 } });
`,
};
type Consumer = keyof typeof CONSUMERS;

/** A project of `eventCount` events (create_snippet and others) with its SDK generated in process, and the consumers. */
function sdkOfEvents(eventCount: number): string {
  const root = makeProject({
    "sit.config.yaml": "processors:\n  InternalEvents: { module: ./tracking, export: InternalEvents }\ndefaultProcessors: [InternalEvents]\n",
    "tracking.ts": PROCESSORS,
    "definitions/create_snippet.yml": SHARED_EVENT,
    ...Object.fromEntries(Array.from({ length: eventCount - 1 }, (_, index) => [`definitions/other_event_${String(index + 1).padStart(4, "0")}.yml`, otherEvent(index + 1)])),
    ...CONSUMERS,
  });
  const result = generate({ cwd: root });
  if (result.outputDir === undefined || result.files.length === 0) throw new Error(`sit generate failed: ${JSON.stringify(result.diagnostics)}`);
  writeGenerated(result.outputDir, result.files);
  return root;
}

/** The minified browser bundle of a consumer, as an application's build would make it. */
async function bundle(root: string, consumer: Consumer): Promise<string> {
  const result = await build({ entryPoints: [join(root, consumer)], bundle: true, minify: true, format: "esm", platform: "browser", write: false, logLevel: "silent" });
  const [output] = result.outputFiles;
  if (output === undefined) throw new Error(`esbuild wrote no bundle for ${consumer}`);
  return output.text;
}

const sizeOf = (text: string): number => Buffer.byteLength(text, "utf8");

let bundles: Record<10 | 1000, Record<Consumer, string>>;

beforeAll(async () => {
  const bundlesOf = async (eventCount: number): Promise<Record<Consumer, string>> => {
    const root = sdkOfEvents(eventCount);
    const consumers = Object.keys(CONSUMERS) as Consumer[];
    const texts = await Promise.all(consumers.map((consumer) => bundle(root, consumer)));
    return Object.fromEntries(consumers.map((consumer, index) => [consumer, texts[index] ?? ""])) as Record<Consumer, string>;
  };
  bundles = { 10: await bundlesOf(10), 1000: await bundlesOf(1000) };
});

describe("a minified browser bundle of the generated SDK", () => {
  it("of one imported track function differs by less than 1 kB between SDKs of 10 and of 1,000 events", () => {
    const [small, large] = [sizeOf(bundles[10]["one-function.ts"]), sizeOf(bundles[1000]["one-function.ts"])];
    expect(Math.abs(large - small)).toBeLessThan(1024);
  });

  it("of one imported track function carries no other event, no catalog and no development checks", () => {
    const text = bundles[1000]["one-function.ts"];
    expect(text).toContain('"create_snippet"');
    expect(text).not.toMatch(/other_event_|other_property_/);
    expect(text).not.toContain("Catalog description");
    expect(text).not.toContain("command_line");
  });

  it("grows with the plan when the application imports the catalog", () => {
    const [small, large] = [bundles[10]["with-catalog.ts"], bundles[1000]["with-catalog.ts"]];
    expect(large).toContain("Catalog description of other_event_0999");
    expect(sizeOf(large) - sizeOf(small)).toBeGreaterThan(100 * 1024);
  });

  it("carries the development checks' rules when the application enables checkEvents", () => {
    const [small, large] = [bundles[10]["with-validation.ts"], bundles[1000]["with-validation.ts"]];
    expect(large).toContain("command_line");
    expect(large).toContain("other_property_999");
    expect(large).not.toContain("Catalog description");
    expect(sizeOf(large) - sizeOf(small)).toBeGreaterThan(50 * 1024);
  });
});
