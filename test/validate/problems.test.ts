import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { DEFINITION_KEYS } from "../../src/validate/definition-schema";
import { definition, makeProject, runCli, runSit } from "../helpers/project";
import { CONFIG, expectDiagnostic } from "./expect-diagnostic";

const project = (files: Readonly<Record<string, string>>): string => makeProject({ "sit.config.yaml": CONFIG, ...files });

/** definition() with one top-level line replaced (or removed, when `line` is empty). */
function withLine(action: string, key: string, line: string): string {
  const lines = definition(action).split("\n");
  const index = lines.findIndex((candidate) => candidate.startsWith(`${key}:`));
  // A key written as a block list spans the lines indented below it.
  let end = index + 1;
  while (end < lines.length && lines[end]!.startsWith("  ")) end++;
  if (index < 0) return `${lines.join("\n")}${line}\n`;
  lines.splice(index, end - index, ...(line === "" ? [] : [line]));
  return lines.join("\n");
}

describe("YAML that cannot be parsed", () => {
  it("reports a syntax error where the parser found it (real binary)", () => {
    const dir = project({ "definitions/a.yml": "description: a\naction: a\ntiers: [free]]\n" });
    expectDiagnostic(dir, { code: "SIT001", file: "definitions/a.yml", line: 3, column: 14, message: "YAML syntax error" }, { run: runSit });
  });

  it("reports a list never closed at its bracket, not at the line where the parser gave up", () => {
    const dir = project({ "definitions/a.yml": "description: a\naction: [a\ntiers: x\n" });
    expectDiagnostic(dir, { code: "SIT001", file: "definitions/a.yml", line: 2, column: 9, message: 'this "[" is never closed', hint: 'end the list with "]"' });
  });

  it("reports a block whose first key is indented too far at that key, not at the next one", () => {
    const lines = definition("a", "additional_properties:\n   label:\n    description: where\n  value:\n    description: how many\n");
    expectDiagnostic(project({ "definitions/a.yml": lines }), {
      code: "SIT001",
      file: "definitions/a.yml",
      line: 12,
      column: 4,
      message: "bad indentation: this line is indented by 3 spaces, the next line at its level by 2",
      hint: "indent it by 2 spaces: the file indents a block by 2 below its key",
    });
  });

  it("reports a key indented too far after a value at the key, not at its colon", () => {
    const lines = definition("a", "additional_properties:\n  label:\n    description: where\n     type: string\n");
    expectDiagnostic(project({ "definitions/a.yml": lines }), { code: "SIT001", file: "definitions/a.yml", line: 14, column: 6, message: "bad indentation of a mapping entry" });
  });

  it("reports an empty file, and one holding only comments", () => {
    const dir = project({ "definitions/a.yml": "", "definitions/b.yml": "# to do\n\n" });
    expectDiagnostic(dir, { code: "SIT002", file: "definitions/a.yml", line: 1, column: 1 });
    expectDiagnostic(dir, { code: "SIT002", file: "definitions/b.yml", line: 1, column: 1 });
  });

  it("reports a root that is a list or a single value", () => {
    const dir = project({ "definitions/a.yml": "- action: a\n", "definitions/b.yml": "\n\njust text\n" });
    expectDiagnostic(dir, { code: "SIT003", file: "definitions/a.yml", line: 1, column: 1, message: "not a list" });
    expectDiagnostic(dir, { code: "SIT003", file: "definitions/b.yml", line: 3, column: 1, message: "not a single value" });
  });

  it("reports binary content at the first NUL byte", () => {
    const dir = project({ "definitions/a.yml": "description: a\naction: a\u0000b\n" });
    expectDiagnostic(dir, { code: "SIT004", file: "definitions/a.yml", line: 2, column: 10, message: "NUL" });
  });

  it("reports content that is not UTF-8 at the first invalid byte", () => {
    const dir = project({ "definitions/cafe.yml": "" });
    const latin1 = Buffer.concat([Buffer.from(definition("cafe")), Buffer.from("additional_properties:\n  label:\n    description: caf"), Buffer.from([0xe9]), Buffer.from("\n")]);
    writeFileSync(join(dir, "definitions", "cafe.yml"), latin1);
    expectDiagnostic(dir, { code: "SIT004", file: "definitions/cafe.yml", line: 13, column: 21, message: "byte 0xe9" });
  });

  it("stops a YAML alias expansion attack (billion laughs) before expanding it", () => {
    const levels = ["lol0: &a0 [x, x, x, x, x, x, x, x, x, x]"];
    for (let level = 1; level < 30; level++) levels.push(`lol${level}: &a${level} [${Array(10).fill(`*a${level - 1}`).join(", ")}]`);
    // 10^30 nodes once expanded: only a parser that never expands aliases gets to report SIT006 at all.
    const dir = project({ "definitions/lol.yml": `${levels.join("\n")}\n` });
    expectDiagnostic(dir, { code: "SIT006", file: "definitions/lol.yml", line: 4, column: 47, message: "expands to more than 10000 nodes" }, { run: runSit });
  });

  it("refuses a file over the size limit without parsing it", () => {
    const dir = project({ "definitions/big.yml": `${definition("big")}# ${"x".repeat(1024 * 1024)}\n` });
    expectDiagnostic(dir, { code: "SIT005", file: "definitions/big.yml", line: 0, column: 0, message: "over sit's limit of 1048576 bytes" });
  });

  it("reports every YAML document after the first", () => {
    const dir = project({ "definitions/a.yml": `---\n${definition("a")}---\n${definition("a")}` });
    expectDiagnostic(dir, { code: "SIT008", file: "definitions/a.yml", line: 12, column: 1 });
  });

  it("reports a duplicate key with the place of the first", () => {
    const dir = project({ "definitions/a.yml": `${definition("a")}action: b\n` });
    expectDiagnostic(dir, { code: "SIT009", file: "definitions/a.yml", line: 11, column: 1, hint: "the first is at definitions/a.yml:3:1" });
  });

  it("reports a dash alone in a flow list, which is no value in YAML", () => {
    const dir = project({ "definitions/a.yml": definition("a", "product_categories: [code_review,-]\n") });
    expectDiagnostic(dir, { code: "SIT001", file: "definitions/a.yml", line: 11, column: 34, message: "YAML syntax error" });
  });

  it("refuses nesting deeper than any definition needs", () => {
    const dir = project({ "definitions/a.yml": `${definition("a")}extra_properties: ${"[".repeat(200)}${"]".repeat(200)}\n` });
    expectDiagnostic(dir, { code: "SIT001", file: "definitions/a.yml", line: 11, column: 82, message: "maxDepth" });
  });
});

