import type { EventPayload, Processor } from "../../generated/index.js";
import { BatchingCollector } from "./http-collector.js";

/** One row of Snipbox's events table: identifiers flattened to ids, as the warehouse stores them. */
export interface EventRecord {
  readonly event: string;
  readonly occurredAt: string;
  readonly userId: number | null;
  readonly projectId: number | null;
  readonly namespaceId: number | null;
  readonly featureEnabledByNamespaceIds: readonly number[];
  readonly properties: EventPayload["additionalProperties"];
}

export const collector = new BatchingCollector<EventRecord>({
  url: process.env["SNIPBOX_EVENTS_URL"] ?? "http://localhost:4318/v1/events",
  batchSize: 20,
  maxBuffered: 1000,
});

/** The default processor: every internal event goes to the events collector. */
export const InternalEvents: Processor = {
  trackEvent(eventName, payload) {
    return collector.add({
      event: eventName,
      occurredAt: new Date().toISOString(),
      userId: payload.user?.id ?? null,
      projectId: payload.project?.id ?? null,
      namespaceId: payload.namespace?.id ?? null,
      featureEnabledByNamespaceIds: payload.featureEnabledByNamespaceIds ?? [],
      properties: payload.additionalProperties,
    });
  },
};
