/** Why events did not reach the collector. */
export type HttpFailureReason =
  /** The collector answered with a status that retrying will not change (4xx other than 429). */
  | "rejected"
  /** Every attempt failed (network errors, timeouts, 429, 5xx). */
  | "retries-exhausted"
  /** The queue was full: the oldest pending events are being dropped (reported once per burst). */
  | "queue-full"
  /** Events tracked after `shutdown()` (reported once). */
  | "after-shutdown"
  /** The page was left and the browser accepted neither a beacon nor a keepalive request. */
  | "page-exit"
  /** One event is larger than `maxQueueBytes` on its own (each such event is reported). */
  | "event-too-large"
  /** An identifier could not be written and is left out of the event, which is still sent (reported once per identifier). */
  | "identifier-omitted";

export interface HttpFailureDetails {
  /** Events dropped at the time of the report (for `queue-full`, the first of the burst; 0 for `identifier-omitted`). */
  readonly events: number;
  /** The collector's status, when it answered. */
  readonly status?: number | undefined;
  /** The underlying error (a network error, a timeout). */
  readonly cause?: unknown;
}

/** What the HTTP processor hands to `onError`; every event it drops is counted in `dropped`. */
export class HttpProcessorError extends Error {
  override readonly name = "HttpProcessorError";
  readonly events: number;
  readonly status: number | undefined;

  constructor(
    readonly reason: HttpFailureReason,
    message: string,
    details: HttpFailureDetails,
  ) {
    super(message, { cause: details.cause });
    this.events = details.events;
    this.status = details.status;
  }
}

/** Hands `error` to the application's handler; a handler that throws is logged, never thrown into the tracking call. */
export function reportTo(onError: (error: HttpProcessorError) => void, error: HttpProcessorError): void {
  try {
    onError(error);
  } catch (handlerError) {
    console.error("sit-tracking http processor: onError threw", handlerError);
  }
}
