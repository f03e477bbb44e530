import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * A walkthrough in docs/ is a script its test runs: its fenced blocks, in document order, are
 * the steps, told apart by their info string (GitHub shows only the language word):
 *
 *   ```<language> <path>          a file of the project, written whole (a later block replaces it)
 *   ```<language> expect <path>   a file an earlier step wrote: it must hold exactly this
 *   ```sh                         commands, run with bash in the project folder; each must succeed
 *   ```sh background              a command that keeps running (a server): started and left running
 *   ```console                    `$ command` lines, each followed by exactly what it prints
 *                                 (stdout and stderr together); its exit code is not checked
 *
 * Other blocks (output shown as text, fragments) are not steps. The doc's commands never `cd`:
 * every step runs in the project folder.
 */
export type DocStep =
  | { readonly kind: "file"; readonly line: number; readonly path: string; readonly content: string }
  | { readonly kind: "expect-file"; readonly line: number; readonly path: string; readonly content: string }
  | { readonly kind: "run"; readonly line: number; readonly script: string }
  | { readonly kind: "background"; readonly line: number; readonly script: string }
  | { readonly kind: "console"; readonly line: number; readonly command: string; readonly output: string };

export function readDocSteps(markdown: string): DocStep[] {
  const steps: DocStep[] = [];
  for (const match of markdown.matchAll(/^```(\S*)([^\n]*)\n([\s\S]*?)^```$/gm)) {
    const [, language, info, content] = match as unknown as [string, string, string, string];
    const line = markdown.slice(0, match.index).split("\n").length;
    const words = info.trim().split(/\s+/).filter((word) => word !== "");
    if (language === "sh" && words.length === 0) steps.push({ kind: "run", line, script: content });
    else if (language === "sh" && words.join(" ") === "background") steps.push({ kind: "background", line, script: content });
    else if (language === "console") steps.push(...consoleSteps(content, line));
    else if (words[0] === "expect" && words.length === 2) steps.push({ kind: "expect-file", line, path: words[1]!, content });
    else if (words.length === 1) steps.push({ kind: "file", line, path: words[0]!, content });
    else if (words.length > 0) throw new Error(`line ${line}: a \`\`\`${language} block's info string must be a path, "expect <path>" or "background", not ${JSON.stringify(info.trim())}`);
  }
  return steps;
}

function consoleSteps(content: string, line: number): DocStep[] {
  const commands: { line: number; command: string; output: string[] }[] = [];
  content.split("\n").forEach((text, index) => {
    if (text.startsWith("$ ")) commands.push({ line: line + index + 1, command: text.slice(2), output: [] });
    else if (commands.length > 0) commands[commands.length - 1]!.output.push(text);
    else throw new Error(`line ${line + index + 1}: a console block starts with "$ command"`);
  });
  return commands.map(({ line: at, command, output }) => ({ kind: "console", line: at, command, output: output.join("\n").replace(/\s+$/, "") }));
}

/** The tarballs of `npm pack`, one for each of sit's packages. */
export interface PackedTarballs {
  readonly "sit-tracking": string;
  readonly "sit-tracking-runtime": string;
}

/** What the doc's steps run in: the packed packages instead of the registry's, and npm's cache first. */
export interface DocEnvironment {
  readonly project: string;
  /** Installed wherever the doc installs the package of that name. */
  readonly tarballs: PackedTarballs;
}

/**
 * A doc's `npm install` lines as the test runs them: the packed packages in place of
 * `sit-tracking` and `sit-tracking-runtime`, and dependencies from npm's cache where it has them.
 */
export function withPackedSit(script: string, tarballs: PackedTarballs): string {
  return script
    .split("\n")
    .map((line) =>
      /^npm (install|i|add)\b/.test(line) ? `${line.replace(/(?<=\s)(sit-tracking(?:-runtime)?)(?=\s|$)/g, (name) => tarballs[name as keyof PackedTarballs])} --prefer-offline --no-audit --no-fund` : line,
    )
    .join("\n");
}

/** The test process's environment without what `npm test` and Jest add to it. */
export function cleanEnvironment(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key === "NODE_ENV" || key === "INIT_CWD" || key.startsWith("JEST_") || key.startsWith("npm_package_") || key.startsWith("npm_lifecycle_")) continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

