import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { cacheEntryPath } from "../../src/cache/fast-path-cache";
import { commitChanges, git } from "../governance/git-project";
import { runCli } from "../helpers/project";
import { definitionPath, freshClone, teamRepository } from "./team-repository";

/**
 * What a colleague or CI starts from is a fresh clone: no cache of sit's and every file's mtime new.
 * `sit generate --check` must pass there on a committed, up-to-date SDK, by comparing contents.
 */

const UP_TO_DATE = { code: 0, stdout: "", stderr: "generated/ is up to date" };

/** A clone with the empty node_modules/ that installing dependencies leaves: sit's cache would go there, and there is none yet. */
function cloneWithoutCache(root: string): string {
  const clone = freshClone(root);
  mkdirSync(join(clone, "node_modules"));
  expect(existsSync(cacheEntryPath({ rootDir: clone, outputDir: join(clone, "generated") }))).toBe(false);
  return clone;
}

describe("a fresh clone of a repository that commits the SDK", () => {
  it("passes --check without a cache, and generate leaves nothing to commit", () => {
    const clone = cloneWithoutCache(teamRepository());

    expect(runCli(["generate", "--check"], clone)).toEqual(UP_TO_DATE);
    // The full comparison recorded what it found, so the next check may take the fast path.
    expect(existsSync(cacheEntryPath({ rootDir: clone, outputDir: join(clone, "generated") }))).toBe(true);
    expect(runCli(["generate"], clone).code).toBe(0);
    expect(git(clone, "status", "--porcelain")).toBe("");
  });

  it("passes --check after a commit that only added comments and reordered keys in a definition", () => {
    const root = teamRepository();
    const path = definitionPath("open_help");
    const [first, ...rest] = readFileSync(join(root, path), "utf8").trimEnd().split("\n");
    commitChanges(root, { [path]: `# Owned by analytics instrumentation: ask in #g_analyze\n${rest.join("\n")}\n${first}  # moved last\n` }, "comment open_help");
    expect(git(root, "diff", "--name-only", "HEAD~", "HEAD")).toBe(`${path}\n`);

    const clone = cloneWithoutCache(root);
    expect(runCli(["generate", "--check"], clone)).toEqual(UP_TO_DATE);
    expect(runCli(["generate", "--check", "--no-cache"], clone)).toEqual(UP_TO_DATE);
  });

  it("fails --check in a fresh clone when a commit changed a definition but not the SDK", () => {
    const root = teamRepository();
    const path = definitionPath("open_help");
    commitChanges(root, { [path]: readFileSync(join(root, path), "utf8").replace("  - free", "  - premium") }, "open_help: premium only");

    const result = runCli(["generate", "--check"], cloneWithoutCache(root));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("generated/catalog.ts");
  });
});
