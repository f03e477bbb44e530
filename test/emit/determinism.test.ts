import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { makeProject, REPO_ROOT, runSit } from "../helpers/project";

const SOURCE = join(REPO_ROOT, "test", "fixtures", "trackers");

function filesOf(folder: string, prefix = ""): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = `${prefix}${entry.name}`;
    if (entry.isDirectory()) Object.assign(files, filesOf(join(folder, entry.name), `${path}/`));
    else files[path] = readFileSync(join(folder, entry.name), "utf8");
  }
  return files;
}

/** Returns the entries in a different, seeded order each time: files get created in that order. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const result = [...items];
  let state = seed;
  for (let index = result.length - 1; index > 0; index--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const other = state % (index + 1);
    [result[index], result[other]] = [result[other]!, result[index]!];
  }
  return result;
}

describe("deterministic output", () => {
  it("is byte-identical whatever the file creation order, locale and time zone", () => {
    const source = Object.entries(filesOf(SOURCE)).filter(([path]) => !path.startsWith("generated/"));
    const outputs = [1, 2, 3].map((seed) => {
      const project = makeProject(Object.fromEntries(shuffled(source, seed)));
      const env = [{ LC_ALL: "C", TZ: "UTC" }, { LC_ALL: "tr_TR.UTF-8", TZ: "Asia/Kolkata" }, { LC_ALL: "de_DE.UTF-8", TZ: "America/Lima" }][seed - 1]!;
      expect(runSit(["generate"], project, env).code).toBe(0);
      return filesOf(join(project, "generated"));
    });
    expect(Object.keys(outputs[0]!).sort()).toEqual(["catalog.ts", "checks.ts", "core.ts", "index.ts", "runtime.ts", "validation.ts"]);
    expect(outputs[1]).toEqual(outputs[0]);
    expect(outputs[2]).toEqual(outputs[0]);
  });
});
