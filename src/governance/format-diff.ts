import { diagnosticsJson, type Diagnostic } from "../diagnostics/diagnostic";
import { terminalSafe } from "../text/terminal-text";
import type { DefinitionChange } from "./definition-change";

/** What `sit diff` found: the base revision and every change from it to the working tree. */
export interface DiffReport {
  /** The revision as the user named it. */
  readonly ref: string;
  readonly commit: string;
  /** Sorted (definition-change.ts). */
  readonly changes: readonly DefinitionChange[];
}

export type DiffFormat = "text" | "markdown" | "json";

/** Version of the `--format json` document; raised only when a field changes meaning or goes away. */
export const DIFF_JSON_SCHEMA_VERSION = 1;

interface Spelling {
  /** A name: an action, property, identifier, tracking class. */
  readonly name: (text: string) => string;
  /** A value or free text. */
  readonly value: (text: string) => string;
}

/** As the data says: JSON escapes what it must itself. */
const PLAIN: Spelling = { name: (text) => `"${text}"`, value: (text) => text };
/** For a terminal: names and values come from committed files, and must not forge a line or drive the terminal. */
const TEXT: Spelling = { name: (text) => `"${terminalSafe(text)}"`, value: terminalSafe };
const MARKDOWN: Spelling = { name: (text) => codeSpan(text), value: escapeMarkdown };

/** The change as one sentence, without the event it belongs to. */
export function describeChange(change: DefinitionChange, spelling: Spelling = PLAIN): string {
  const { name, value } = spelling;
  const subject = name(change.subject ?? "");
  // Derived from the action, a function name may hold any letter a file does.
  const fn = `${value(change.function ?? "")}()`;
  const rename =
    change.renameCandidate === null
      ? ""
      : ` (renamed ${change.kind === "event-removed" ? "to" : "from"} ${name(change.renameCandidate)}? The definitions are otherwise identical)`;
  switch (change.kind) {
    case "default-processor-removed":
      return `default processor ${subject} removed: events are no longer sent to it`;
    case "default-processor-added":
      return `default processor ${subject} added: every internal event is sent to it`;
    case "default-processors-reordered":
      return `default processors reordered: ${value(list(change.before))} → ${value(list(change.after))}`;
    case "identifier-type-changed":
      return `type of identifier ${subject} changed from ${value(String(change.before))} to ${value(String(change.after))}`;
    case "identifier-out-of-context":
      return `identifier ${subject} no longer comes from the tracking context: every call of an event that names it must pass it`;
    case "identifier-into-context":
      return `identifier ${subject} now comes from the tracking context: calls must no longer pass it; the application sets it with setTrackingContext()`;
    case "event-removed":
      if (change.after === "legacy") return `no longer an internal event (now a legacy definition): ${fn} is gone`;
      return `event deleted: ${change.before === "removed" ? "its deprecated " : ""}${fn} is gone${rename}`;
    case "event-added":
      return `event added: ${fn}${change.after === "removed" ? " (marked removed)" : ""}${rename}`;
    case "event-marked-removed":
      return `marked removed: ${fn} is now deprecated`;
    case "event-restored":
      return "no longer marked removed";
    case "function-renamed":
      return `function renamed from ${value(String(change.before))}() to ${fn}: calls to ${value(String(change.before))}() no longer compile`;
    case "file-renamed":
      return `file renamed from ${value(String(change.before))}`;
    case "identifier-added":
      return `identifier ${subject} added: every call must pass it`;
    case "identifier-removed":
      return `identifier ${subject} removed: calls that pass it no longer compile`;
    case "property-removed":
      return `property ${subject} removed (was ${value(String(change.before))})`;
    case "property-moved":
      return `property ${subject} moved from ${receivers(change.before, name)} to ${receivers(change.after, name)}`;
    case "property-type-narrowed":
      return `property ${subject} narrowed from ${value(String(change.before))} to ${value(String(change.after))}`;
    case "property-type-widened":
      return `property ${subject} widened from ${value(String(change.before))} to ${value(String(change.after))}`;
    case "property-type-changed":
      return `property ${subject} changed type from ${value(String(change.before))} to ${value(String(change.after))}`;
    case "property-now-required":
      return `property ${subject} is now required`;
    case "property-added":
      return change.breaking
        ? `property ${subject} added as required (${value(String(change.after))})`
        : `property ${subject} added (${value(String(change.after))}, optional)`;
    case "property-now-optional":
      return `property ${subject} is no longer required`;
    case "property-description-changed":
      return `description of property ${subject} changed`;
    case "tracker-removed":
      return `tracker ${subject} removed: it no longer receives this event`;
    case "tracker-added":
      return `tracker ${subject} added`;
    case "trackers-reordered":
      return `trackers reordered: ${value(list(change.before))} → ${value(list(change.after))}`;
    case "metadata-changed":
      return `${value(change.subject ?? "")} changed: ${value(shortJson(change.before))} → ${value(shortJson(change.after))}`;
    case "legacy-removed":
      return "legacy definition deleted";
    case "legacy-added":
      return "legacy definition added";
    case "legacy-changed":
      return `legacy definition: ${value(change.subject ?? "")} changed: ${value(shortJson(change.before))} → ${value(shortJson(change.after))}`;
  }
}

export function formatDiff(report: DiffReport, format: DiffFormat, diagnostics: readonly Diagnostic[] = []): string {
  switch (format) {
    case "text":
      return formatText(report);
    case "markdown":
      return formatMarkdown(report);
    case "json":
      return formatJson(report, diagnostics);
  }
}

