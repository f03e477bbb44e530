import { makeProject, runCli } from "../helpers/project";
import { applyChanges, commitChanges, git, gitProject } from "./git-project";

const CONFIG = `definitions: definitions
output: generated
processors:
  InternalEvents: { module: ./src/tracking, export: InternalEvents }
  Acme::Ai: { module: ./src/tracking, export: Ai }
  Acme::Audit: { module: ./src/tracking, export: Audit }
defaultProcessors: [InternalEvents]
`;

const TRACKING = `const ignore = { trackEvent(): void {} };
export const InternalEvents = ignore;
export const Ai = ignore;
export const Audit = ignore;
`;

const CREATE_SNIPPET = `description: A snippet is created
internal_events: true
action: create_snippet
identifiers:
  - project
  - user
additional_properties:
  label:
    description: Visibility
    enum: [public, private]
  value:
    description: Number of files
  language:
    description: Main language
  lines:
    description: Number of lines
    type: number
  source:
    description: Where it was created
    type: string
extra_trackers:
  - tracking_class: Acme::Ai
    protected_properties:
      model_name:
        description: The model used
  - tracking_class: Acme::Audit
product_group: source_code
product_categories: [snippets]
milestone: '18.0'
introduced_by_url: https://gitlab.com/acme/app/-/merge_requests/1
tiers: [free, premium]
`;

const simpleEvent = (action: string, extra = ""): string => `description: ${action.replace(/_/g, " ")} happens
internal_events: true
action: ${action}
identifiers:
  - user
product_group: source_code
milestone: '18.0'
introduced_by_url: https://gitlab.com/acme/app/-/merge_requests/2
tiers: [free]
${extra}`;

const REMOVED = "status: removed\nmilestone_removed: '18.2'\nremoved_by_url: https://gitlab.com/acme/app/-/merge_requests/3\n";

const LEGACY = `description: A button is clicked
category: projects:new
action: click_button
product_group: environments
milestone: '14.8'
introduced_by_url: https://gitlab.com/acme/app/-/merge_requests/4
tiers: [free]
`;

const BASE_FILES = {
  "sit.config.yaml": CONFIG,
  "src/tracking.ts": TRACKING,
  "definitions/create_snippet.yml": CREATE_SNIPPET,
  "definitions/view_snippet.yml": simpleEvent("view_snippet"),
  "definitions/open_gallery.yml": simpleEvent("open_gallery", REMOVED),
  "definitions/legacy/1643968255_projectsnew_click_button.yml": LEGACY,
};

/** `text` with `from` replaced; throws when `from` is not there, so a case can never test nothing. */
function edit(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`test setup: ${JSON.stringify(from)} not found`);
  return text.replace(from, to);
}

interface JsonChange {
  kind: string;
  breaking: boolean;
  event: string | null;
  function: string | null;
  subject: string | null;
  before: unknown;
  after: unknown;
  file: string | null;
  baseFile: string | null;
  renameCandidate: string | null;
  message: string;
}

/** The base files committed, then `changes` committed on top; `sit diff HEAD~1 --json` against it. */
function diffAfter(changes: Readonly<Record<string, string | null>>, args: readonly string[] = [], base: Readonly<Record<string, string>> = BASE_FILES) {
  const root = gitProject(base);
  commitChanges(root, changes);
  const result = runCli(["diff", "HEAD~1", "--json", ...args], root);
  const document = JSON.parse(result.stdout) as {
    changes: JsonChange[] | null;
    summary: unknown;
    base: { ref: string; commit: string };
    diagnostics: unknown[];
  };
  return { root, result, document, changes: document.changes ?? [] };
}

const brief = (changes: readonly JsonChange[]) => changes.map(({ kind, breaking, event, subject }) => [kind, breaking, event, subject]);

