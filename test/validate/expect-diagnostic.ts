import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { DiagnosticCode, Severity } from "../../src/index";
import { runCli, SIT_BIN, type CliResult } from "../helpers/project";

/** A config that names every tracking class the tests use, so only the problem under test is reported. */
export const CONFIG = `processors:
  InternalEvents: { module: "@acme/tracking", export: InternalEvents }
  Gitlab::Tracking::AiTracking: { module: "@acme/tracking", export: AiTracking }
defaultProcessors: [InternalEvents]
`;

export interface JsonDiagnostic {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly severity: Severity;
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly hint: string | null;
}

export interface ExpectedDiagnostic {
  readonly code: DiagnosticCode;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly severity?: Severity;
  /** A substring of the message, or a pattern it matches. */
  readonly message?: string | RegExp;
  readonly hint?: string | RegExp;
}

export interface ExpectOptions {
  /** Extra arguments for `sit validate` (`--strict`, `--gitlab-strict`, `--config x`). */
  readonly args?: readonly string[];
  /** Defaults to 1 for an error, 0 for a warning. */
  readonly exitCode?: number;
  /** runCli (in process) by default; runSit to go through the real binary. */
  readonly run?: (args: readonly string[], cwd: string) => CliResult;
}

/**
 * Runs the real binary as an unprivileged user when the tests run as root (root reads files whatever
 * their mode, so only another user sees a permission error); as the current user otherwise.
 */
export function runSitUnprivileged(args: readonly string[], cwd: string): CliResult {
  const user = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  const result = spawnSync(process.execPath, [SIT_BIN, ...args], { cwd, encoding: "utf8", ...user });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Diagnostic lines of a run: stderr without the closing summary line. */
export const diagnosticLines = (stderr: string): string[] => stderr.split("\n").filter((line) => line !== "").slice(0, -1);

/**
 * Runs `sit validate --json` and `sit validate` in `project` and asserts `expected` is among the
 * diagnostics with the exit code; then runs `sit generate` (with the same --config, if any) and
 * asserts it prints the very same diagnostic lines and, when there is an error, writes nothing.
 * Returns every diagnostic of the run.
 */
export function expectDiagnostic(project: string, expected: ExpectedDiagnostic, options: ExpectOptions = {}): JsonDiagnostic[] {
  const run = options.run ?? runCli;
  const args = options.args ?? [];
  const severity = expected.severity ?? "error";
  const exitCode = options.exitCode ?? (severity === "error" || args.includes("--strict") ? 1 : 0);

  const json = run(["validate", "--json", ...args], project);
  const diagnostics = (JSON.parse(json.stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics;
  expect(diagnostics).toContainEqual(
    expect.objectContaining({
      code: expected.code,
      file: expected.file,
      line: expected.line,
      column: expected.column,
      severity: args.includes("--strict") ? "error" : severity,
      ...(expected.message === undefined ? {} : { message: matcher(expected.message) }),
      ...(expected.hint === undefined ? {} : { hint: matcher(expected.hint) }),
    }),
  );
  expect(json.code).toBe(exitCode);
  expect(json.stderr).toBe("");

  const text = run(["validate", ...args], project);
  expect(text.code).toBe(exitCode);
  const position = expected.line > 0 ? `${expected.file}:${expected.line}:${expected.column}` : expected.file;
  expect(text.stderr).toContain(`${position}: ${args.includes("--strict") ? "error" : severity} ${expected.code}: `);
  expect(text.stderr).not.toMatch(/^\s+at .*:\d+:\d+\)?$/m);

  // generate checks what validate checks, except the opt-in --strict and --gitlab-strict.
  if (!args.includes("--strict") && !args.includes("--gitlab-strict")) {
    const configIndex = args.indexOf("--config");
    const configArgs = configIndex >= 0 ? ["--config", args[configIndex + 1]!] : [];
    const generated = run(["generate", ...configArgs], project);
    expect(diagnosticLines(generated.stderr)).toEqual(diagnosticLines(text.stderr));
    // A warning beside errors elsewhere stops generate like an error.
    if (severity === "error" || exitCode !== 0) {
      expect(generated.code).toBe(exitCode);
      expect(generated.stderr).toMatch(/nothing written\n?$/);
      expect(existsSync(join(project, "generated"))).toBe(false);
    } else {
      expect(generated.code).toBe(0);
    }
  }
  return diagnostics;
}

const matcher = (expected: string | RegExp): unknown => (typeof expected === "string" ? expect.stringContaining(expected) : expect.stringMatching(expected));