const STEP_TIMEOUT_MS = 240_000;

/** Runs one step that ends (a file, commands, a console example) and checks it. */
export function runStep(step: DocStep, { project, tarballs }: DocEnvironment): void {
  const where = `docs step at line ${step.line}`;
  switch (step.kind) {
    case "file":
      mkdirSync(dirname(join(project, step.path)), { recursive: true });
      writeFileSync(join(project, step.path), step.content);
      return;
    case "expect-file": {
      const actual = readFileSync(join(project, step.path), "utf8");
      if (actual !== step.content) throw new Error(`${where}: ${step.path} holds\n${actual}\nnot what the doc shows:\n${step.content}`);
      return;
    }
    case "run": {
      const result = spawnSync("bash", ["-euo", "pipefail", "-c", withPackedSit(step.script, tarballs)], { cwd: project, env: cleanEnvironment(), encoding: "utf8", timeout: STEP_TIMEOUT_MS });
      if (result.status !== 0) throw new Error(`${where} failed (${result.status ?? result.signal}):\n${step.script}\n${result.stdout}\n${result.stderr}`);
      return;
    }
    case "console": {
      const result = spawnSync("bash", ["-c", `${step.command} 2>&1`], { cwd: project, env: cleanEnvironment(), encoding: "utf8", timeout: STEP_TIMEOUT_MS });
      const printed = result.stdout.replace(/\s+$/, "");
      if (printed !== step.output) throw new Error(`${where}: \`${step.command}\` printed\n${printed}\nnot what the doc shows:\n${step.output}`);
      return;
    }
    case "background":
      throw new Error(`${where}: a background step is started with startBackground`);
  }
}

export interface BackgroundProcess {
  /** Everything it has printed on stdout so far. */
  output(): string;
  /** Resolves with the first match of `pattern` in its stdout; rejects at the deadline or when it exits first. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Sends `signal` to its process group and resolves with its exit code. */
  signal(signal: NodeJS.Signals, timeoutMs?: number): Promise<number | null>;
  /** Ends it (and what it started) if it still runs: for `finally`. */
  stop(): Promise<void>;
}

/** Starts a `sh background` step in its own process group, as a terminal runs a server. */
export function startBackground(step: DocStep & { kind: "background" }, project: string, env: NodeJS.ProcessEnv): BackgroundProcess {
  const child = spawn("bash", ["-c", step.script], { cwd: project, env: cleanEnvironment(env), detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  let exitCode: number | null | undefined;
  const listeners = new Set<() => void>();
  const notify = (): void => {
    for (const listener of [...listeners]) listener();
  };
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
    notify();
  });
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  child.on("close", (code) => {
    exitCode = code;
    notify();
  });

  /** Resolves when `done()` holds, checked at every output and at exit; rejects at the deadline. */
  const until = <T>(done: () => T | undefined, timeoutMs: number, what: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const value = done();
        if (value !== undefined) finish(() => resolve(value));
        else if (exitCode !== undefined) finish(() => reject(new Error(`\`${step.script.trim()}\` exited (${exitCode}) before ${what}; stdout:\n${stdout}\nstderr:\n${stderr}`)));
      };
      const timer = setTimeout(() => finish(() => reject(new Error(`\`${step.script.trim()}\`: no ${what} within ${timeoutMs} ms; stdout:\n${stdout}\nstderr:\n${stderr}`))), timeoutMs);
      const finish = (settle: () => void): void => {
        clearTimeout(timer);
        listeners.delete(check);
        settle();
      };
      listeners.add(check);
      check();
    });

  const signalGroup = (signal: NodeJS.Signals): void => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // The group has ended already.
    }
  };

  return {
    output: () => stdout,
    waitFor: (pattern, timeoutMs = 30_000) => until(() => stdout.match(pattern) ?? undefined, timeoutMs, `output matching ${pattern}`),
    async signal(signal, timeoutMs = 30_000) {
      signalGroup(signal);
      const { code } = await until(() => (exitCode === undefined ? undefined : { code: exitCode }), timeoutMs, "its exit");
      return code;
    },
    async stop() {
      if (exitCode !== undefined) return;
      signalGroup("SIGTERM");
      await until(() => (exitCode === undefined ? undefined : true), 10_000, "its exit").catch(() => signalGroup("SIGKILL"));
    },
  };
}
