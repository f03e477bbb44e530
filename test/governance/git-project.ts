import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { makeProject, writeFiles } from "../helpers/project";

/** Runs git in `root` with a fixed identity and dates, so every commit is reproducible. */
export function git(root: string, ...args: string[]): string {
  return execFileSync("git", args, {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, GIT_AUTHOR_DATE: "2026-01-01T00:00:00Z", GIT_COMMITTER_DATE: "2026-01-01T00:00:00Z" },
  });
}

/** A temporary git repository holding `files`, committed once as "base". */
export function gitProject(files: Readonly<Record<string, string>>): string {
  const root = makeProject(files);
  git(root, "init", "--quiet", "--initial-branch=main");
  git(root, "config", "user.name", "sit tests");
  git(root, "config", "user.email", "sit-tests@example.com");
  git(root, "config", "commit.gpgsign", "false");
  commitAll(root, "base");
  return root;
}

/** Writes `files` (`null` deletes one), then commits everything as `message`. */
export function commitChanges(root: string, files: Readonly<Record<string, string | null>>, message = "change"): void {
  applyChanges(root, files);
  commitAll(root, message);
}

/** Writes `files` into the working tree (`null` deletes one) without committing. */
export function applyChanges(root: string, files: Readonly<Record<string, string | null>>): void {
  const written: Record<string, string> = {};
  for (const [path, content] of Object.entries(files)) {
    if (content === null) rmSync(join(root, path), { force: true });
    else written[path] = content;
  }
  writeFiles(root, written);
}

function commitAll(root: string, message: string): void {
  git(root, "add", "--all");
  git(root, "commit", "--quiet", "--allow-empty", "-m", message);
}
