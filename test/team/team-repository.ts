import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { commitChanges, git, gitProject } from "../governance/git-project";
import { definition, makeProject, runCli } from "../helpers/project";

/**
 * A team's repository as docs/ci.md tells teams to keep it: the definitions, the config, a local
 * processor module and the generated SDK, all committed; node_modules ignored (sit's cache lives there).
 */

/** The base plan: twenty events, in sorted order, so tests can pick events that are not neighbours. */
export const BASE_ACTIONS = [
  "accept_invite",
  "browse_catalog",
  "cancel_order",
  "create_snippet",
  "delete_snippet",
  "edit_profile",
  "fork_snippet",
  "give_feedback",
  "hide_banner",
  "import_project",
  "join_group",
  "keep_session",
  "leave_group",
  "merge_request",
  "open_help",
  "pin_snippet",
  "quit_editor",
  "rename_file",
  "search_snippets",
  "toggle_theme",
] as const;

export const CONFIG = `definitions: definitions
output: generated
processors:
  InternalEvents: { module: ./src/tracking, export: InternalEvents }
  Team::AuditLog: { module: ./src/tracking, export: AuditLog }
defaultProcessors: [InternalEvents]
`;

const TRACKING_MODULE = `export const InternalEvents = { trackEvent(eventName: string, payload: object): void { console.log(eventName, payload); } };
export const AuditLog = { trackEvent(eventName: string, payload: object): void { console.log("audit", eventName, payload); } };
`;

/** Properties of every third event, and an extra tracker with a protected property on every fifth: the shapes an SDK mixes. */
function baseDefinition(action: string, index: number): string {
  const properties =
    index % 3 === 0
      ? `additional_properties:
  label:
    description: where it happened
    enum: [web, api]
  value:
    description: how many
    type: integer
`
      : "";
  const trackers =
    index % 5 === 0
      ? `extra_trackers:
  - tracking_class: Team::AuditLog
    protected_properties:
      actor_ip:
        description: the address the request came from
`
      : "";
  return definition(action, `${properties}${trackers}`);
}

export const definitionPath = (action: string): string => `definitions/${action}.yml`;

/** A definition the base plan does not have, or a base one changed: an integer property added. */
export const definitionWithProperty = (action: string, property: string): string =>
  definition(action, `additional_properties:\n  ${property}:\n    description: a property added on a branch\n    type: integer\n`);

const BASE_FILES: Readonly<Record<string, string>> = {
  ".gitignore": "node_modules/\n",
  "sit.config.yaml": CONFIG,
  "src/tracking.ts": TRACKING_MODULE,
  ...Object.fromEntries(BASE_ACTIONS.map((action, index) => [definitionPath(action), baseDefinition(action, index)])),
};

/** Runs `sit generate` (in process, as bin/sit does) and fails the test with sit's output if it does not succeed. */
export function generateOrThrow(root: string): void {
  const result = runCli(["generate"], root);
  if (result.code !== 0) throw new Error(`sit generate exited with ${result.code}:\n${result.stdout}\n${result.stderr}`);
}

/** The repository on branch `main`, with the base plan's SDK generated and committed; an empty node_modules/ keeps sit's cache inside it. */
export function teamRepository(): string {
  const root = gitProject(BASE_FILES);
  mkdirSync(join(root, "node_modules"), { recursive: true });
  generateOrThrow(root);
  commitChanges(root, {}, "sit generate");
  return root;
}

/** On a new branch from `from`: writes `files` (`null` deletes), regenerates and commits both, as a merge request would. */
export function commitOnBranch(root: string, branch: string, from: string, files: Readonly<Record<string, string | null>>): void {
  git(root, "switch", "--quiet", "--create", branch, from);
  commitChanges(root, files, `${branch}: definitions`);
  generateOrThrow(root);
  commitChanges(root, {}, `${branch}: sit generate`);
}

export interface MergeResult {
  readonly clean: boolean;
  /** Files git left with conflict markers. */
  readonly conflicts: readonly string[];
  readonly output: string;
}

/** Checks out `into` and merges `branch` into it with git's default strategy, as a merge button would. */
export function mergeBranch(root: string, into: string, branch: string): MergeResult {
  git(root, "switch", "--quiet", into);
  const merge = spawnSync("git", ["merge", "--no-edit", branch], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, GIT_AUTHOR_DATE: "2026-01-02T00:00:00Z", GIT_COMMITTER_DATE: "2026-01-02T00:00:00Z" },
  });
  const conflicts = git(root, "diff", "--name-only", "--diff-filter=U").split("\n").filter((line) => line !== "");
  return { clean: merge.status === 0, conflicts, output: `${merge.stdout}${merge.stderr}` };
}

/** `git clone` of the repository into a new temporary folder: what a colleague or CI starts from. */
export function freshClone(root: string): string {
  const clone = join(makeProject({}), "clone");
  git(root, "clone", "--quiet", root, clone);
  return clone;
}
