import { spawnSync } from "node:child_process";
import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generate } from "../../src/index";
import { STRICT_FLAGS } from "../e2e/consumer-project";
import { enableTypeCheckOfGeneratedCode, makeProject, REPO_ROOT, runSit } from "../helpers/project";

const CORPUS = join(REPO_ROOT, "test", "corpus", "gitlab");

function definitionFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? definitionFiles(join(folder, entry.name)) : entry.name.endsWith(".yml") ? [join(folder, entry.name)] : [],
  );
}

describe("GitLab's own event definitions", () => {
  const files = definitionFiles(join(CORPUS, "definitions"));
  const internal = files.filter((file) => /^internal_events: true$/m.test(readFileSync(file, "utf8")));

  it("holds the several hundred files of the shared corpus, removed ones included", () => {
    expect(files.length).toBe(730);
    expect(files.filter((file) => file.includes("/removed/")).length).toBe(17);
  });

  it("validates with warnings at most and generates one function per internal event", () => {
    const result = generate({ cwd: CORPUS });
    expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
    const events = result.files.find((file) => file.path === "index.ts")!.content;
    const functions = events.match(/^export function track(?!Event\b)\w+\(/gm) ?? [];
    expect(functions.length).toBe(internal.length);
    expect(internal.length).toBe(415);
  });

  it("generates exactly the committed SDK, so a change of sit that changes GitLab's output shows as a diff", () => {
    const result = generate({ cwd: CORPUS });
    const committed = join(CORPUS, "generated");
    expect(readdirSync(committed).sort()).toEqual(result.files.map((file) => file.path));
    for (const file of result.files) expect(file.content === readFileSync(join(committed, file.path), "utf8")).toBe(true);
  });

  it("type-checks the generated SDK under strict flags, run through the real CLI", () => {
    const project = makeProject({});
    cpSync(CORPUS, project, { recursive: true });
    const generated = runSit(["generate"], project);
    expect(generated.code).toBe(0);
    enableTypeCheckOfGeneratedCode(join(project, "generated"));
    writeFileSync(
      join(project, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { ...STRICT_FLAGS, types: [], module: "nodenext", moduleResolution: "nodenext", noEmit: true },
        include: ["generated", "processors.ts"],
      }),
    );
    const tsc = spawnSync(process.execPath, [join(REPO_ROOT, "node_modules/typescript/bin/tsc"), "-p", project], { encoding: "utf8" });
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.status).toBe(0);
  });
});
