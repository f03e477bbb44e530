import { spawnSync } from "node:child_process";
import { shellWord } from "../text/shell-word";
import { terminalSafe } from "../text/terminal-text";

/** A git answer, or why there is none, worded for the user. */
export type GitResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string; readonly hint?: string };

/** One file of a commit's tree. */
export interface TreeFile {
  /** Relative to the repository's top folder, `/`-separated. */
  readonly path: string;
  readonly objectId: string;
  /** `100644`, `100755` (files), `120000` (symbolic links). */
  readonly mode: string;
}

/** The top folder of the git work tree that holds `folder`. */
export function findWorkTree(folder: string): GitResult<string> {
  const result = runGit(folder, ["rev-parse", "--show-toplevel"]);
  if (!result.ok) {
    return /not a git repository/i.test(result.message)
      ? { ok: false, message: `not a git repository: ${terminalSafe(folder)}`, hint: "sit diff reads the other revision with git; run it inside a clone" }
      : result;
  }
  return { ok: true, value: result.value.toString("utf8").trim() };
}

/**
 * The commit `ref` names (a branch, tag, `HEAD~2`, a hash…). `<ref>...` names where HEAD's branch
 * forked from `ref`, as in `git diff <ref>...`: a branch is then compared with what it started
 * from, not with events its target gained since.
 */
export function resolveCommit(workTree: string, ref: string): GitResult<string> {
  // A ref starting with `-` would be read as an option.
  if (ref === "" || ref.startsWith("-")) return { ok: false, message: `"${terminalSafe(ref)}" is not a git revision` };
  const forkedFrom = /^(.+?)\.\.\.(?:HEAD)?$/.exec(ref)?.[1];
  if (forkedFrom !== undefined) {
    const target = resolveCommit(workTree, forkedFrom);
    if (!target.ok) return target;
    const base = runGit(workTree, ["merge-base", target.value, "HEAD"]);
    if (!base.ok) {
      return {
        ok: false,
        message: `${terminalSafe(forkedFrom)} and HEAD have no common ancestor here`,
        hint: "a shallow clone lacks it: fetch more history (`git fetch --unshallow`, or a larger --depth)",
      };
    }
    return { ok: true, value: base.value.toString("utf8").trim() };
  }
  const result = runGit(workTree, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  if (!result.ok) {
    return {
      ok: false,
      message: `unknown revision "${terminalSafe(ref)}": no commit by that name in ${terminalSafe(workTree)}`,
      hint: ref.includes("/")
        ? `fetch it first (e.g. \`git fetch origin ${terminalSafe(shellWord(ref.slice(ref.indexOf("/") + 1)))}\`); shallow CI clones hold only the current branch`
        : "name a branch, tag or commit that exists locally (`git branch -a` lists them)",
    };
  }
  return { ok: true, value: result.value.toString("utf8").trim() };
}

/** Every file under `folder` (relative to the top folder; "" for all) in `commit`, recursively. */
export function listTree(workTree: string, commit: string, folder: string): GitResult<TreeFile[]> {
  const result = runGit(workTree, ["ls-tree", "-r", "-z", "--full-tree", commit, ...(folder === "" ? [] : ["--", folder])]);
  if (!result.ok) return result;
  const files: TreeFile[] = [];
  // Each record: `<mode> SP <type> SP <object> TAB <path> NUL`; -z leaves paths unquoted.
  for (const record of result.value.toString("utf8").split("\0")) {
    const tab = record.indexOf("\t");
    if (tab < 0) continue;
    const [mode, type, objectId] = record.slice(0, tab).split(" ");
    if (type !== "blob" || mode === undefined || objectId === undefined) continue;
    files.push({ path: record.slice(tab + 1), objectId, mode });
  }
  return { ok: true, value: files };
}

/**
 * The contents of many objects through one `git cat-file --batch` process. `names` are object ids
 * or `<commit>:<path>`; a name that names no blob gives `undefined`.
 */
export function readBlobs(workTree: string, names: readonly string[]): GitResult<(Buffer | undefined)[]> {
  if (names.length === 0) return { ok: true, value: [] };
  const result = runGit(workTree, ["cat-file", "--batch"], `${names.join("\n")}\n`);
  if (!result.ok) return result;
  const output = result.value;
  const blobs: (Buffer | undefined)[] = [];
  let offset = 0;
  for (let index = 0; index < names.length; index++) {
    const lineEnd = output.indexOf(10, offset);
    if (lineEnd < 0) return { ok: false, message: "git cat-file --batch ended early" };
    // `<object> <type> <size>`, or `<name> missing` / `<name> ambiguous`.
    const header = output.toString("utf8", offset, lineEnd).split(" ");
    offset = lineEnd + 1;
    const size = Number(header[2]);
    if (header.length !== 3 || !Number.isInteger(size)) {
      blobs.push(undefined);
      continue;
    }
    blobs.push(header[1] === "blob" ? output.subarray(offset, offset + size) : undefined);
    offset += size + 1;
  }
  return { ok: true, value: blobs };
}

function runGit(cwd: string, args: readonly string[], input?: string): GitResult<Buffer> {
  const result = spawnSync("git", args, {
    cwd,
    input,
    maxBuffer: 1024 * 1024 * 1024,
    // Never wait for credentials or a pager; messages are parsed in English.
    env: { ...process.env, GIT_TERMINAL_PROMPT: "0", GIT_PAGER: "cat", LC_ALL: "C" },
  });
  if (result.error !== undefined) {
    const code = (result.error as NodeJS.ErrnoException).code;
    return code === "ENOENT"
      ? { ok: false, message: "git is not installed (or not on PATH)", hint: "sit diff reads the other revision with git" }
      : { ok: false, message: `git ${args[0] ?? ""} failed: ${result.error.message}` };
  }
  if (result.status !== 0) {
    const stderr = result.stderr
      .toString("utf8")
      .trim()
      .replace(/^(fatal|error): /, "");
    return { ok: false, message: stderr === "" ? `git ${args[0] ?? ""} exited with code ${String(result.status)}` : stderr };
  }
  return { ok: true, value: result.stdout };
}
