import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describeWriteError, WriteStepError } from "../../src/write/write-output";
import { runTsc, STRICT_FLAGS, writeJson } from "../e2e/consumer-project";
import { definition, enableTypeCheckOfGeneratedCode, makeProject, runCli, runSit, SIT_BIN, writeFiles } from "../helpers/project";
import { snapshotFolder } from "../write/output-folder";
import { CONFIG, expectDiagnostic } from "./expect-diagnostic";

/**
 * What hostile trials of sit found (issue 11), each case reproduced and held to the behaviour
 * that replaced it: exit codes, codes, positions, files left untouched, SDKs that compile.
 */

const LOCAL_PROCESSOR = "export const InternalEvents = { trackEvent(): void {} };\n";

/** Generates `project` with the real CLI and compiles the SDK in full under the strict flags docs/sdk.md promises. */
async function expectStrictSdk(project: string): Promise<void> {
  const generated = runSit(["generate"], project);
  expect({ code: generated.code, stderr: generated.stderr }).toEqual({ code: 0, stderr: expect.stringContaining("generated/") });
  enableTypeCheckOfGeneratedCode(join(project, "generated"));
  writeJson(join(project, "tsconfig.json"), {
    compilerOptions: { ...STRICT_FLAGS, module: "nodenext", moduleResolution: "nodenext", types: [], noEmit: true },
    include: ["generated", "src"],
  });
  const tsc = await runTsc(project);
  expect(tsc.output).toBe("");
  expect(tsc.code).toBe(0);
}

describe("1. names sit derives are identifiers", () => {
  it("compiles an SDK whose tracking classes start with a digit, hold symbols or are reserved words", async () => {
    const project = makeProject({
      "sit.config.yaml": `processors:
  InternalEvents: { module: ./src/processors, export: InternalEvents }
  1Tracker: { module: ./src/processors, export: First }
  "Acme::2fa::Audit-Log": { module: ./src/processors, export: default }
  class: { module: ./src/processors, export: Other }
defaultProcessors: [InternalEvents]
`,
      "src/processors.ts":
        "const track = { trackEvent(): void {} };\nexport const InternalEvents = track;\nexport const First = track;\nexport const Other = track;\nexport default track;\n",
      "definitions/sign_in.yml": definition(
        "sign_in",
        "extra_trackers:\n  - tracking_class: 1Tracker\n    protected_properties:\n      method:\n        description: how\n  - tracking_class: Acme::2fa::Audit-Log\n  - tracking_class: class\n",
      ),
    });
    await expectStrictSdk(project);
  });
});

describe("2. runtime.ts with no processor in use passes noUnusedLocals", () => {
  const noProcessors = "processors: {}\n";
  it.each([
    ["no default processors and no trackers", { "sit.config.yaml": noProcessors, "definitions/sign_in.yml": definition("sign_in") }],
    ["no events", { "sit.config.yaml": CONFIG.replace('"@acme/tracking"', "./src/processors"), "src/processors.ts": LOCAL_PROCESSOR + "export const AiTracking = InternalEvents;\n", "definitions/.keep.md": "" }],
    ["only legacy definitions", { "sit.config.yaml": noProcessors, "definitions/legacy.yml": definition("legacy").replace("internal_events: true\n", "category: legacy\n") }],
    [
      "an event with an object property and no processor",
      { "sit.config.yaml": noProcessors, "definitions/sign_in.yml": definition("sign_in", "additional_properties:\n  device:\n    description: the device\n    type: object\n    properties:\n      model: { type: string }\n") },
    ],
  ])("%s", async (_label, files) => {
    await expectStrictSdk(makeProject(files));
  });
});