describe("the definition format", () => {
  /** A value of the wrong type for every top-level key, and where it is. */
  const WRONG_VALUES: Readonly<Record<string, string>> = {
    description: "[a, b]",
    internal_events: "'yes'",
    function_name: "[track]",
    action: "123",
    identifiers: "user",
    additional_properties: "[label]",
    product_group: "{ name: x }",
    product_categories: "code_review",
    milestone: "18.0",
    introduced_by_url: "42",
    tiers: "free",
    status: "[removed]",
    milestone_removed: "18.3",
    removed_by_url: "true",
    classification: "[duo]",
    extra_trackers: "Gitlab::Tracking::AiTracking",
    extra_tracking_classes: "Gitlab::Tracking::AiTracking",
    category: "[a]",
    label_description: "[a]",
    property_description: "{ a: b }",
    value_description: "[]",
    extra_properties: "[a]",
    iglu_schema_url: "1",
  };

  it("has a wrong-type case for every key", () => {
    expect(Object.keys(WRONG_VALUES).sort()).toEqual([...DEFINITION_KEYS].sort());
  });

  it.each(Object.entries(WRONG_VALUES))("reports a wrong type for `%s`", (key, value) => {
    const text = withLine("a", key, `${key}: ${value}`);
    const line = text.split("\n").findIndex((candidate) => candidate.startsWith(`${key}:`)) + 1;
    const dir = project({ "definitions/a.yml": text });
    const enumKey = key === "status" || key === "classification";
    expectDiagnostic(dir, { code: enumKey ? "SIT013" : "SIT012", file: "definitions/a.yml", line, column: key.length + 3, message: `\`${key}\`` });
  });

  it("hints at quoting a milestone written as a number, quoting it as written", () => {
    const dir = project({ "definitions/a.yml": withLine("a", "milestone", "milestone: 18.10") });
    expectDiagnostic(dir, { code: "SIT012", file: "definitions/a.yml", line: 7, column: 12, message: "not the number 18.10", hint: "quote it to make it a string: '18.10'" });
  });

  it.each([
    ["introduced_by_url", "gitlab.com/gitlab-org/gitlab/-/merge_requests/1", ""],
    ["introduced_by_url", "TODO", ""],
    ["introduced_by_url", "https://gitlab.com/merge requests/1", ""],
    ["removed_by_url", "'see the MR'", "status: removed\nmilestone_removed: '18.3'\n"],
  ])("reports a `%s` that is not a URL (%s), as GitLab's schema does", (key, value, extra) => {
    const text = withLine("a", key, `${key}: ${value}`) + extra;
    const line = text.split("\n").findIndex((candidate) => candidate.startsWith(`${key}:`)) + 1;
    const dir = project({ "definitions/a.yml": text });
    expectDiagnostic(dir, { code: "SIT013", file: "definitions/a.yml", line, column: key.length + 3, message: "must be a URL, like https://gitlab.com/gitlab-org/gitlab/-/merge_requests/123" });
  });

  it.each(["https://gitlab.com/gitlab-org/gitlab/-/merge_requests/1#note_2", "https://gitlab.com/a/-/issues/1?x=%20y", "http://example.com"])("accepts the URL %s", (url) => {
    const dir = project({ "definitions/a.yml": withLine("a", "introduced_by_url", `introduced_by_url: ${url}`) });
    expect(runCli(["validate"], dir).code).toBe(0);
  });

  it("hints at the mapping form of a property written as a plain value", () => {
    const dir = project({ "definitions/a.yml": definition("a", "additional_properties:\n  label: where it came from\n") });
    expectDiagnostic(dir, { code: "SIT012", file: "definitions/a.yml", line: 12, column: 10, hint: 'write a mapping: `label: { description: "where it came from" }`' });
  });

  it("reports unknown keys with a did-you-mean, at top level and in properties and trackers", () => {
    const dir = project({
      "definitions/a.yml": definition(
        "a",
        "prodct_group: x\nadditional_properties:\n  label:\n    descripton: x\nextra_trackers:\n  - tracking_class: Gitlab::Tracking::AiTracking\n    protected_propertes: {}\n",
      ),
    });
    expectDiagnostic(dir, { code: "SIT010", file: "definitions/a.yml", line: 11, column: 1, message: "unknown key `prodct_group`", hint: 'did you mean "product_group"?' });
    expectDiagnostic(dir, { code: "SIT010", file: "definitions/a.yml", line: 14, column: 5, hint: 'did you mean "description"?' });
    expectDiagnostic(dir, { code: "SIT010", file: "definitions/a.yml", line: 17, column: 5, hint: 'did you mean "protected_properties"?' });
  });

  it.each(["description", "action", "product_group", "milestone", "introduced_by_url", "tiers"])("reports the missing required key `%s`", (key) => {
    const dir = project({ "definitions/a.yml": `# a\n${withLine("a", key, "")}` });
    expectDiagnostic(dir, { code: "SIT011", file: "definitions/a.yml", line: 2, column: 1, message: `missing required key \`${key}\`` });
  });

  it.each(["internal_events", "identifiers", "product_categories", "status", "classification", "extra_trackers"])(
    "reports a key the config's rules.required names, `%s`, missing",
    (key) => {
      const config = `${CONFIG}rules:\n  required: [description, action, ${key}]\n`;
      expectDiagnostic(makeProject({ "sit.config.yaml": config, "definitions/a.yml": `# a\n${withLine("a", key, "")}` }), {
        code: "SIT011",
        file: "definitions/a.yml",
        line: 2,
        column: 1,
        message: `missing required key \`${key}\``,
      });
    },
  );

  it.each([
    ["Create-MR", "create_mr"],
    ["mergeRequestCreated", "merge_request_created"],
    ["über", "ber"],
  ])("reports the bad action name %s with a suggestion", (action, suggestion) => {
    const dir = project({ "definitions/a.yml": withLine("a", "action", `action: ${action}`) });
    expectDiagnostic(dir, { code: "SIT014", file: "definitions/a.yml", line: 3, column: 9, hint: `did you mean "${suggestion}"?` });
  });

  it("rejects an empty tier list and suggests misspelled tiers and identifiers", () => {
    const dir = project({
      "definitions/a.yml": withLine("a", "tiers", "tiers: [free, premum]").replace("  - user", "  - usr"),
      "definitions/b.yml": withLine("b", "tiers", "tiers: []"),
    });
    expectDiagnostic(dir, { code: "SIT013", file: "definitions/a.yml", line: 5, column: 5, hint: 'did you mean "user"?' });
    expectDiagnostic(dir, { code: "SIT013", file: "definitions/a.yml", line: 9, column: 15, hint: 'did you mean "premium"?' });
    expectDiagnostic(dir, { code: "SIT013", file: "definitions/b.yml", line: 9, column: 8, message: "must not be empty" });
  });

  it("reports both extra_trackers and extra_tracking_classes", () => {
    const dir = project({
      "definitions/a.yml": definition("a", "extra_trackers:\n  - tracking_class: Gitlab::Tracking::AiTracking\nextra_tracking_classes:\n  - Gitlab::Tracking::AiTracking\n"),
    });
    expectDiagnostic(dir, { code: "SIT020", file: "definitions/a.yml", line: 13, column: 1, hint: "tracking_class" });
  });

  it("reports a removed event without its removal fields", () => {
    const dir = project({ "definitions/a.yml": definition("a", "status: removed\nmilestone_removed: '18.3'\n") });
    expectDiagnostic(dir, { code: "SIT021", file: "definitions/a.yml", line: 11, column: 9, message: "`removed_by_url`", hint: "removed_by_url:" });
  });

  it("warns about a file name that differs from the action; --strict makes it an error", () => {
    const dir = project({ "definitions/create.yml": definition("create_issue") });
    expectDiagnostic(dir, { code: "SIT022", file: "definitions/create.yml", line: 3, column: 9, severity: "warning", hint: "rename the file to create_issue.yml" });
    expectDiagnostic(dir, { code: "SIT022", file: "definitions/create.yml", line: 3, column: 9, severity: "warning" }, { args: ["--strict"], run: runSit });
  });
});

