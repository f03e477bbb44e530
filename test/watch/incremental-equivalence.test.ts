import fc from "fast-check";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { generate, type Diagnostic } from "../../src/index";
import { WatchedProject, type ProjectRun } from "../../src/watch/watched-project";

/**
 * `generate --watch` keeps definitions, the model and each event's text between runs and reads
 * only what the watcher names. Whatever the edits, each run must give exactly what a fresh
 * `sit generate` gives for the same files: the same diagnostics, and the same bytes when there is
 * no error. Random sequences of edits (definitions changed, added, moved, removed, broken and
 * fixed; trackers that bring processors in and out of the SDK, processors whose generated names
 * collide; the config and the modules it names) are played against both.
 */

const RUNS = 100;

const workspace = mkdtempSync(join(tmpdir(), "sit-watch-equivalence-"));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

/** Two classes whose generated names collide (`GitlabAudit`): the SDK numbers the second, so which are used shapes every event. */
const TRACKERS = ["Gitlab::Audit", "Gitlab_Audit", "Gitlab::Tracking::AiTracking", "Unconfigured::Tracker"] as const;
const ACTIONS = ["alpha", "beta", "gamma", "delta"] as const;

interface Definition {
  readonly action: string;
  readonly description: string;
  readonly tracker: number | undefined;
  readonly internal: boolean;
}

function definitionText(definition: Definition): string {
  const tracker = definition.tracker === undefined ? "" : `extra_trackers:\n  - tracking_class: ${TRACKERS[definition.tracker]}\n`;
  return `description: ${definition.description}
${definition.internal ? "internal_events: true\n" : "category: legacy\n"}action: ${definition.action}
identifiers:
  - user
additional_properties:
  label:
    description: where
${tracker}product_group: analytics_instrumentation
milestone: '18.0'
introduced_by_url: null
tiers:
  - free
`;
}

function configText(variant: number): string {
  // SIT017: a legacy definition shares its action with an internal event.
  const warnings = ["warnings: { SIT017: error }\n", "warnings: { SIT017: off }\n", ""][variant % 3]!;
  const defaults = variant % 2 === 0 ? "[InternalEvents]" : "[]";
  return `processors:
  InternalEvents: { module: ./src/internal-events, export: InternalEvents }
  Gitlab::Audit: { module: ./src/audit, export: Audit }
  Gitlab_Audit: { module: ./src/audit, export: OtherAudit }
  Gitlab::Tracking::AiTracking: { module: ./src/ai-tracking, export: AiTracking }
defaultProcessors: ${defaults}
${warnings}`;
}

type Edit =
  | { readonly kind: "write"; readonly slot: number; readonly definition: Definition; readonly folder: number }
  | { readonly kind: "remove"; readonly slot: number }
  | { readonly kind: "move"; readonly slot: number; readonly folder: number }
  | { readonly kind: "break"; readonly slot: number }
  | { readonly kind: "touch"; readonly slot: number }
  | { readonly kind: "config"; readonly variant: number }
  | { readonly kind: "module"; readonly present: boolean };

const definitionArbitrary: fc.Arbitrary<Definition> = fc.record({
  action: fc.constantFrom(...ACTIONS),
  description: fc.constantFrom("A thing happened", "Another thing", "It: happened", "'quoted' text"),
  tracker: fc.option(fc.integer({ min: 0, max: TRACKERS.length - 1 }), { nil: undefined }),
  internal: fc.boolean(),
});

const slot = fc.integer({ min: 0, max: 3 });
const editArbitrary: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant("write" as const), slot, definition: definitionArbitrary, folder: fc.integer({ min: 0, max: 2 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("remove" as const), slot }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("move" as const), slot, folder: fc.integer({ min: 0, max: 2 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("break" as const), slot }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("touch" as const), slot }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("config" as const), variant: fc.integer({ min: 0, max: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("module" as const), present: fc.boolean() }) },
);

/** Folder 0 is the definitions folder itself; the others are created on first use (which only a new listing finds). */
const FOLDERS = ["", "team", "team/nested"];

/** A project on disk and where each slot's file is. */
class Scenario {
  readonly root: string;
  private readonly files = new Map<number, string>();

  constructor(index: number) {
    this.root = join(workspace, String(index));
    mkdirSync(join(this.root, "definitions"), { recursive: true });
    mkdirSync(join(this.root, "src"), { recursive: true });
    writeFileSync(join(this.root, "sit.config.yaml"), configText(0));
    writeFileSync(join(this.root, "src/internal-events.ts"), "export const InternalEvents = { trackEvent(): void {} };\n");
    writeFileSync(join(this.root, "src/audit.ts"), "export const Audit = { trackEvent(): void {} };\nexport const OtherAudit = Audit;\n");
    writeFileSync(join(this.root, "src/ai-tracking.ts"), "export const AiTracking = { trackEvent(): void {} };\n");
  }