describe("3. an identifier type is exactly one TypeScript type", () => {
  const configWith = (type: string) => `${CONFIG}identifiers:\n  user: { type: ${JSON.stringify(type)} }\n`;

  it.each([
    ["{ readonly sku: string ", "is not a TypeScript type: '}' expected"],
    ['string; console.error("INJECTED")', "is not exactly one TypeScript type"],
    ["string // a note", "must not contain comments"],
    ["string\nnumber", "must be written on one line"],
  ])("rejects %j at the config's position, and writes nothing", (type, message) => {
    const project = makeProject({ "sit.config.yaml": configWith(type), "definitions/a.yml": definition("a") });
    expectDiagnostic(project, { code: "SIT041", file: "sit.config.yaml", line: 6, column: 17, message: `identifier type of "user" ${message}` });
    expect(existsSync(join(project, "generated"))).toBe(false);
  });

  it("accepts types of every shape and compiles them", async () => {
    const project = makeProject({
      "sit.config.yaml": `processors:\n  InternalEvents: { module: ./src/processors }\ndefaultProcessors: [InternalEvents]\nidentifiers:
  user: { type: "{ readonly id: number; readonly login: \`user-\${string}\` }" }
  project: { type: "Readonly<Record<string, number>>" }
  feature_enabled_by_namespace_ids: { type: "readonly (number | bigint)[]" }
`,
      "src/processors.ts": LOCAL_PROCESSOR,
      "definitions/a.yml": definition("a").replace("  - user", "  - user\n  - project\n  - feature_enabled_by_namespace_ids"),
    });
    await expectStrictSdk(project);
  });

  it("loads TypeScript only for an inline type of a form it does not know, and not on the fast path", () => {
    const probe = (project: string, args: readonly string[]): string => {
      writeFileSync(join(project, "probe.js"), 'process.on("exit", () => process.stderr.write("\\nts-morph " + Object.keys(require.cache).some((path) => /[\\\\/]ts-morph[\\\\/]/.test(path))));\n');
      return runSit(args, project, { NODE_OPTIONS: `--require ${join(project, "probe.js")}` }).stderr.split("\n").pop()!;
    };
    const project = (type: string) =>
      makeProject({ "sit.config.yaml": configWith(type).replace('"@acme/tracking"', "./src/p"), "src/p.ts": LOCAL_PROCESSOR, "definitions/a.yml": definition("a") });
    const unusual = project("`user-${string}`");
    expect(probe(unusual, ["validate"])).toBe("ts-morph true");
    expect(probe(unusual, ["generate"])).toBe("ts-morph true");
    expect(probe(unusual, ["generate", "--check"])).toBe("ts-morph false");
    // The forms identifier types usually take are recognised without TypeScript.
    expect(probe(project("{ readonly id: number; readonly teams: readonly string[] }"), ["validate"])).toBe("ts-morph false");
    expect(probe(makeProject({ "sit.config.yaml": CONFIG, "definitions/a.yml": definition("a") }), ["validate"])).toBe("ts-morph false");
  });
});

describe("4. the output folder is inside the config's folder and apart from the definitions", () => {
  const cases: readonly [string, string, string][] = [
    ["/", "/", 'the output folder "/" is outside the config\'s folder'],
    ["..", "..", 'the output folder ".." is outside the config\'s folder'],
    ["../elsewhere", "../elsewhere", "is outside the config's folder"],
    [".", ".", 'the output folder "." is the config\'s folder itself'],
    ["definitions", "definitions", 'the output folder "definitions" is inside the definitions folder "definitions"'],
    ["definitions/sdk", "definitions/sdk", "is inside the definitions folder"],
    ["a path with a NUL", '"gen\\0erated"', "the output path contains a NUL character"],
    [".git", ".git", 'the output folder ".git" is in .git/, which git keeps its own data in'],
    ["a folder inside .git", ".git/hooks", "is in .git/, which git keeps its own data in"],
    [".GIT, as a case-insensitive file system reads it", ".GIT/sdk", "is in .GIT/, which git keeps its own data in"],
    ["node_modules", "node_modules/generated", "is in node_modules/, which package managers replace on install"],
  ];

  it.each(cases)("refuses %s with a config diagnostic and writes nothing", (_label, output, message) => {
    const parent = makeProject({});
    const project = join(parent, "app");
    writeFiles(project, { "sit.config.yaml": `${CONFIG}output: ${output}\n`, "definitions/a.yml": definition("a") });
    const before = snapshotFolder(parent);
    expectDiagnostic(project, { code: "SIT041", file: "sit.config.yaml", line: 5, column: 9, message });
    for (const args of [["generate"], ["generate", "--check"]]) expect(runCli(args, project).code).toBe(1);
    expect(snapshotFolder(parent)).toEqual(before);
    expect(readdirSync(project).sort()).toEqual(["definitions", "sit.config.yaml"]);
  });

  it("refuses an output folder that a symbolic link leads out of the project", () => {
    const outside = makeProject({});
    const project = makeProject({ "sit.config.yaml": `${CONFIG}output: link/generated\n`, "definitions/a.yml": definition("a") });
    symlinkSync(outside, join(project, "link"));
    expectDiagnostic(project, { code: "SIT041", file: "sit.config.yaml", line: 5, column: 9, message: "is outside the config's folder" });
    expect(readdirSync(outside)).toEqual([]);
  });

  it("refuses an output folder that a symbolic link leads into .git", () => {
    const project = makeProject({ "sit.config.yaml": `${CONFIG}output: sdk\n`, "definitions/a.yml": definition("a"), ".git/HEAD": "ref: refs/heads/main\n" });
    symlinkSync(join(project, ".git"), join(project, "sdk"));
    expectDiagnostic(project, { code: "SIT041", file: "sit.config.yaml", line: 5, column: 9, message: "is in .git/, which git keeps its own data in" });
  });
});