describe("names across definitions", () => {
  it("reports a duplicate action with the place of the first definition", () => {
    const dir = project({ "definitions/a.yml": definition("same"), "definitions/team/b.yml": definition("same") });
    const diagnostics = expectDiagnostic(dir, {
      code: "SIT015",
      file: "definitions/team/b.yml",
      line: 3,
      column: 9,
      message: "already defined by definitions/a.yml",
      hint: "first defined at definitions/a.yml:3:9",
    });
    expect(diagnostics.filter((diagnostic) => diagnostic.code === "SIT015")).toHaveLength(1);
  });

  it("reports two actions that produce the same function name", () => {
    const dir = project({ "definitions/a_b.yml": definition("a_b"), "definitions/a__b.yml": definition("a__b") });
    expectDiagnostic(dir, {
      code: "SIT018",
      file: "definitions/a_b.yml",
      line: 3,
      column: 9,
      message: 'actions "a__b" (definitions/a__b.yml) and "a_b" both generate `trackAB`',
      hint: "first defined at definitions/a__b.yml:3:9",
    });
  });

  it.each(["event", "_event_"])("reports the action %s, which would generate the SDK's own trackEvent", (action) => {
    const dir = project({ [`definitions/${action}.yml`]: definition(action) });
    expectDiagnostic(dir, { code: "SIT018", file: `definitions/${action}.yml`, line: 3, column: 9, message: "`trackEvent`, which the SDK already uses" });
  });

  it("reports two actions whose argument types collide", () => {
    const dir = project({ "definitions/1a.yml": definition("1a"), "definitions/track_1a.yml": definition("track_1a") });
    expectDiagnostic(dir, { code: "SIT018", file: "definitions/track_1a.yml", line: 3, column: 9, message: "both generate `Track1aArgs`" });
  });

  it("reports a tracking class missing from the config, with a did-you-mean", () => {
    const dir = project({ "definitions/a.yml": definition("a", "extra_trackers:\n  - tracking_class: Gitlab::Tracking::AITracking\n") });
    expectDiagnostic(dir, { code: "SIT023", file: "definitions/a.yml", line: 12, column: 21, hint: 'did you mean "Gitlab::Tracking::AiTracking"?' });
  });
});

