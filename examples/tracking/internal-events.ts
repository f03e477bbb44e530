import { createHttpProcessor } from "sit-tracking-runtime/processors/http";

/**
 * The default processor: every internal event goes to Snipbox's events collector, in JSON
 * batches, through sit's built-in HTTP processor. Call `InternalEvents.shutdown()` before the
 * process exits so that the last batch is delivered.
 */
export const InternalEvents = createHttpProcessor({ url: process.env["SNIPBOX_EVENTS_URL"] ?? "http://localhost:4318/v1/events" });