describe("7. one diagnostic is one line, whatever the names hold", () => {
  it("escapes newlines and escape sequences in file names and keys", () => {
    const forged = "\u001b[2J\nsit.config.yaml:1:1: error SIT999: forged";
    const project = makeProject({
      "sit.config.yaml": CONFIG,
      [`definitions/a\nb: error SIT999: forged.yml`]: definition("a"),
      "definitions/b.yml": `${definition("b")}${JSON.stringify(forged)}: 1\n`,
    });
    const result = runSit(["validate"], project);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain("\u001b");
    const lines = result.stderr.trimEnd().split("\n");
    for (const line of lines) expect(line).toMatch(/^(definitions\/\S.*:( \d+:\d+:)? (error|warning) SIT0\d\d: |  hint: |\d+ errors? and \d+ warnings?)/);
    expect(lines.filter((line) => /^(b|sit\.config\.yaml:1:1): error SIT999/.test(line))).toEqual([]);
    expect(result.stderr).toContain("definitions/a\\nb: error SIT999: forged.yml:");
    expect(result.stderr).toContain("unknown key `\\u001b[2J\\nsit.config.yaml:1:1: error SIT999: forged`");
  });
});

describe("8. definitions that lead out of the project", () => {
  it("refuses a file or folder linked from outside and quotes nothing of it", () => {
    const outside = makeProject({ "secret.yml": "SECRET-TOKEN: hunter2\n", "more/leak.yml": "ANOTHER-SECRET: x\n" });
    const project = makeProject({ "sit.config.yaml": CONFIG, "definitions/a.yml": definition("a") });
    symlinkSync(join(outside, "secret.yml"), join(project, "definitions", "secret.yml"));
    symlinkSync(join(outside, "more"), join(project, "definitions", "more"));
    symlinkSync("/etc/hostname", join(project, "definitions", "host.yml"));
    for (const file of ["definitions/secret.yml", "definitions/more", "definitions/host.yml"]) {
      expectDiagnostic(project, { code: "SIT033", file, line: 0, column: 0, message: "a symbolic link to a place outside the project" });
    }
    const output = runCli(["validate"], project);
    expect(output.stderr).not.toMatch(/SECRET|hunter2/);
  });

  it("still reads links that stay inside the project", () => {
    const project = makeProject({ "sit.config.yaml": CONFIG, "shared/a.yml": definition("a") });
    mkdirSync(join(project, "definitions"));
    symlinkSync(join(project, "shared", "a.yml"), join(project, "definitions", "a.yml"));
    expect(runCli(["validate"], project)).toMatchObject({ code: 0 });
  });
});

