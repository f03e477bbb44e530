import { compareCodeUnits } from "../text/code-units";
import type { DeletedEventSite, DynamicSite, UsageScan, UsageSite } from "./scan-usage";

/** An internal event as `sit usage` reports it. */
export interface EventUsage {
  readonly event: string;
  readonly functionName: string;
  readonly status: "active" | "removed";
  /** The definition file, relative to the project. */
  readonly file: string;
  /** Sorted by file and position. */
  readonly sites: readonly UsageSite[];
}

export interface UsageReport {
  readonly fileCount: number;
  /** Every internal event, sorted by action. */
  readonly events: readonly EventUsage[];
  /** Active events no scanned file tracks. A removed event nobody calls is as expected, not unused. */
  readonly unused: readonly EventUsage[];
  /** Uses of removed events: they should go before the event's function does. */
  readonly removedCalls: readonly RemovedEventSite[];
  /** Uses of event functions no definition defines (the event was deleted or renamed): they no longer compile once the SDK is generated. */
  readonly deletedCalls: readonly DeletedEventSite[];
  /** Uses whose event cannot be known statically, and `trackEvent` names that are no event. */
  readonly dynamic: readonly DynamicSite[];
  /** Event functions missing from the SDK: it is older than the definitions. */
  readonly notGenerated: readonly string[];
}

/** A use of a removed event, with the function its definition gives it. */
export interface RemovedEventSite extends UsageSite {
  readonly functionName: string;
}

export interface DefinedEvent {
  readonly event: string;
  readonly functionName: string;
  readonly status: "active" | "removed";
  readonly file: string;
}

/** Joins what the scan found with the events defined; file names of sites are shown with `shown`. */
export function buildUsageReport(events: readonly DefinedEvent[], scan: UsageScan, shown: (absolutePath: string) => string): UsageReport {
  const sitesByEvent = new Map<string, UsageSite[]>();
  const dynamic: DynamicSite[] = scan.dynamic.map((site) => ({ ...site, file: shown(site.file) }));
  const known = new Set(events.map((event) => event.event));
  for (const site of scan.sites) {
    const located = { ...site, file: shown(site.file) };
    const sites = sitesByEvent.get(site.event);
    if (sites !== undefined) sites.push(located);
    else if (known.has(site.event)) sitesByEvent.set(site.event, [located]);
    else dynamic.push({ file: located.file, line: site.line, column: site.column, reason: `trackEvent("${site.event}"): "${site.event}" is not an event` });
  }
  const usages = [...events]
    .sort((a, b) => compareCodeUnits(a.event, b.event))
    .map((event) => ({ ...event, sites: (sitesByEvent.get(event.event) ?? []).sort(bySiteOrder) }));
  return {
    fileCount: scan.fileCount,
    events: usages,
    unused: usages.filter((usage) => usage.status === "active" && usage.sites.length === 0),
    removedCalls: usages
      .filter((usage) => usage.status === "removed")
      .flatMap((usage) => usage.sites.map((site) => ({ ...site, functionName: usage.functionName })))
      .sort(bySiteOrder),
    deletedCalls: scan.deleted.map((site) => ({ ...site, file: shown(site.file) })).sort(bySiteOrder),
    dynamic: dynamic.sort(bySiteOrder),
    notGenerated: [...scan.notGenerated].sort(compareCodeUnits),
  };
}

function bySiteOrder(a: { file: string; line: number; column: number }, b: { file: string; line: number; column: number }): number {
  return compareCodeUnits(a.file, b.file) || a.line - b.line || a.column - b.column;
}