describe("sit diff <ref>: each kind of change, its classification and the exit code", () => {
  it.each<[string, Record<string, string | null>, (string | boolean | null)[][], number]>([
    ["an event added", { "definitions/star_snippet.yml": simpleEvent("star_snippet") }, [["event-added", false, "star_snippet", null]], 0],
    ["an event deleted", { "definitions/view_snippet.yml": null }, [["event-removed", true, "view_snippet", null]], 1],
    ["an event already marked removed, deleted", { "definitions/open_gallery.yml": null }, [["event-removed", true, "open_gallery", null]], 1],
    [
      "an event marked removed",
      { "definitions/view_snippet.yml": simpleEvent("view_snippet", REMOVED) },
      [["event-marked-removed", false, "view_snippet", null]],
      0,
    ],
    ["a removed event restored", { "definitions/open_gallery.yml": simpleEvent("open_gallery") }, [["event-restored", false, "open_gallery", null]], 0],
    [
      "a definition file moved",
      { "definitions/view_snippet.yml": null, "definitions/snippets/view_snippet.yml": simpleEvent("view_snippet") },
      [["file-renamed", false, "view_snippet", null]],
      0,
    ],
    [
      "an identifier added",
      { "definitions/view_snippet.yml": edit(simpleEvent("view_snippet"), "  - user\n", "  - user\n  - namespace\n") },
      [["identifier-added", true, "view_snippet", "namespace"]],
      1,
    ],
    [
      "an identifier removed",
      { "definitions/create_snippet.yml": edit(CREATE_SNIPPET, "  - project\n", "") },
      [["identifier-removed", true, "create_snippet", "project"]],
      1,
    ],
    [
      "an optional property added",
      { "definitions/view_snippet.yml": simpleEvent("view_snippet", "additional_properties:\n  label:\n    description: Where\n") },
      [["property-added", false, "view_snippet", "label"]],
      0,
    ],
    [
      "a required property added",
      { "definitions/view_snippet.yml": simpleEvent("view_snippet", "additional_properties:\n  label:\n    description: Where\n    required: true\n") },
      [["property-added", true, "view_snippet", "label"]],
      1,
    ],
    [
      "a property removed",
      { "definitions/create_snippet.yml": edit(CREATE_SNIPPET, "  language:\n    description: Main language\n", "") },
      [["property-removed", true, "create_snippet", "language"]],
      1,
    ],
    [
      "a property moved into a tracker's protected properties",
      {
        "definitions/create_snippet.yml": edit(
          edit(CREATE_SNIPPET, "  language:\n    description: Main language\n", ""),
          "      model_name:\n",
          "      language:\n        description: Main language\n      model_name:\n",
        ),
      },
      [["property-moved", true, "create_snippet", "language"]],
      1,
    ],
    [
      "a protected property made available to every processor",
      {
        "definitions/create_snippet.yml": edit(
          edit(CREATE_SNIPPET, "    protected_properties:\n      model_name:\n        description: The model used\n", ""),
          "  lines:\n",
          "  model_name:\n    description: The model used\n  lines:\n",
        ),
      },
      [["property-moved", false, "create_snippet", "model_name"]],
      0,
    ],
    [
      "number narrowed to integer",
      { "definitions/create_snippet.yml": edit(CREATE_SNIPPET, "    type: number", "    type: integer") },
      [["property-type-narrowed", true, "create_snippet", "lines"]],
      1,
    ],
    [
      "an untyped custom property (string | number) narrowed to string",
      { "definitions/create_snippet.yml": edit(CREATE_SNIPPET, "    description: Main language\n", "    description: Main language\n    type: string\n") },
      [["property-type-narrowed", true, "create_snippet", "language"]],
      1,
    ],
    [
      "an enum added to a string",
      { "definitions/create_snippet.yml": edit(CREATE_SNIPPET, "    type: string\n", "    type: string\n    enum: [web, api]\n") },
      [["property-type-narrowed", true, "create_snippet", "source"]],
      1,
    ],
    [
      "an enum value removed",
      { "definitions/create_snippet.yml": edit(CREATE_SNIPPET, "enum: [public, private]", "enum: [public]") },
      [["property-type-narrowed", true, "create_snippet", "label"]],
      1,
    ],
    [
      "an enum value added",
      { "definitions/create_snippet.yml": edit(CREATE_SNIPPET, "enum: [public, private]", "enum: [public, private, internal]") },
      [["property-type-widened", false, "create_snippet", "label"]],
      0,
    ],
    [
      "GitLab's number (value) narrowed to integer",
      {
        "definitions/create_snippet.yml": edit(
          CREATE_SNIPPET,
          "  value:\n    description: Number of files\n",
          "  value:\n    description: Number of files\n    type: integer\n",
        ),
      },
      [["property-type-narrowed", true, "create_snippet", "value"]],
      1,
    ],
    [
      "string widened to an untyped custom property (string | number)",
      {
        "definitions/create_snippet.yml": edit(
          CREATE_SNIPPET,
          "    description: Where it was created\n    type: string\n",
          "    description: Where it was created\n",
        ),
      },
      [["property-type-widened", false, "create_snippet", "source"]],
      0,
    ],

    [
      "string changed to boolean",
      { "definitions/create_snippet.yml": edit(CREATE_SNIPPET, "    type: string\n", "    type: boolean\n") },
      [["property-type-changed", true, "create_snippet", "source"]],
      1,
    ],
    [
      "a property newly required",
      { "definitions/create_snippet.yml": edit(CREATE_SNIPPET, "    type: string\n", "    type: string\n    required: true\n") },
      [["property-now-required", true, "create_snippet", "source"]],
      1,
    ],
    [
      "a tracker removed (its protected property goes with it)",
      {
        "definitions/create_snippet.yml": edit(
          CREATE_SNIPPET,
          "  - tracking_class: Acme::Ai\n    protected_properties:\n      model_name:\n        description: The model used\n",
          "",
        ),
      },
      [
        ["property-removed", true, "create_snippet", "model_name"],
        ["tracker-removed", true, "create_snippet", "Acme::Ai"],
      ],
      1,
    ],
    [
      "a tracker added",
      { "definitions/view_snippet.yml": simpleEvent("view_snippet", "extra_trackers:\n  - tracking_class: Acme::Audit\n") },
      [["tracker-added", false, "view_snippet", "Acme::Audit"]],
      0,
    ],
    [
      "trackers reordered",
      {
        "definitions/create_snippet.yml": edit(
          edit(CREATE_SNIPPET, "  - tracking_class: Acme::Audit\n", ""),
          "extra_trackers:\n",
          "extra_trackers:\n  - tracking_class: Acme::Audit\n",
        ),
      },
      [["trackers-reordered", false, "create_snippet", null]],
      0,
    ],
    [
      "descriptions and metadata",
      {
        "definitions/create_snippet.yml": edit(
          edit(edit(CREATE_SNIPPET, "A snippet is created", "A user creates a snippet"), "tiers: [free, premium]", "tiers: [premium]"),
          "    description: Number of lines\n",
          "    description: Lines in the snippet\n",
        ),
      },
      [
        ["property-description-changed", false, "create_snippet", "lines"],
        ["metadata-changed", false, "create_snippet", "description"],
        ["metadata-changed", false, "create_snippet", "tiers"],
      ],
      0,
    ],
    [
      "legacy definitions changed, added and deleted",
      {
        "definitions/legacy/1643968255_projectsnew_click_button.yml": edit(LEGACY, "milestone: '14.8'", "milestone: '14.9'"),
        "definitions/legacy/1643968256_projectsnew_open_modal.yml": edit(LEGACY, "click_button", "open_modal"),
      },
      [
        ["legacy-changed", false, "click_button", "milestone"],
        ["legacy-added", false, "open_modal", null],
      ],
      0,
    ],
    [
      "an internal event turned into a legacy definition",
      { "definitions/view_snippet.yml": edit(simpleEvent("view_snippet"), "internal_events: true\n", "") },
      [
        ["event-removed", true, "view_snippet", null],
        ["legacy-added", false, "view_snippet", null],
      ],
      1,
    ],
    [
      "a default processor removed from the config",
      { "sit.config.yaml": edit(CONFIG, "defaultProcessors: [InternalEvents]", "defaultProcessors: []") },
      [["default-processor-removed", true, null, "InternalEvents"]],
      1,
    ],
    [
      "a default processor added to the config",
      { "sit.config.yaml": edit(CONFIG, "defaultProcessors: [InternalEvents]", "defaultProcessors: [InternalEvents, Acme::Audit]") },
      [["default-processor-added", false, null, "Acme::Audit"]],
      0,
    ],
  ])("%s", (_, changes, expected, exitCode) => {
    const { result, changes: reported } = diffAfter(changes);
    expect(brief(reported)).toEqual(expected);
    expect(result.code).toBe(exitCode);
  });

  it("nothing changed: no changes, exit 0", () => {
    const { result, document } = diffAfter({ "README.md": "unrelated\n" });
    expect(document.changes).toEqual([]);
    expect(document.summary).toEqual({ breaking: 0, other: 0, events: 0 });
    expect(result.code).toBe(0);
  });

  it("a renamed action is an event removed and one added, each hinting at the other", () => {
    const { result, changes } = diffAfter({
      "definitions/view_snippet.yml": null,
      "definitions/display_snippet.yml": simpleEvent("display_snippet").replace("display snippet happens", "view snippet happens"),
    });
    expect(brief(changes)).toEqual([
      ["event-added", false, "display_snippet", null],
      ["event-removed", true, "view_snippet", null],
    ]);
    expect(changes.map((change) => change.renameCandidate)).toEqual(["view_snippet", "display_snippet"]);
    expect(changes[1]?.message).toBe('event deleted: trackViewSnippet() is gone (renamed to "display_snippet"? The definitions are otherwise identical)');
    expect(result.code).toBe(1);
  });

  it("an event deleted together with an unrelated one added gets no rename hint", () => {
    const { changes } = diffAfter({ "definitions/view_snippet.yml": null, "definitions/star_snippet.yml": simpleEvent("star_snippet") });
    expect(changes.map((change) => change.renameCandidate)).toEqual([null, null]);
  });

  it("says what changed with before and after values and both files", () => {
    const { changes } = diffAfter({
      "definitions/create_snippet.yml": edit(CREATE_SNIPPET, "    type: number", "    type: integer"),
      "definitions/view_snippet.yml": null,
    });
    expect(changes).toEqual([
      {
        kind: "property-type-narrowed",
        breaking: true,
        event: "create_snippet",
        function: "trackCreateSnippet",
        subject: "lines",
        before: "number",
        after: "integer",
        file: "definitions/create_snippet.yml",
        baseFile: "definitions/create_snippet.yml",
        renameCandidate: null,
        message: 'property "lines" narrowed from number to integer',
      },
      {
        kind: "event-removed",
        breaking: true,
        event: "view_snippet",
        function: "trackViewSnippet",
        subject: null,
        before: "active",
        after: null,
        file: null,
        baseFile: "definitions/view_snippet.yml",
        renameCandidate: null,
        message: "event deleted: trackViewSnippet() is gone",
      },
    ]);
  });

  it("a property no longer required", () => {
    const required = simpleEvent("view_snippet", "additional_properties:\n  label:\n    description: Where\n    required: true\n");
    const root = gitProject({ ...BASE_FILES, "definitions/view_snippet.yml": required });
    commitChanges(root, { "definitions/view_snippet.yml": edit(required, "    required: true\n", "") });
    const result = runCli(["diff", "HEAD~1", "--json"], root);
    expect(brief((JSON.parse(result.stdout) as { changes: JsonChange[] }).changes)).toEqual([["property-now-optional", false, "view_snippet", "label"]]);
    expect(result.code).toBe(0);
  });

  it("--allow-breaking reports breaking changes and exits 0", () => {
    const { result, changes } = diffAfter({ "definitions/view_snippet.yml": null }, ["--allow-breaking"]);
    expect(brief(changes)).toEqual([["event-removed", true, "view_snippet", null]]);
    expect(result.code).toBe(0);
  });
});