describe("9. messages that say what is wrong", () => {
  const project = (files: Readonly<Record<string, string>>) => makeProject({ "sit.config.yaml": CONFIG, ...files });

  it("a. a long list without aliases is too large, not an alias bomb", () => {
    const items = Array.from({ length: 10_001 }, (_, index) => `  - item_${index}`).join("\n");
    expectDiagnostic(project({ "definitions/a.yml": `${definition("a")}product_categories:\n${items}\n` }), {
      code: "SIT005",
      file: "definitions/a.yml",
      line: 9991,
      column: 5,
      message: "the document holds more than 10000 values; a definition holds a few dozen",
    });
  });

  it("b. a value is quoted as written: .inf is not null", () => {
    const dir = project({ "definitions/a.yml": `${definition("a")}additional_properties:\n  value:\n    enum: [.inf, 2]\n` });
    expectDiagnostic(dir, { code: "SIT012", file: "definitions/a.yml", line: 13, column: 12, message: "`additional_properties.value.enum[0]` is the number .inf: an enum value must be a string, a finite number, true, false or null" });
    expect(runCli(["validate"], dir).stderr).not.toMatch(/is (?:the number )?null|empty \(null\)/);
  });

  it("c. UTF-16 is UTF-16, not binary", () => {
    const dir = project({});
    mkdirSync(join(dir, "definitions"));
    writeFileSync(join(dir, "definitions", "a.yml"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(definition("a"), "utf16le")]));
    writeFileSync(join(dir, "definitions", "b.yml"), Buffer.from(definition("b"), "utf16le"));
    for (const file of ["definitions/a.yml", "definitions/b.yml"]) {
      expectDiagnostic(dir, { code: "SIT004", file, line: 0, column: 0, message: "the file is UTF-16LE text; sit reads UTF-8 only", hint: /convert it to UTF-8/ });
    }
  });

  it("d. comments in a JSON config are named as such", () => {
    const dir = makeProject({ "sit.config.json": '{\n  // where the events are\n  "definitions": "definitions"\n}\n', "definitions/a.yml": definition("a") });
    expectDiagnostic(dir, { code: "SIT041", file: "sit.config.json", line: 2, column: 3, message: "comments are not allowed in JSON", hint: /sit\.config\.yaml/ });
  });

  it("e. a stale file that cannot be deleted is reported as such", () => {
    expect(describeWriteError(new WriteStepError("delete the stale", "generated/old.ts", Object.assign(new Error("EPERM"), { code: "EPERM" })))).toBe(
      "cannot delete the stale generated/old.ts: permission denied",
    );
    if (process.getuid?.() !== 0) return;
    // As root only an immutable file resists deletion; chattr needs root and a file system that has the flag.
    const dir = project({ "src/p.ts": LOCAL_PROCESSOR, "definitions/a.yml": definition("a") });
    writeFiles(dir, { "sit.config.yaml": CONFIG.replace('"@acme/tracking"', "./src/p") });
    expect(runCli(["generate"], dir).code).toBe(0);
    const stale = join(dir, "generated", "old.ts");
    copyFileSync(join(dir, "generated", "index.ts"), stale);
    execFileSync("chattr", ["+i", stale]);
    try {
      const result = runSit(["generate"], dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe("sit: cannot delete the stale generated/old.ts: permission denied; the previous output is unchanged\n");
    } finally {
      execFileSync("chattr", ["-i", stale]);
    }
  });

  it("f. an unterminated quote is reported where it opens", () => {
    expectDiagnostic(project({ "definitions/a.yml": `description: "A user clicks\n${definition("a").split("\n").slice(1).join("\n")}` }), {
      code: "SIT001",
      file: "definitions/a.yml",
      line: 1,
      column: 14,
      message: "this double-quoted value is never closed",
    });
  });

  it("g. tags on lists and mappings are refused like tags on values", () => {
    const dir = project({ "definitions/a.yml": definition("a").replace("identifiers:\n  - user", "identifiers: !!python/object/apply [user]") });
    expectDiagnostic(dir, { code: "SIT001", file: "definitions/a.yml", line: 4, column: 14, message: 'unsupported YAML tag "!!python/object/apply"' });
  });
});

