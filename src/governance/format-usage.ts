import { diagnosticsJson, type Diagnostic } from "../diagnostics/diagnostic";
import { terminalSafe } from "../text/terminal-text";
import type { UsageReport } from "./usage-report";

export type UsageFormat = "text" | "json";

/** Version of the `--format json` document; raised only when a field changes meaning or goes away. */
export const USAGE_JSON_SCHEMA_VERSION = 1;

/** The report; in JSON with the diagnostics of the scan too (text prints those on stderr). */
export function formatUsage(report: UsageReport, format: UsageFormat, diagnostics: readonly Diagnostic[] = []): string {
  return format === "json" ? formatJson(report, diagnostics) : formatText(report);
}

/** Where a use is, terminal-safe: file names come from the file system. */
const at = (site: { file: string; line: number; column: number }): string => `${terminalSafe(site.file)}:${site.line}:${site.column}`;

function formatText(report: UsageReport): string {
  const lines: string[] = [];
  const section = (title: string, entries: readonly string[]): void => {
    if (entries.length === 0) return;
    lines.push(`${title} (${entries.length}):`, ...entries.map((entry) => `  ${entry}`), "");
  };
  section(
    "Not in the generated SDK (run `npx sit generate`)",
    report.notGenerated.map((name) => `${name}()`),
  );
  section(
    "Calls to removed events",
    report.removedCalls.map((site) => `${at(site)}: ${terminalSafe(site.functionName)}(): event "${terminalSafe(site.event)}" is marked removed`),
  );
  section(
    "Calls to deleted events",
    report.deletedCalls.map((site) => `${at(site)}: ${site.functionName}(): no event definition defines it (deleted or renamed?)`),
  );
  section(
    "Events never tracked",
    report.unused.map((usage) => `${terminalSafe(usage.file)}: ${terminalSafe(usage.event)} (${terminalSafe(usage.functionName)})`),
  );
  section(
    "Dynamic uses sit cannot resolve",
    report.dynamic.map((site) => `${at(site)}: ${terminalSafe(site.reason)}`),
  );
  lines.push(summaryOf(report));
  return lines.join("\n");
}

/** `12 events: 10 tracked, 2 never tracked; 1 call to a removed event; 0 calls to deleted events; 1 dynamic use; 34 files scanned.` */
export function summaryOf(report: UsageReport): string {
  const tracked = report.events.filter((usage) => usage.sites.length > 0).length;
  const calls = (n: number, what: string): string => `${count(n, "call")} to ${n === 1 ? `a ${what} event` : `${what} events`}`;
  return (
    `${count(report.events.length, "event")}: ${tracked} tracked, ${report.unused.length} never tracked; ` +
    `${calls(report.removedCalls.length, "removed")}; ${calls(report.deletedCalls.length, "deleted")}; ${count(report.dynamic.length, "dynamic use")}; ` +
    `${count(report.fileCount, "file")} scanned.`
  );
}

function formatJson(report: UsageReport, diagnostics: readonly Diagnostic[]): string {
  const site = ({ file, line, column }: { file: string; line: number; column: number }) => ({ file, line, column });
  return JSON.stringify(
    {
      schemaVersion: USAGE_JSON_SCHEMA_VERSION,
      summary: {
        files: report.fileCount,
        events: report.events.length,
        tracked: report.events.filter((usage) => usage.sites.length > 0).length,
        unused: report.unused.length,
        removedCalls: report.removedCalls.length,
        deletedCalls: report.deletedCalls.length,
        dynamic: report.dynamic.length,
        notGenerated: report.notGenerated.length,
      },
      unused: report.unused.map((usage) => ({ event: usage.event, function: usage.functionName, file: usage.file })),
      removedCalls: report.removedCalls.map((call) => ({ event: call.event, function: call.functionName, ...site(call), kind: call.kind })),
      deletedCalls: report.deletedCalls.map((call) => ({ function: call.functionName, ...site(call), kind: call.kind })),
      dynamic: report.dynamic.map((entry) => ({ ...site(entry), reason: entry.reason })),
      notGenerated: report.notGenerated,
      events: report.events.map((usage) => ({
        event: usage.event,
        function: usage.functionName,
        status: usage.status,
        file: usage.file,
        sites: usage.sites.map((entry) => ({ ...site(entry), kind: entry.kind })),
      })),
      diagnostics: diagnosticsJson(diagnostics),
    },
    null,
    2,
  );
}

const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