describe("sit diff: the two sides", () => {
  it("compares with the working tree as it is on disk, untracked and uncommitted files included", () => {
    const root = gitProject(BASE_FILES);
    applyChanges(root, { "definitions/new/star_snippet.yml": simpleEvent("star_snippet"), "definitions/view_snippet.yml": null });
    const result = runCli(["diff", "HEAD", "--json"], root);
    expect(brief((JSON.parse(result.stdout) as { changes: JsonChange[] }).changes)).toEqual([
      ["event-added", false, "star_snippet", null],
      ["event-removed", true, "view_snippet", null],
    ]);
    expect(result.code).toBe(1);
  });

  it("<ref>... compares with where the branch forked from <ref>, ignoring what <ref> gained since", () => {
    const root = gitProject(BASE_FILES);
    git(root, "checkout", "--quiet", "-b", "feature");
    commitChanges(root, { "definitions/view_snippet.yml": null });
    git(root, "checkout", "--quiet", "main");
    commitChanges(root, { "definitions/star_snippet.yml": simpleEvent("star_snippet") });
    git(root, "checkout", "--quiet", "feature");
    const changesAgainst = (ref: string) => brief((JSON.parse(runCli(["diff", ref, "--json"], root).stdout) as { changes: JsonChange[] }).changes);
    expect(changesAgainst("main")).toEqual([
      ["event-removed", true, "star_snippet", null],
      ["event-removed", true, "view_snippet", null],
    ]);
    expect(changesAgainst("main...")).toEqual([["event-removed", true, "view_snippet", null]]);
    expect(changesAgainst("main...HEAD")).toEqual([["event-removed", true, "view_snippet", null]]);
    expect(runCli(["diff", "nope..."], root).code).toBe(2);
  });

  it("reads the old side with the config found at that revision (another definitions folder)", () => {
    const root = gitProject({
      ...BASE_FILES,
      "sit.config.yaml": edit(CONFIG, "definitions: definitions", "definitions: events"),
      "events/old_event.yml": simpleEvent("old_event"),
    });
    commitChanges(root, { "sit.config.yaml": CONFIG });
    const result = runCli(["diff", "HEAD~1", "--json"], root);
    // Base: events/ (old_event only); working tree: definitions/ with its events.
    const changes = (JSON.parse(result.stdout) as { changes: JsonChange[] }).changes;
    expect(changes.filter((change) => change.kind === "event-removed").map((change) => [change.event, change.baseFile])).toEqual([
      ["old_event", "events/old_event.yml"],
    ]);
    expect(changes.filter((change) => change.kind === "event-added").map((change) => change.event)).toEqual(["create_snippet", "open_gallery", "view_snippet"]);
  });

  it("uses the current config when the revision has none, and finds no definitions where the folder did not exist", () => {
    const root = gitProject({ "README.md": "before sit\n" });
    applyChanges(root, { ...BASE_FILES });
    const result = runCli(["diff", "HEAD", "--json"], root);
    const changes = (JSON.parse(result.stdout) as { changes: JsonChange[] }).changes;
    expect(brief(changes)).toEqual([
      ["legacy-added", false, "click_button", null],
      ["event-added", false, "create_snippet", null],
      ["event-added", false, "open_gallery", null],
      ["event-added", false, "view_snippet", null],
    ]);
    expect(result.code).toBe(0);
  });

  it("works from a project in a subfolder of the repository, with --config", () => {
    const files = Object.fromEntries(Object.entries(BASE_FILES).map(([path, content]) => [`apps/web/${path}`, content]));
    const root = gitProject(files);
    commitChanges(root, { "apps/web/definitions/view_snippet.yml": null });
    const result = runCli(["diff", "HEAD~1", "--json", "--config", "apps/web/sit.config.yaml"], root);
    const changes = (JSON.parse(result.stdout) as { changes: JsonChange[] }).changes;
    expect(changes.map((change) => [change.kind, change.baseFile])).toEqual([["event-removed", "definitions/view_snippet.yml"]]);
    expect(result.code).toBe(1);
  });

  it("reports invalid definitions of the base revision at <ref>:path:line:column and exits 1", () => {
    const root = gitProject({ ...BASE_FILES, "definitions/view_snippet.yml": edit(simpleEvent("view_snippet"), "tiers: [free]", "tiers: [gold]") });
    commitChanges(root, { "definitions/view_snippet.yml": simpleEvent("view_snippet") });
    const result = runCli(["diff", "HEAD~1"], root);
    expect(result.stderr).toMatch(/^HEAD~1:definitions\/view_snippet\.yml:9:9: error SIT013: `tiers\[0\]` is "gold"/m);
    expect(result.stderr).toMatch(/nothing compared/);
    expect(result.stdout).toBe("");
    expect(result.code).toBe(1);
  });

  it("reports invalid definitions of the working tree and exits 1, also as JSON", () => {
    const root = gitProject(BASE_FILES);
    applyChanges(root, { "definitions/view_snippet.yml": "action: [unclosed\n" });
    const text = runCli(["diff", "HEAD"], root);
    expect(text.stderr).toMatch(/^definitions\/view_snippet\.yml:1:9: error SIT001: YAML syntax error/m);
    expect(text.code).toBe(1);
    const json = runCli(["diff", "HEAD", "--format", "json"], root);
    const document = JSON.parse(json.stdout) as { changes: unknown; diagnostics: { file: string; code: string }[] };
    expect(document.changes).toBeNull();
    expect(document.diagnostics.map((diagnostic) => [diagnostic.file, diagnostic.code])).toEqual([["definitions/view_snippet.yml", "SIT001"]]);
    expect(json.code).toBe(1);
  });

  it("two internal events with one action are an error, not a silent pick", () => {
    const root = gitProject(BASE_FILES);
    applyChanges(root, { "definitions/copy/view_snippet.yml": simpleEvent("view_snippet") });
    const result = runCli(["diff", "HEAD"], root);
    expect(result.stderr).toMatch(
      /definitions\/view_snippet\.yml:\d+:\d+: error SIT015: action "view_snippet" is already defined by definitions\/copy\/view_snippet\.yml/,
    );
    expect(result.code).toBe(1);
  });
});

