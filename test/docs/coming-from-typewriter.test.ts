import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runTsc, STRICT_FLAGS, writeJson } from "../e2e/consumer-project";
import { enableTypeCheckOfGeneratedCode, makeProject, REPO_ROOT, runCli } from "../helpers/project";
import { docSections } from "../validate/doc-examples";

/**
 * docs/coming-from-typewriter.md walks through an import: its plan, run in a project `sit init`
 * started, prints what the page shows, writes the definition it shows, and its TypeScript compiles.
 */
const page = readFileSync(join(REPO_ROOT, "docs", "coming-from-typewriter.md"), "utf8");
const sections = docSections(page);
const files = Object.assign({}, ...sections.map((section) => section.files)) as Record<string, string>;
const commands = sections.flatMap((section) => section.commands);
const block = (language: string): string => new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\`$`, "m").exec(page)![1]!;

describe("docs/coming-from-typewriter.md", () => {
  let project: string;
  beforeAll(() => {
    project = makeProject(files);
    expect(runCli(["init"], project).code).toBe(0);
  });

  it("shows what sit prints at each step", () => {
    expect(Object.keys(files)).toEqual(["plan.json"]);
    expect(commands.map((command) => command.args.join(" "))).toEqual(["import typewriter plan.json", "import typewriter plan.json --lossy", "generate"]);
    for (const command of commands) expect(runCli(command.args, join(project, command.cwd)).stderr).toBe(command.output);
  });

  it("shows the definition the import writes", () => {
    expect(readFileSync(join(project, "definitions", "order_completed.yml"), "utf8")).toBe(block("yaml"));
  });

  it("calls the SDK as its TypeScript example does, under strict settings", async () => {
    enableTypeCheckOfGeneratedCode(join(project, "generated"));
    // init's processor imports sit-tracking, which this temporary project does not install.
    writeFileSync(join(project, "src", "tracking", "internal-events.ts"), "export const InternalEvents = { trackEvent(): void {} };\n");
    writeFileSync(join(project, "app.ts"), block("ts"));
    writeJson(join(project, "tsconfig.json"), {
      compilerOptions: { ...STRICT_FLAGS, types: [], module: "nodenext", moduleResolution: "nodenext", noEmit: true },
      include: ["generated", "src", "app.ts"],
    });
    const compiled = await runTsc(project);
    expect(compiled.output).toBe("");
    expect(compiled.code).toBe(0);
  });
});
