import { functionNameOf } from "../model/names";
import type { UsageReport } from "./usage-report";

export type UsageFormat = "text" | "json";

/** Version of the `--format json` document; raised only when a field changes meaning or goes away. */
export const USAGE_JSON_SCHEMA_VERSION = 1;

export function formatUsage(report: UsageReport, format: UsageFormat): string {
  return format === "json" ? formatJson(report) : formatText(report);
}

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
    report.removedCalls.map((site) => `${site.file}:${site.line}:${site.column}: ${functionNameOf(site.event)}(): event "${site.event}" is marked removed`),
  );
  section(
    "Events never tracked",
    report.unused.map((usage) => `${usage.file}: ${usage.event} (${usage.functionName})`),
  );
  section(
    "Dynamic uses sit cannot resolve",
    report.dynamic.map((site) => `${site.file}:${site.line}:${site.column}: ${site.reason}`),
  );
  lines.push(summaryOf(report));
  return lines.join("\n");
}

/** `12 events: 10 tracked, 2 never tracked; 1 call to a removed event; 1 dynamic use; 34 files scanned.` */
export function summaryOf(report: UsageReport): string {
  const tracked = report.events.filter((usage) => usage.sites.length > 0).length;
  return (
    `${count(report.events.length, "event")}: ${tracked} tracked, ${report.unused.length} never tracked; ` +
    `${count(report.removedCalls.length, "call")} to ${report.removedCalls.length === 1 ? "a removed event" : "removed events"}; ${count(report.dynamic.length, "dynamic use")}; ` +
    `${count(report.fileCount, "file")} scanned.`
  );
}

function formatJson(report: UsageReport): string {
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
        dynamic: report.dynamic.length,
        notGenerated: report.notGenerated.length,
      },
      unused: report.unused.map((usage) => ({ event: usage.event, function: usage.functionName, file: usage.file })),
      removedCalls: report.removedCalls.map((call) => ({ event: call.event, function: functionNameOf(call.event), ...site(call), kind: call.kind })),
      dynamic: report.dynamic.map((entry) => ({ ...site(entry), reason: entry.reason })),
      notGenerated: report.notGenerated,
      events: report.events.map((usage) => ({
        event: usage.event,
        function: usage.functionName,
        status: usage.status,
        file: usage.file,
        sites: usage.sites.map((entry) => ({ ...site(entry), kind: entry.kind })),
      })),
    },
    null,
    2,
  );
}

const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
