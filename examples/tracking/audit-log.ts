import type { EventPayload, Processor } from "../../generated/index.js";

/** Where audit lines go; the console by default, a log shipper picks them up from stdout. */
export let writeAuditLine: (line: string) => void = (line) => console.info(line);

/** Redirects the audit log, e.g. to a file stream. */
export function setAuditOutput(write: (line: string) => void): void {
  writeAuditLine = write;
}

/**
 * Writes one JSON line per event that matters for compliance (sharing, deletion, AI use). It
 * receives its protected properties, such as the abuse report id, which no other system sees.
 */
export const AuditLog: Processor = {
  trackEvent(eventName: string, payload: EventPayload): void {
    writeAuditLine(
      JSON.stringify({
        audit: eventName,
        at: new Date().toISOString(),
        actor: payload.user?.username ?? null,
        project: payload.project?.fullPath ?? null,
        details: payload.additionalProperties,
      }),
    );
  },
};