/** `2 breaking changes, 3 other changes in 4 events`. */
export function summaryOf(changes: readonly DefinitionChange[]): string {
  const breaking = changes.filter((change) => change.breaking).length;
  const events = new Set(changes.flatMap((change) => (change.event === null ? [] : [change.event]))).size;
  return `${count(breaking, "breaking change")}, ${count(changes.length - breaking, "other change")} in ${count(events, "event")}`;
}

function formatText(report: DiffReport): string {
  const base = `${terminalSafe(report.ref)} (${report.commit.slice(0, 12)})`;
  if (report.changes.length === 0) return `No changes to the event definitions since ${base}.`;
  const lines: string[] = [];
  const section = (title: string, changes: readonly DefinitionChange[]): void => {
    if (changes.length === 0) return;
    lines.push(`${title} (${changes.length}):`);
    for (const change of changes)
      lines.push(`  ${terminalSafe(locationOf(change, report.ref))}: ${change.event === null ? "" : `${terminalSafe(change.event)}: `}${describeChange(change, TEXT)}`);
    lines.push("");
  };
  section(
    "Breaking changes",
    report.changes.filter((change) => change.breaking),
  );
  section(
    "Other changes",
    report.changes.filter((change) => !change.breaking),
  );
  lines.push(`${summaryOf(report.changes)} since ${base}.`);
  return lines.join("\n");
}

function formatMarkdown(report: DiffReport): string {
  const breaking = report.changes.filter((change) => change.breaking);
  const others = report.changes.filter((change) => !change.breaking);
  const base = `${codeSpan(report.ref)} (${codeSpan(report.commit.slice(0, 12))})`;
  const title = breaking.length > 0 ? `### sit diff: ${count(breaking.length, "breaking change")}` : "### sit diff: no breaking changes";
  if (report.changes.length === 0) return `${title}\n\nNo changes to the event definitions since ${base}.\n`;
  const table = (changes: readonly DefinitionChange[]): string[] => [
    "| Event | Change | File |",
    "| --- | --- | --- |",
    ...changes.map((change) => {
      const event = change.event === null ? "config" : codeSpan(change.event);
      return `| ${event} | ${describeChange(change, MARKDOWN)} | ${codeSpan(locationOf(change, report.ref))} |`;
    }),
  ];
  const lines = [title, "", `${summaryOf(report.changes)} since ${base}.`, ""];
  if (breaking.length > 0) lines.push("#### Breaking changes", "", ...table(breaking), "");
  if (others.length > 0) {
    // Collapsed, so the breaking table stays what a reviewer sees first.
    lines.push(`<details><summary>Other changes (${others.length})</summary>`, "", ...table(others), "", "</details>", "");
  }
  return lines.join("\n");
}

function formatJson(report: DiffReport, diagnostics: readonly Diagnostic[]): string {
  const breaking = report.changes.filter((change) => change.breaking).length;
  return JSON.stringify(
    {
      schemaVersion: DIFF_JSON_SCHEMA_VERSION,
      base: { ref: report.ref, commit: report.commit },
      summary: {
        breaking,
        other: report.changes.length - breaking,
        events: new Set(report.changes.flatMap((change) => (change.event === null ? [] : [change.event]))).size,
      },
      changes: report.changes.map((change) => ({
        kind: change.kind,
        breaking: change.breaking,
        event: change.event,
        function: change.function,
        subject: change.subject,
        before: change.before,
        after: change.after,
        file: change.file,
        baseFile: change.baseFile,
        renameCandidate: change.renameCandidate,
        message: describeChange(change),
      })),
      diagnostics: diagnosticsJson(diagnostics),
    },
    null,
    2,
  );
}

/** The working-tree file, or the base revision's as `git show` names it; the config for config changes. */
function locationOf(change: DefinitionChange, ref: string): string {
  if (change.file !== null) return change.file;
  return change.baseFile === null ? "config" : `${ref}:${change.baseFile}`;
}

function receivers(value: unknown, name: (text: string) => string): string {
  return Array.isArray(value) ? `the protected properties of ${value.map((tracker) => name(String(tracker))).join(" and ")}` : "additional_properties";
}

const list = (value: unknown): string => (Array.isArray(value) ? value.map(String).join(", ") : String(value));

/** A metadata value in a line: JSON, cut after 60 characters; absent is "(none)". */
function shortJson(value: unknown): string {
  if (value === null || value === undefined) return "(none)";
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Text safe in a GitHub/GitLab table cell: no column breaks, no HTML, one line, no control or invisible characters. */
function escapeMarkdown(text: string): string {
  return terminalSafe(text)
    .replace(/\\/g, "\\\\")
    .replace(/\|/g, "\\|")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

/** A name in a code span that cannot end early, break a table row, or hold a control or invisible character. */
const codeSpan = (text: string): string =>
  `\`${terminalSafe(text)
    .replace(/`/g, "'")
    .replace(/\|/g, "\\|")}\``;

const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The `--format json` document when nothing could be compared: `summary` and `changes` are null, the diagnostics say why. */
export function formatDiffFailureJson(ref: string, commit: string | undefined, diagnostics: readonly Diagnostic[]): string {
  return JSON.stringify(
    {
      schemaVersion: DIFF_JSON_SCHEMA_VERSION,
      base: { ref, commit: commit ?? null },
      summary: null,
      changes: null,
      diagnostics: diagnosticsJson(diagnostics),
    },
    null,
    2,
  );
}
