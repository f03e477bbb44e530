import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { makeProject, REPO_ROOT, runCli } from "../helpers/project";

/**
 * Reads docs/diagnostics.md, whose examples are runnable: in a section, a ```yaml (or ```json)
 * block whose info string names a path is a file of the example project, a ```sh block prepares
 * it (runs in the project with bash), and a ```console block starts with `$ npx sit <args>`
 * followed by exactly what sit prints on stderr.
 */
export const DOC_PATH = join(REPO_ROOT, "docs", "diagnostics.md");

export interface DocSection {
  readonly heading: string;
  readonly body: string;
  readonly files: Readonly<Record<string, string>>;
  readonly setup: readonly string[];
  readonly commands: readonly { readonly args: readonly string[]; readonly cwd: string; readonly output: string }[];
}

export function readDoc(): string {
  return readFileSync(DOC_PATH, "utf8");
}

/** `## ` sections of the document, with their example blocks. */
export function docSections(doc: string): DocSection[] {
  const parts = doc.split(/^## /m).slice(1);
  return parts.map((part) => {
    const heading = part.slice(0, part.indexOf("\n"));
    const files: Record<string, string> = {};
    const setup: string[] = [];
    const commands: { args: string[]; cwd: string; output: string }[] = [];
    for (const match of part.matchAll(/^```(\w+)([^\n]*)\n([\s\S]*?)^```$/gm)) {
      const [, language, info, content] = match as unknown as [string, string, string, string];
      const path = info.trim();
      if ((language === "yaml" || language === "json") && path !== "") files[path] = content;
      else if (language === "sh") setup.push(content);
      else if (language === "console") {
        const [command, ...output] = content.replace(/\n$/, "").split("\n");
        const parsed = /^\$ (?:cd (\S+) && )?npx sit (.*)$/.exec(command ?? "");
        if (parsed === null) throw new Error(`${heading}: a console block must start with "$ npx sit ...", not ${JSON.stringify(command)}`);
        commands.push({ cwd: parsed[1] ?? ".", args: parsed[2]!.split(" "), output: output.join("\n") });
      }
    }
    return { heading, body: part, files, setup, commands };
  });
}

/**
 * Where a section's example runs: a project with a definitions/ folder, the section's files, the
 * intro's config unless the section has its own, then the section's setup.
 */
export function exampleProject(section: DocSection, defaultConfig: string): string {
  const hasConfig = Object.keys(section.files).some((path) => /(^|\/)sit\.config\.(yaml|yml|json)$/.test(path));
  const project = makeProject({ ...(hasConfig ? {} : { "sit.config.yaml": defaultConfig }), ...section.files });
  mkdirSync(join(project, "definitions"), { recursive: true });
  for (const script of section.setup) execFileSync("bash", ["-euc", script], { cwd: project });
  return project;
}

/** What a command of the section prints on stderr, to compare with the block. */
export function runExample(project: string, command: DocSection["commands"][number]): string {
  return runCli(command.args, join(project, command.cwd)).stderr;
}