describe("sit diff: usage and environment errors exit 2", () => {
  it("a revision that does not exist", () => {
    const root = gitProject(BASE_FILES);
    const result = runCli(["diff", "no-such-branch"], root);
    expect(result.stderr).toMatch(/^sit diff: unknown revision "no-such-branch": no commit by that name in /);
    expect(result.stderr).toMatch(/hint: name a branch, tag or commit that exists locally/);
    expect(result.stdout).toBe("");
    expect(result.code).toBe(2);
  });

  it("a remote branch that was not fetched gets a fetch hint", () => {
    const root = gitProject(BASE_FILES);
    const result = runCli(["diff", "origin/main"], root);
    expect(result.stderr).toMatch(/hint: fetch it first \(e\.g\. `git fetch origin main`\)/);
    expect(result.code).toBe(2);
  });

  it("a revision that looks like an option", () => {
    const root = gitProject(BASE_FILES);
    const result = runCli(["diff", "--", "--output=/tmp/x"], root);
    expect(result.stderr).toMatch(/"--output=\/tmp\/x" is not a git revision/);
    expect(result.code).toBe(2);
  });

  it("not a git repository", () => {
    const root = makeProject(BASE_FILES);
    const result = runCli(["diff", "HEAD"], root);
    expect(result.stderr).toMatch(/^sit diff: not a git repository: /);
    expect(result.code).toBe(2);
  });

  it("a --config file that does not exist", () => {
    const root = gitProject(BASE_FILES);
    const result = runCli(["diff", "HEAD", "--config", "missing.yaml"], root);
    expect(result.stderr).toMatch(/missing\.yaml: error SIT040: config file not found/);
    expect(result.code).toBe(2);
  });

  it("--help lists what is breaking, with examples and exit codes (exit 0)", () => {
    const result = runCli(["diff", "--help"], process.cwd());
    expect(result.stdout).toMatch(/Usage: sit diff \[options\] <git-ref>/);
    expect(result.stdout).toMatch(/Examples:\n {2}\$ npx sit diff origin\/main\.\.\./);
    expect(result.stdout).toMatch(/Breaking: an event deleted or renamed/);
    expect(result.code).toBe(0);
  });

  it("an unknown format", () => {
    const root = gitProject(BASE_FILES);
    expect(runCli(["diff", "HEAD", "--format", "html"], root).code).toBe(2);
  });
});

