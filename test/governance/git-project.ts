import { execFileSync } from "node:child_process";
import { cpSync, rmSync } from "node:fs";
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

const templates = new Map<Readonly<Record<string, string>>, string>();

/**
 * A temporary git repository holding `files`, committed once as "base". The first repository
 * made from one `files` object is copied for the next ones: a copy is faster than five git runs.
 */
export function gitProject(files: Readonly<Record<string, string>>): string {
  const template = templates.get(files);
  if (template !== undefined) {
    const root = makeProject({});
    cpSync(template, root, { recursive: true });
    return root;
  }
  const root = makeProject(files);
  git(root, "init", "--quiet", "--initial-branch=main");
  git(root, "config", "user.name", "sit tests");
  git(root, "config", "user.email", "sit-tests@example.com");
  git(root, "config", "commit.gpgsign", "false");
  commitAll(root, "base");
  const copy = makeProject({});
  cpSync(root, copy, { recursive: true });
  templates.set(files, copy);
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