describe("10. every problem in one run", () => {
  it("reports a tracking class missing from the config in a file that has other errors too", () => {
    const dir = makeProject({
      "sit.config.yaml": CONFIG,
      "definitions/a.yml": `${definition("a").replace("tiers:\n  - free", "tiers: [gold]")}extra_trackers:\n  - tracking_class: Nope::Tracker\n`,
    });
    expectDiagnostic(dir, { code: "SIT013", file: "definitions/a.yml", line: 9, column: 9 });
    expectDiagnostic(dir, { code: "SIT023", file: "definitions/a.yml", line: 11, column: 21, message: 'tracking class "Nope::Tracker" is not configured' });
  });

  it("reports an unknown key, a missing module and an undefined default processor together", () => {
    const dir = makeProject({
      "sit.config.yaml": "colour: blue\nprocessors:\n  InternalEvents: { module: ./src/missing }\n  Broken: { modul: ./x }\ndefaultProcessors: [InternalEvents, Audit, Broken]\n",
      "definitions/a.yml": definition("a", "extra_trackers:\n  - tracking_class: Unknown\n"),
    });
    expectDiagnostic(dir, { code: "SIT041", file: "sit.config.yaml", line: 1, column: 1, message: "unknown key `colour`" });
    expectDiagnostic(dir, { code: "SIT041", file: "sit.config.yaml", line: 4, column: 13, message: "unknown key `modul`" });
    expectDiagnostic(dir, { code: "SIT042", file: "sit.config.yaml", line: 3, column: 29, message: 'module "./src/missing" of processor "InternalEvents" not found' });
    expectDiagnostic(dir, { code: "SIT041", file: "sit.config.yaml", line: 5, column: 37, message: 'default processor "Audit" is not defined in processors' });
    expectDiagnostic(dir, { code: "SIT023", file: "definitions/a.yml", line: 12, column: 21, message: 'tracking class "Unknown" is not configured' });
    // A processor with errors of its own is still defined: it is not reported missing as well.
    expect(runCli(["validate"], dir).stderr).not.toContain('"Broken" is not defined');
  });
});

describe("11. a closed stdout ends sit quietly", () => {
  it("prints no EPIPE stack trace when the reader stops early", () => {
    for (let run = 0; run < 15; run++) {
      const result = spawnSync("/bin/sh", ["-c", `"${process.execPath}" "${SIT_BIN}" --help | head -1`], { encoding: "utf8" });
      expect(result.stdout).toBe("Usage: sit [options] [command]\n");
      expect(result.stderr).toBe("");
    }
  });
});

describe("12. the config sets the severity of each warning", () => {
  const withWarnings = (setting: string) =>
    makeProject({ "sit.config.yaml": `${CONFIG}${setting}`, "src/p.ts": LOCAL_PROCESSOR, "definitions/renamed.yml": definition("a") });

  it("shows the config key in each warning's hint", () => {
    expectDiagnostic(withWarnings(""), {
      code: "SIT022",
      severity: "warning",
      file: "definitions/renamed.yml",
      line: 3,
      column: 9,
      hint: 'rename the file to a.yml; `warnings: { SIT022: off }` in sit.config.yaml silences it',
    });
  });

  it("hides a warning set to off", () => {
    expect(runCli(["validate"], withWarnings("warnings: { SIT022: off }\n"))).toEqual({ code: 0, stdout: "", stderr: "no problems (1 definition file checked)" });
  });

  it("makes a warning set to error stop generate", () => {
    const dir = withWarnings("warnings:\n  SIT022: error\n");
    expectDiagnostic(dir, { code: "SIT022", severity: "error", file: "definitions/renamed.yml", line: 3, column: 9 });
    expect(existsSync(join(dir, "generated"))).toBe(false);
  });

  it("accepts only warning codes and the three severities", () => {
    const dir = withWarnings("warnings:\n  SIT022: loud\n  SIT001: off\n");
    expectDiagnostic(dir, { code: "SIT041", file: "sit.config.yaml", line: 6, column: 11, message: "`warnings.SIT022` is \"loud\"; expected one of off, warning, error" });
    expectDiagnostic(dir, { code: "SIT041", file: "sit.config.yaml", line: 7, column: 3 });
  });
});
