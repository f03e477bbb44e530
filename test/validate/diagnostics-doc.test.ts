import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DIAGNOSTIC_CODES } from "../../src/index";
import { makeProject, REPO_ROOT, runCli } from "../helpers/project";
import { docSections, exampleProject, readDoc, runExample } from "./doc-examples";

const doc = readDoc();
const sections = docSections(doc);
const codeSections = sections.filter((section) => /^SIT\d{3} /.test(section.heading));
const defaultConfig = /^```yaml sit\.config\.yaml\n([\s\S]*?)^```$/m.exec(doc.slice(0, doc.indexOf("\n## ")))![1]!;

describe("docs/diagnostics.md", () => {
  it("has one section per code of DIAGNOSTIC_CODES, in order, with its title and fix, and no other code", () => {
    expect(codeSections.map((section) => section.heading)).toEqual(Object.entries(DIAGNOSTIC_CODES).map(([code, { title }]) => `${code} — ${title}`));
    for (const section of codeSections) {
      const code = section.heading.slice(0, 6) as keyof typeof DIAGNOSTIC_CODES;
      expect(section.body).toContain(`\n**Fix:** ${DIAGNOSTIC_CODES[code].fix}\n`);
    }
    const mentioned = new Set(doc.match(/SIT\d{3}/g));
    expect([...mentioned].filter((code) => !(code in DIAGNOSTIC_CODES))).toEqual([]);
  });

  it.each(codeSections.map((section) => [section.heading, section] as const))("shows what sit prints for %s", (_, section) => {
    expect(section.commands.length).toBeGreaterThan(0);
    const project = exampleProject(section, defaultConfig);
    for (const command of section.commands) {
      const printed = runExample(project, command);
      expect(printed).toBe(command.output);
      // The example is about its own code: the code appears in what it prints.
      expect(printed).toContain(` ${section.heading.slice(0, 6)}: `);
    }
  });
});

describe("the GitLab corpus section", () => {
  const section = sections.find((candidate) => candidate.heading === "GitLab corpus")!;
  const command = section.commands[0]!;

  it("validates the corpus without a problem once its config switches off the warnings about GitLab's own files", () => {
    expect(command.cwd).toBe("test/corpus/gitlab");
    const result = runCli(command.args, join(REPO_ROOT, command.cwd));
    expect(result).toEqual({ code: 0, stdout: "", stderr: command.output });
  });

  it("counts the warnings per code as the table says when the setting is taken out", () => {
    const corpus = makeProject({});
    cpSync(join(REPO_ROOT, "test", "corpus", "gitlab"), corpus, { recursive: true });
    const config = readFileSync(join(corpus, "sit.config.yaml"), "utf8");
    writeFileSync(join(corpus, "sit.config.yaml"), config.slice(0, config.indexOf("\nwarnings:") + 1));
    const result = runCli(["validate"], corpus);
    expect(result.code).toBe(0);
    expect(result.stderr).not.toMatch(/ error SIT/);
    const table = Object.fromEntries([...section.body.matchAll(/^\| (SIT\d{3}) \| (\d+) \|/gm)].map(([, code, count]) => [code, Number(count)]));
    const counted: Record<string, number> = {};
    for (const [, code] of result.stderr.matchAll(/^\S+ warning (SIT\d{3}): /gm)) counted[code!] = (counted[code!] ?? 0) + 1;
    expect(counted).toEqual(table);
    expect(result.stderr).toMatch(/^\S+ warning SIT022: .*\n  hint: rename the file to \S+\.yml; `warnings: \{ SIT022: off \}` in sit\.config\.yaml silences it$/m);
  });
});