describe("sit diff: formats", () => {
  const changes = {
    "definitions/create_snippet.yml": edit(
      edit(CREATE_SNIPPET, "    type: number", "    type: integer"),
      "A snippet is created",
      "A snippet | a gist <b>created</b>",
    ),
    "definitions/view_snippet.yml": null,
    "definitions/star_snippet.yml": simpleEvent("star_snippet"),
  };

  it("text (the default): breaking changes first, each at its file, then a summary", () => {
    const root = gitProject(BASE_FILES);
    commitChanges(root, changes);
    const commit = git(root, "rev-parse", "HEAD~1").trim();
    const result = runCli(["diff", "HEAD~1"], root);
    expect(result.stdout).toBe(
      [
        "Breaking changes (2):",
        '  definitions/create_snippet.yml: create_snippet: property "lines" narrowed from number to integer',
        "  HEAD~1:definitions/view_snippet.yml: view_snippet: event deleted: trackViewSnippet() is gone",
        "",
        "Other changes (2):",
        '  definitions/create_snippet.yml: create_snippet: description changed: "A snippet is created" → "A snippet | a gist <b>created</b>"',
        "  definitions/star_snippet.yml: star_snippet: event added: trackStarSnippet()",
        "",
        `2 breaking changes, 2 other changes in 3 events since HEAD~1 (${commit.slice(0, 12)}).`,
      ].join("\n"),
    );
    expect(result.stderr).toMatch(/failing on breaking changes \(pass --allow-breaking/);
    expect(result.code).toBe(1);
  });

  it("markdown, for a merge-request comment: title, summary line, the breaking table, the others collapsed", () => {
    const root = gitProject(BASE_FILES);
    commitChanges(root, changes);
    const commit = git(root, "rev-parse", "HEAD~1").trim().slice(0, 12);
    const result = runCli(["diff", "HEAD~1", "--format", "markdown"], root);
    expect(result.stdout).toBe(
      [
        "### sit diff: 2 breaking changes",
        "",
        `2 breaking changes, 2 other changes in 3 events since \`HEAD~1\` (\`${commit}\`).`,
        "",
        "#### Breaking changes",
        "",
        "| Event | Change | File |",
        "| --- | --- | --- |",
        "| `create_snippet` | property `lines` narrowed from number to integer | `definitions/create_snippet.yml` |",
        "| `view_snippet` | event deleted: trackViewSnippet() is gone | `HEAD~1:definitions/view_snippet.yml` |",
        "",
        "<details><summary>Other changes (2)</summary>",
        "",
        "| Event | Change | File |",
        "| --- | --- | --- |",
        '| `create_snippet` | description changed: "A snippet is created" → "A snippet \\| a gist &lt;b&gt;created&lt;/b&gt;" | `definitions/create_snippet.yml` |',
        "| `star_snippet` | event added: trackStarSnippet() | `definitions/star_snippet.yml` |",
        "",
        "</details>",
        "",
      ].join("\n"),
    );
    expect(result.code).toBe(1);
  });

  it("markdown with nothing changed says so", () => {
    const root = gitProject(BASE_FILES);
    const result = runCli(["diff", "HEAD", "--format", "markdown"], root);
    expect(result.stdout).toMatch(/^### sit diff: no breaking changes\n\nNo changes to the event definitions since `HEAD` \(`[0-9a-f]{12}`\)\.\n$/);
    expect(result.code).toBe(0);
  });

  it("json: a stable document with the base commit, a summary and every change", () => {
    const root = gitProject(BASE_FILES);
    commitChanges(root, changes);
    const result = runCli(["diff", "HEAD~1", "--format", "json"], root);
    const document = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(document)).toEqual(["schemaVersion", "base", "summary", "changes", "diagnostics"]);
    expect(document["schemaVersion"]).toBe(1);
    expect(document["base"]).toEqual({ ref: "HEAD~1", commit: git(root, "rev-parse", "HEAD~1").trim() });
    expect(document["summary"]).toEqual({ breaking: 2, other: 2, events: 3 });
    expect(runCli(["diff", "HEAD~1", "--json"], root).stdout).toBe(result.stdout);
  });

  it("the same repository gives byte-identical output every time", () => {
    const root = gitProject(BASE_FILES);
    commitChanges(root, changes);
    const first = runCli(["diff", "HEAD~1", "--format", "markdown"], root).stdout;
    expect(runCli(["diff", "HEAD~1", "--format", "markdown"], root).stdout).toBe(first);
  });
});

describe("sit diff: what comes from files and arguments is printed escaped (issue 17, item 7)", () => {
  // A file name that would print a red line of its own, claiming there is nothing to worry about.
  const EVIL = "definitions/gone\u001b[31m\nNo changes to the event definitions \u202Elanif\u202C.yml";
  const SHOWN = "definitions/gone\\u001b[31m\\nNo changes to the event definitions \\u202elanif\\u202c.yml";
  const evilProject = (): string => {
    const root = gitProject({ ...BASE_FILES, [EVIL]: simpleEvent("gone_event") });
    commitChanges(root, { [EVIL]: null, [EVIL.replace("gone", "new")]: simpleEvent("new_event") });
    return root;
  };

  it("text: a committed file name holding an escape sequence, a newline and a bidi override stays on its line, escaped", () => {
    const result = runCli(["diff", "HEAD~1"], evilProject());
    expect(result.stdout).not.toMatch(/[\u001b\u202c\u202e]/);
    expect(result.stdout.split("\n").filter((line) => line.startsWith("  "))).toEqual([
      `  HEAD~1:${SHOWN}: gone_event: event deleted: trackGoneEvent() is gone`,
      `  ${SHOWN.replace("gone", "new")}: new_event: event added: trackNewEvent()`,
    ]);
    expect(result.stdout.split("\n")).not.toContain("No changes to the event definitions \\u202elanif\\u202c.yml: gone_event: event deleted: trackGoneEvent() is gone");
  });

  it("markdown: the same name in its code span, escaped, the table row whole", () => {
    const result = runCli(["diff", "HEAD~1", "--format", "markdown"], evilProject());
    expect(result.stdout).not.toMatch(/[\u001b\u202c\u202e]/);
    expect(result.stdout).toContain(`| \`gone_event\` | event deleted: trackGoneEvent() is gone | \`HEAD~1:${SHOWN}\` |\n`);
  });

  it("json: the data as it is (JSON escapes what it must)", () => {
    const document = JSON.parse(runCli(["diff", "HEAD~1", "--json"], evilProject()).stdout) as { changes: JsonChange[] };
    expect(document.changes.map((change) => change.baseFile ?? change.file)).toEqual([EVIL, EVIL.replace("gone", "new")]);
  });

  it("the ref, in the unknown-revision message, stays on one line, escaped", () => {
    const result = runCli(["diff", "no\u001b[2J\nsit diff: \u202Eforged"], gitProject(BASE_FILES));
    expect(result.stderr).not.toMatch(/[\u001b\u202e]/);
    expect(result.stderr.split("\n")[0]).toMatch(/^sit diff: unknown revision "no\\u001b\[2J\\nsit diff: \\u202eforged": no commit by that name in /);
    expect(result.code).toBe(2);
  });

  it("the fetch hint quotes the ref, so pasting it runs nothing else", () => {
    const result = runCli(["diff", "origin/$(touch pwned)'x"], gitProject(BASE_FILES));
    expect(result.stderr).toContain("hint: fetch it first (e.g. `git fetch origin '$(touch pwned)'\\''x'`)");
    expect(result.code).toBe(2);
  });
});

describe("sit diff and a team's own plan (issue 19)", () => {
  const SHOP_CONFIG = `definitions: definitions
output: generated
processors:
  Shop::Collector: { module: ./src/processors, export: Collector }
defaultProcessors: [Shop::Collector]
identifiers:
  account: { type: string }
  user: { type: "{ readonly id: string }", fromContext: true }
  store: { type: Store, module: ./src/models }
rules:
  eventNames: any
  propertyNames: any
  tiers: [starter, pro]
  required: [description, action]
`;

  const ORDER_COMPLETED = `description: An order is paid
internal_events: true
action: Order Completed
identifiers: [account, user, store]
additional_properties:
  products:
    description: what was bought
    type: array
    items:
      type: object
      properties:
        sku: { description: stock keeping unit, type: string, required: true }
        price: { description: unit price, type: number, minimum: 0 }
        currency: { description: ISO code, type: string, enum: [EUR, USD] }
  quantity: { description: units bought, type: integer, minimum: 1, maximum: 99, required: true }
  coupon: { description: coupon code, type: string, pattern: "^[A-Z0-9]+$", maxLength: 12 }
  note: { description: a free note, type: string }
  tags: { description: labels, type: array, items: { type: string, minLength: 1 } }
  scores: { description: ratings, type: array, items: { type: number } }
  referrer: { description: where the buyer came from, type: [string, "null"] }
  dimensions:
    description: of the parcel
    type: object
    properties:
      width: { description: in centimetres, type: integer, required: true }
      Gift Wrap: { description: wrapped as a gift, type: boolean }
tiers: [pro]
`;

  const PRODUCT_VIEWED = `description: A product page is shown
internal_events: true
action: Product Viewed
function_name: trackProductPage
identifiers: [user]
`;

  const SHOP_FILES = {
    "sit.config.yaml": SHOP_CONFIG,
    "src/processors.ts": "export const Collector = { trackEvent(): void {} };\n",
    "src/models.ts": "export interface Store { readonly id: string }\nexport interface Shop { readonly id: string }\n",
    "definitions/order_completed.yml": ORDER_COMPLETED,
    "definitions/product_viewed.yml": PRODUCT_VIEWED,
  };

  const order = (from: string, to: string) => ({ "definitions/order_completed.yml": edit(ORDER_COMPLETED, from, to) });
  const config = (from: string, to: string) => ({ "sit.config.yaml": edit(SHOP_CONFIG, from, to) });
  const ORDER = "Order Completed";

  it("the plan itself compares without a problem: nothing changed, exit 0", () => {
    const { result, document } = diffAfter({ "README.md": "unrelated\n" }, [], SHOP_FILES);
    expect(document.diagnostics).toEqual([]);
    expect(document.changes).toEqual([]);
    expect(result.code).toBe(0);
  });

  it.each<[string, Record<string, string | null>, (string | boolean | null)[][], number]>([
    [
      "a required key added to the objects of an array",
      order("        currency:", "        discount: { description: money off, type: number, required: true }\n        currency:"),
      [["property-added", true, ORDER, "products[].discount"]],
      1,
    ],
    [
      "an optional key added to the objects of an array",
      order("        currency:", "        discount: { description: money off, type: number }\n        currency:"),
      [["property-added", false, ORDER, "products[].discount"]],
      0,
    ],
    ["a key removed from the objects of an array", order("        price: { description: unit price, type: number, minimum: 0 }\n", ""), [["property-removed", true, ORDER, "products[].price"]], 1],
    [
      "a key of an object whose name is no identifier, removed: its path quotes it",
      order("      Gift Wrap: { description: wrapped as a gift, type: boolean }\n", ""),
      [["property-removed", true, ORDER, 'dimensions["Gift Wrap"]']],
      1,
    ],
    ["a nested key's type narrowed (number to integer)", order("unit price, type: number,", "unit price, type: integer,"), [["property-type-narrowed", true, ORDER, "products[].price"]], 1],
    ["an items type narrowed (number to integer)", order("items: { type: number }", "items: { type: integer }"), [["property-type-narrowed", true, ORDER, "scores[]"]], 1],
    ["an items type widened (null allowed)", order("items: { type: number }", 'items: { type: [number, "null"] }'), [["property-type-widened", false, ORDER, "scores[]"]], 0],
    ["a nested enum narrowed", order("enum: [EUR, USD]", "enum: [EUR]"), [["property-type-narrowed", true, ORDER, "products[].currency"]], 1],
    ["a nested enum widened", order("enum: [EUR, USD]", "enum: [EUR, USD, GBP]"), [["property-type-widened", false, ORDER, "products[].currency"]], 0],
    ["a nested key newly required", order("unit price, type: number, minimum: 0 }", "unit price, type: number, minimum: 0, required: true }"), [["property-now-required", true, ORDER, "products[].price"]], 1],
    ["a nested key no longer required", order("in centimetres, type: integer, required: true }", "in centimetres, type: integer }"), [["property-now-optional", false, ORDER, "dimensions.width"]], 0],
    ["a nested key's description", order("stock keeping unit", "the article number"), [["property-description-changed", false, ORDER, "products[].sku"]], 0],
    ["a minimum raised", order("minimum: 1, maximum: 99", "minimum: 2, maximum: 99"), [["property-type-narrowed", true, ORDER, "quantity"]], 1],
    ["a minimum lowered", order("minimum: 1, maximum: 99", "minimum: 0, maximum: 99"), [["property-type-widened", false, ORDER, "quantity"]], 0],
    ["a maximum lowered", order("minimum: 1, maximum: 99", "minimum: 1, maximum: 50"), [["property-type-narrowed", true, ORDER, "quantity"]], 1],
    ["a maximum raised", order("minimum: 1, maximum: 99", "minimum: 1, maximum: 100"), [["property-type-widened", false, ORDER, "quantity"]], 0],
    ["a minimum added to a nested number", order("unit price, type: number, minimum: 0 }", "unit price, type: number, minimum: 1 }"), [["property-type-narrowed", true, ORDER, "products[].price"]], 1],
    ["a minLength raised on an array's items", order("items: { type: string, minLength: 1 }", "items: { type: string, minLength: 2 }"), [["property-type-narrowed", true, ORDER, "tags[]"]], 1],
    ["a maxLength lowered", order("maxLength: 12", "maxLength: 10"), [["property-type-narrowed", true, ORDER, "coupon"]], 1],
    ["a maxLength dropped", order(', maxLength: 12 }', " }"), [["property-type-widened", false, ORDER, "coupon"]], 0],
    ["a pattern changed", order('pattern: "^[A-Z0-9]+$"', 'pattern: "^[A-Z]+$"'), [["property-type-changed", true, ORDER, "coupon"]], 1],
    ["a pattern added", order("a free note, type: string }", 'a free note, type: string, pattern: "^\\\\S" }'), [["property-type-narrowed", true, ORDER, "note"]], 1],
    ["a pattern dropped", order('pattern: "^[A-Z0-9]+$", ', ""), [["property-type-widened", false, ORDER, "coupon"]], 0],
    ["a union losing null", order('type: [string, "null"]', "type: string"), [["property-type-narrowed", true, ORDER, "referrer"]], 1],
    ["an array's items changed from strings to numbers", order("items: { type: string, minLength: 1 }", "items: { type: number }"), [["property-type-changed", true, ORDER, "tags[]"]], 1],
    ["an array property that becomes nullable", order("type: array, items: { type: number }", 'type: [array, "null"], items: { type: number }'), [["property-type-widened", false, ORDER, "scores"]], 0],
    [
      "function_name changed: the function is renamed",
      { "definitions/product_viewed.yml": edit(PRODUCT_VIEWED, "function_name: trackProductPage", "function_name: trackProductShown") },
      [["function-renamed", true, "Product Viewed", null]],
      1,
    ],
    [
      "function_name dropped: the function is named after the action again",
      { "definitions/product_viewed.yml": edit(PRODUCT_VIEWED, "function_name: trackProductPage\n", "") },
      [["function-renamed", true, "Product Viewed", null]],
      1,
    ],
    ["function_name set to the name the action gives already: no change", order("action: Order Completed\n", "action: Order Completed\nfunction_name: trackOrderCompleted\n"), [], 0],
    ["an identifier moved into the tracking context: calls that pass it stop compiling", config("account: { type: string }", "account: { type: string, fromContext: true }"), [["identifier-into-context", true, null, "account"]], 1],
    ["an identifier moved out of the tracking context: a parameter again", config(", fromContext: true }", " }"), [["identifier-out-of-context", true, null, "user"]], 1],
    ["an identifier's type changed", config("account: { type: string }", "account: { type: number }"), [["identifier-type-changed", true, null, "account"]], 1],
    ["an identifier's type imported from another module", config("module: ./src/models }", "module: ./src/processors }"), [["identifier-type-changed", true, null, "store"]], 1],
    [
      "one of GitLab's identifiers given a type of its own",
      config("identifiers:\n", 'identifiers:\n  project: { type: "{ readonly id: number }" }\n'),
      [["identifier-type-changed", true, null, "project"]],
      1,
    ],
  ])("%s", (_, changes, expected, exitCode) => {
    const { result, changes: reported, document } = diffAfter(changes, [], SHOP_FILES);
    expect(document.diagnostics).toEqual([]);
    expect(brief(reported)).toEqual(expected);
    expect(result.code).toBe(exitCode);
  });

  it("names the path, the values before and after and the function in its messages", () => {
    const { changes } = diffAfter(
      {
        ...order("unit price, type: number, minimum: 0 }", "unit price, type: integer, minimum: 1 }"),
        "definitions/product_viewed.yml": edit(PRODUCT_VIEWED, "function_name: trackProductPage", "function_name: trackProductShown"),
        "sit.config.yaml": edit(edit(SHOP_CONFIG, "account: { type: string }", "account: { type: number, fromContext: true }"), ", fromContext: true }\n  store", " }\n  store"),
      },
      [],
      SHOP_FILES,
    );
    expect(changes.map((change) => [change.kind, change.event, change.function, change.subject, change.before, change.after, change.message])).toEqual([
      ["identifier-type-changed", null, null, "account", "string", "number", 'type of identifier "account" changed from string to number'],
      [
        "identifier-out-of-context",
        null,
        null,
        "user",
        true,
        false,
        'identifier "user" no longer comes from the tracking context: every call of an event that names it must pass it',
      ],
      [
        "identifier-into-context",
        null,
        null,
        "account",
        false,
        true,
        'identifier "account" now comes from the tracking context: calls must no longer pass it; the application sets it with setTrackingContext()',
      ],
      [
        "property-type-narrowed",
        ORDER,
        "trackOrderCompleted",
        "products[].price",
        "number (minimum 0)",
        "integer (minimum 1)",
        'property "products[].price" narrowed from number (minimum 0) to integer (minimum 1)',
      ],
      [
        "function-renamed",
        "Product Viewed",
        "trackProductShown",
        null,
        "trackProductPage",
        "trackProductShown",
        "function renamed from trackProductPage() to trackProductShown(): calls to trackProductPage() no longer compile",
      ],
    ]);
  });

  it("describes a structured property added or removed whole, constraints included", () => {
    const { changes } = diffAfter(
      {
        "definitions/order_completed.yml": edit(
          edit(ORDER_COMPLETED, "  quantity: { description: units bought, type: integer, minimum: 1, maximum: 99, required: true }\n", ""),
          "  products:\n    description: what was bought\n",
          "  products:\n    description: what was bought\n    required: true\n",
        ).replace("  products:", "  parcels:\n    description: boxes\n    type: array\n    items: { type: object, properties: { weight: { type: [number, \"null\"], maximum: 30 } } }\n  products:"),
      },
      [],
      SHOP_FILES,
    );
    expect(changes.map((change) => [change.kind, change.subject, change.before ?? change.after])).toEqual([
      ["property-removed", "quantity", "integer (minimum 1, maximum 99)"],
      ["property-now-required", "products", false],
      ["property-added", "parcels", "{ weight?: number | null (maximum 30) }[]"],
    ]);
  });

  it("takes each side's words from its own config: an identifier and an event name only the base revision's plan allows", () => {
    const base = {
      ...SHOP_FILES,
      "sit.config.yaml": `${SHOP_CONFIG}`.replace("identifiers:\n", "identifiers:\n  team: { type: string }\n"),
      "definitions/team_joined.yml": "description: Someone joins a team\ninternal_events: true\naction: Team Joined\nidentifiers: [team]\n",
    };
    const { changes, result, document } = diffAfter({ "sit.config.yaml": SHOP_CONFIG, "definitions/team_joined.yml": null }, [], base);
    expect(document.diagnostics).toEqual([]);
    expect(brief(changes)).toEqual([["event-removed", true, "Team Joined", null]]);
    expect(changes[0]?.message).toBe("event deleted: trackTeamJoined() is gone");
    expect(result.code).toBe(1);
  });

  describe("an action with spaces, quotes and markup prints escaped, as every name does", () => {
    const ACTION = 'Order "Big" | Paid <b> \u202Eevil';
    const added = { "definitions/order_big_paid_b_evil.yml": `description: A big order\ninternal_events: true\naction: '${ACTION}'\n` };

    it("text", () => {
      const root = gitProject(SHOP_FILES);
      commitChanges(root, added);
      const lines = runCli(["diff", "HEAD~1"], root).stdout.split("\n");
      expect(lines[1]).toBe('  definitions/order_big_paid_b_evil.yml: Order "Big" | Paid <b> \\u202eevil: event added: trackOrderBigPaidBEvil()');
    });

    it("markdown", () => {
      const root = gitProject(SHOP_FILES);
      commitChanges(root, added);
      const result = runCli(["diff", "HEAD~1", "--format", "markdown"], root);
      expect(result.stdout).toContain('| `Order "Big" \\| Paid <b> \\u202eevil` | event added: trackOrderBigPaidBEvil() | `definitions/order_big_paid_b_evil.yml` |\n');
    });
  });
});
