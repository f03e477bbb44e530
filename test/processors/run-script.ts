import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSync } from "esbuild";

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

export interface ScriptRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** From spawn to exit. */
  readonly elapsedMs: number;
}

/**
 * Bundles a script of test/processors/scripts/ (TypeScript, importing sit's sources) with esbuild
 * and runs it in its own Node.js process, so that it is measured and exits on its own terms.
 */
export function runScript(name: string, args: readonly string[], nodeFlags: readonly string[] = []): Promise<ScriptRun> {
  const folder = mkdtempSync(join(tmpdir(), "sit-script-"));
  folders.push(folder);
  const outfile = join(folder, `${name}.js`);
  buildSync({ entryPoints: [join(__dirname, "scripts", `${name}.ts`)], bundle: true, platform: "node", target: "node20", format: "cjs", outfile, logLevel: "error" });
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...nodeFlags, outfile, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => resolve({ code, stdout, stderr, elapsedMs: performance.now() - started }));
  });
}
