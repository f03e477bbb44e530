import { isRetryableStatus, retryAfterMs } from "./retry-policy.js";

export interface BatchRequest {
  readonly url: string;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  /** Lets the request outlive the page (browsers; the body must stay under 64 KiB). */
  readonly keepalive: boolean;
}

export type DeliveryOutcome =
  | { readonly kind: "delivered" }
  | { readonly kind: "retry"; readonly error: Error; readonly status: number | undefined; readonly retryAfterMs: number | undefined }
  | { readonly kind: "rejected"; readonly error: Error; readonly status: number };

/** POSTs one batch with the platform's `fetch`; never rejects: every failure is an outcome. */
export async function postBatch(request: BatchRequest): Promise<DeliveryOutcome> {
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: "POST",
      headers: { ...request.headers, "Content-Type": "application/json" },
      body: request.body,
      signal: AbortSignal.timeout(request.timeoutMs),
      keepalive: request.keepalive,
    });
  } catch (error) {
    return { kind: "retry", error: asError(error), status: undefined, retryAfterMs: undefined };
  }
  // Reading the body to its end returns the connection to the pool.
  await response.arrayBuffer().catch(() => undefined);
  if (response.ok) return { kind: "delivered" };
  const error = new Error(`the collector answered ${response.status} ${response.statusText}`.trimEnd());
  if (!isRetryableStatus(response.status)) return { kind: "rejected", error, status: response.status };
  return { kind: "retry", error, status: response.status, retryAfterMs: retryAfterMs(response.headers.get("Retry-After"), Date.now()) };
}

/** The failure with what undici keeps in `cause` (ECONNRESET, ECONNREFUSED) in its message. */
function asError(error: unknown): Error {
  // Duck-typed: errors from another realm (a test sandbox, an iframe) fail `instanceof Error`.
  const message = isErrorLike(error) ? error.message : String(error);
  const cause = isErrorLike(error) ? error.cause : undefined;
  return new Error(isErrorLike(cause) ? `${message}: ${cause.message}` : message, { cause: error });
}

function isErrorLike(value: unknown): value is { readonly message: string; readonly cause?: unknown } {
  return typeof value === "object" && value !== null && typeof (value as { message?: unknown }).message === "string";
}
