import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { main } from "../../src/cli/main";

export const REPO_ROOT = resolve(__dirname, "..", "..");
export const SIT_BIN = join(REPO_ROOT, "bin", "sit.js");
/** The runtime package (processors and matchers), a workspace of the repository. */
export const RUNTIME_ROOT = join(REPO_ROOT, "packages", "runtime");

const created: string[] = [];
afterAll(() => {
  for (const folder of created.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A temporary project folder holding `files` (path → content); removed after the test file. */
export function makeProject(files: Readonly<Record<string, string>>): string {
  const root = mkdtempSync(join(tmpdir(), "sit-test-"));
  created.push(root);
  writeFiles(root, files);
  return root;
}

export function writeFiles(root: string, files: Readonly<Record<string, string>>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in this process (fast): same code path as `bin/sit`, output captured. */
export function runCli(args: readonly string[], cwd: string): CliResult {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(args, { out: (text) => out.push(text), err: (text) => err.push(text) }, cwd);
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

/** Runs the real `bin/sit` (built into dist/ by `npm test`) as a separate process. */
export function runSit(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): CliResult {
  const result = spawnSync(process.execPath, [SIT_BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, ...env } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A minimal internal event definition; `extra` is appended as YAML. */
export function definition(action: string, extra = ""): string {
  return `description: ${action} happened
internal_events: true
action: ${action}
identifiers:
  - user
product_group: analytics_instrumentation
milestone: '18.0'
introduced_by_url: https://gitlab.com/gitlab-org/gitlab/-/merge_requests/1
tiers:
  - free
${extra}`;
}

/**
 * The generated index.ts tells TypeScript not to check it in users' builds (its `@ts-nocheck`
 * line); sit's own tests must check it in full, so they take that line out first.
 */
export function enableTypeCheckOfGeneratedCode(outputDir: string): void {
  const path = join(outputDir, "index.ts");
  const text = readFileSync(path, "utf8");
  const checked = text.replace(/^\/\/ @ts-nocheck\b/m, "// ts-nocheck taken out by sit's tests");
  if (checked === text) throw new Error(`${path} has no @ts-nocheck line to take out`);
  writeFileSync(path, checked);
}