describe("names that clash with JavaScript", () => {
  it("rejects __proto__ as a property and as an action", () => {
    const dir = project({
      "definitions/a.yml": definition("a", "additional_properties:\n  __proto__:\n    description: sets the prototype\n"),
      "definitions/__proto__.yml": definition("__proto__"),
    });
    expectDiagnostic(dir, { code: "SIT019", file: "definitions/a.yml", line: 12, column: 3, message: "sets the prototype" });
    expectDiagnostic(dir, { code: "SIT019", file: "definitions/__proto__.yml", line: 3, column: 9, message: "replace the object's prototype" });
  });

  it("rejects constructor as a property, explaining why; protected properties too", () => {
    const dir = project({
      "definitions/a.yml": definition(
        "a",
        "additional_properties:\n  constructor:\n    description: c\nextra_trackers:\n  - tracking_class: Gitlab::Tracking::AiTracking\n    protected_properties:\n      constructor:\n",
      ),
    });
    expectDiagnostic(dir, { code: "SIT019", file: "definitions/a.yml", line: 12, column: 3, message: "every JavaScript object already has a `constructor`" });
    expectDiagnostic(dir, { code: "SIT019", file: "definitions/a.yml", line: 17, column: 7 });
  });

  it("rejects camelCase members of Object.prototype as not snake_case", () => {
    const dir = project({ "definitions/a.yml": definition("a", "additional_properties:\n  toString:\n  hasOwnProperty:\n") });
    expectDiagnostic(dir, { code: "SIT024", file: "definitions/a.yml", line: 12, column: 3, hint: '"to_string"' });
    expectDiagnostic(dir, { code: "SIT024", file: "definitions/a.yml", line: 13, column: 3, hint: '"has_own_property"' });
  });

  it("rejects every member of Object.prototype as a property name, each with a reason", () => {
    const names = Object.getOwnPropertyNames(Object.prototype);
    const dir = project({ "definitions/a.yml": definition("a", `additional_properties:\n${names.map((name) => `  ${name}:\n`).join("")}`) });
    const { diagnostics } = JSON.parse(runCli(["validate", "--json"], dir).stdout) as { diagnostics: { line: number; code: string }[] };
    expect(diagnostics.map((diagnostic) => [names[diagnostic.line - 12], diagnostic.code])).toEqual(
      names.map((name) => [name, name === "__proto__" || name === "constructor" ? "SIT019" : "SIT024"]),
    );
  });

  it("rejects a processor named __proto__ in the config", () => {
    const dir = makeProject({
      "sit.config.yaml": 'processors:\n  __proto__: { module: "@acme/tracking", export: X }\n',
      "definitions/a.yml": definition("a"),
    });
    expectDiagnostic(dir, { code: "SIT019", file: "sit.config.yaml", line: 2, column: 3 });
  });
});

