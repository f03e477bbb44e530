import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { join } from "node:path";
import { REPO_ROOT } from "../helpers/project";
import { frozenCli } from "../watch/watch-process";
import { inspectedProject } from "./inspected-project";

/**
 * docs/inspect.md's end-to-end CI job, run as GitHub Actions runs a step (`bash -e`), with the
 * end-to-end tests replaced by one request: the job fails when a bad event arrived, and only then.
 */

/** The shell script of the GitHub Actions example: the lines of its `run: |` block. */
function documentedJob(): string {
  const markdown = readFileSync(join(REPO_ROOT, "docs", "inspect.md"), "utf8");
  const block = /```yaml\n# GitHub Actions\n([\s\S]*?)```/.exec(markdown)?.[1];
  const script = block?.split("- run: |\n")[1];
  if (script === undefined) throw new Error("docs/inspect.md has no GitHub Actions job with a `run: |` step");
  return script.replace(/^ {4}/gm, "");
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function runJob(event: string): Promise<{ code: number | null; log: string; output: string }> {
  const project = inspectedProject();
  mkdirSync(join(project, "node_modules", ".bin"), { recursive: true });
  symlinkSync(frozenCli(), join(project, "node_modules", ".bin", "sit"));
  const port = await freePort();
  const tests = `curl -sf -X POST http://127.0.0.1:${port}/v1/events -d '{"events":[${event}]}' > /dev/null`;
  const script = documentedJob()
    .replace("sit inspect --fail-on-bad", `sit inspect --port ${port} --fail-on-bad`)
    .replaceAll("127.0.0.1:9190", `127.0.0.1:${port}`)
    .replace("npm run test:e2e", tests);
  expect(script).toContain(tests);
  const job = spawnSync("bash", ["-e", "-c", script], { cwd: project, encoding: "utf8", timeout: 60_000 });
  return { code: job.status, log: readFileSync(join(project, "inspect.log"), "utf8"), output: job.stderr };
}

describe("the end-to-end CI job of docs/inspect.md", () => {
  it("fails when the application sent a bad event, and says which", async () => {
    const job = await runJob('{"event":"create_snippet","project":42,"user":"u1","additionalProperties":{"colour":"red"}}');
    expect(job.code).toBe(1);
    expect(job.log).toMatch(/ bad {5}create_snippet {16}http {7}property colour is not declared$/m);
    expect(job.output).toContain("Exit code 1 (--fail-on-bad): an event was bad.");
  });

  it("passes when every event was good", async () => {
    const job = await runJob('{"event":"create_snippet","project":42,"user":"u1","additionalProperties":{"language":"ts"}}');
    expect(job.code).toBe(0);
    expect(job.output).toContain("sit inspect: 1 event received, 1 good, 0 bad.");
  });
});