  /** Applies an edit; returns what the watcher would report: the definition files it names, or a listing. */
  apply(edit: Edit): { paths: Set<string>; relist: boolean } {
    const paths = new Set<string>();
    let relist = false;
    const current = "slot" in edit ? this.files.get(edit.slot) : undefined;
    switch (edit.kind) {
      case "write": {
        const path = current ?? this.place(edit.slot, edit.folder);
        relist = !this.folderExists(path);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, definitionText(edit.definition));
        this.files.set(edit.slot, path);
        paths.add(path);
        break;
      }
      case "remove":
        if (current === undefined) break;
        rmSync(current);
        this.files.delete(edit.slot);
        paths.add(current);
        break;
      case "move": {
        if (current === undefined) break;
        const target = this.place(edit.slot + 10, edit.folder);
        relist = !this.folderExists(target);
        mkdirSync(dirname(target), { recursive: true });
        renameSync(current, target);
        this.files.set(edit.slot, target);
        paths.add(current).add(target);
        break;
      }
      case "break":
        if (current === undefined) break;
        writeFileSync(current, `${readFileSync(current, "utf8")}tiers: [\n`);
        paths.add(current);
        break;
      case "touch":
        if (current === undefined) break;
        writeFileSync(current, readFileSync(current));
        utimesSync(current, new Date(), new Date(Date.now() + 5000));
        paths.add(current);
        break;
      case "config":
        writeFileSync(join(this.root, "sit.config.yaml"), configText(edit.variant));
        break;
      case "module":
        if (edit.present) writeFileSync(join(this.root, "src/ai-tracking.ts"), "export const AiTracking = { trackEvent(): void {} };\n");
        else rmSync(join(this.root, "src/ai-tracking.ts"), { force: true });
        break;
    }
    return { paths, relist };
  }

  private place(slot: number, folder: number): string {
    return join(this.root, "definitions", FOLDERS[folder]!, `file_${slot}.yml`);
  }

  private folderExists(path: string): boolean {
    return existsSync(dirname(path));
  }
}

/** What a run amounts to, in the terms `generate()` reports. */
function outcome(run: ProjectRun, previous: Outcome | undefined): Outcome {
  if (run.kind === "unchanged") {
    if (previous === undefined) throw new Error("the first run cannot be unchanged");
    return previous;
  }
  const files = run.kind === "generated" ? Object.fromEntries(run.files.map((file) => [file.path, file.content])) : {};
  return { files, diagnostics: run.diagnostics };
}

interface Outcome {
  readonly files: Readonly<Record<string, string>>;
  readonly diagnostics: readonly Diagnostic[];
}

describe("generate --watch, run by run", () => {
  it("gives what a fresh generate gives, whatever the sequence of edits", () => {
    let index = 0;
    fc.assert(
      fc.property(fc.array(editArbitrary, { minLength: 1, maxLength: 10 }), (edits) => {
        const scenario = new Scenario(index++);
        try {
          const project = new WatchedProject(scenario.root, undefined);
          project.readConfig();
          let last = outcome(project.regenerate({ paths: new Set(), relist: false }), undefined);
          for (const edit of edits) {
            const seen = scenario.apply(edit);
            project.readConfig();
            last = outcome(project.regenerate(seen), last);
            const expected = generate({ cwd: scenario.root });
            expect(last.diagnostics).toEqual(expected.diagnostics);
            expect(last.files).toEqual(Object.fromEntries(expected.files.map((file) => [file.path, file.content])));
          }
        } finally {
          rmSync(scenario.root, { recursive: true, force: true });
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("parses a touched file again only when its bytes changed, and reports nothing for it", () => {
    const scenario = new Scenario(1000);
    const project = new WatchedProject(scenario.root, undefined);
    const write = scenario.apply({ kind: "write", slot: 0, definition: { action: "alpha", description: "A", tracker: undefined, internal: true }, folder: 0 });
    project.readConfig();
    expect(project.regenerate(write).kind).toBe("generated");
    const touch = scenario.apply({ kind: "touch", slot: 0 });
    project.readConfig();
    expect(project.regenerate(touch)).toEqual({ kind: "unchanged" });
    project.readConfig();
    expect(project.regenerate({ paths: new Set(), relist: true })).toEqual({ kind: "unchanged" });
    const edit = scenario.apply({ kind: "write", slot: 0, definition: { action: "alpha", description: "B", tracker: undefined, internal: true }, folder: 0 });
    project.readConfig();
    const run = project.regenerate(edit);
    expect(run.kind === "generated" && run.changedFiles).toEqual(["definitions/file_0.yml"]);
  });
});