describe("did you mean", () => {
  it("warns about a misspelled built-in property, but not about names that extend one", () => {
    const dir = project({ "definitions/a.yml": definition("a", "additional_properties:\n  lable:\n  labels:\n  value_kind:\n  vaule:\n") });
    const diagnostics = expectDiagnostic(dir, {
      code: "SIT031",
      file: "definitions/a.yml",
      line: 12,
      column: 3,
      severity: "warning",
      hint: 'did you mean "label"?',
    });
    expect(diagnostics.filter((diagnostic) => diagnostic.code === "SIT031").map((diagnostic) => diagnostic.line)).toEqual([12, 15]);
  });

  it("suggests the nearest name, not the alphabetically first one within reach", () => {
    const dir = project({ "definitions/a.yml": definition("a", "descriptoin: x\n").replace("  - user", "  - usr") });
    expectDiagnostic(dir, { code: "SIT010", file: "definitions/a.yml", line: 11, column: 1, hint: 'did you mean "description"?' });
    expectDiagnostic(dir, { code: "SIT013", file: "definitions/a.yml", line: 5, column: 5, hint: 'did you mean "user"?' });
  });
});

describe("options", () => {
  it("--json prints every diagnostic with file, line, column, severity, code, message and hint", () => {
    const dir = project({ "definitions/a.yml": withLine("a", "tiers", "tiers: [fre]"), "definitions/b.yml": definition("c") });
    const result = runCli(["validate", "--json"], dir);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      diagnostics: [
        {
          file: "definitions/a.yml",
          line: 9,
          column: 9,
          severity: "error",
          code: "SIT013",
          message: '`tiers[0]` is "fre"; expected one of free, premium, ultimate',
          hint: 'did you mean "free"?',
        },
        {
          file: "definitions/b.yml",
          line: 3,
          column: 9,
          severity: "warning",
          code: "SIT022",
          message: 'file name "b" differs from action "c"',
          hint: "rename the file to c.yml; `warnings: { SIT022: off }` in sit.config.yaml silences it",
        },
      ],
      summary: "1 error and 1 warning in 2 files",
    });
  });

  it("--gitlab-strict rejects type, enum and required, which validate without it", () => {
    const extension = "additional_properties:\n  label:\n    type: string\n    enum: [a, b]\n    required: true\n";
    const dir = project({ "definitions/a.yml": definition("a", extension) });
    expect(runCli(["validate"], dir).code).toBe(0);
    const diagnostics = expectDiagnostic(dir, { code: "SIT025", file: "definitions/a.yml", line: 13, column: 5, message: "`type`" }, { args: ["--gitlab-strict"] });
    expect(diagnostics.filter((diagnostic) => diagnostic.code === "SIT025").map((diagnostic) => `${diagnostic.line}:${diagnostic.column}`)).toEqual([
      "13:5",
      "14:5",
      "15:5",
    ]);
  });

  it("exits 0 with warnings only, and prints a summary", () => {
    const dir = project({ "definitions/b.yml": definition("c") });
    const result = runCli(["validate"], dir);
    expect(result.code).toBe(0);
    expect(result.stderr.split("\n").pop()).toBe("0 errors and 1 warning in 1 file (1 definition file checked)");
  });
});
