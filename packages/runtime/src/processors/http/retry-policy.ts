/** How a batch that failed for a reason worth retrying is retried. */
export interface RetryOptions {
  /** Attempts per batch, the first included (default 5); then the batch is dropped and reported. */
  readonly maxAttempts?: number;
  /** Delay before the first retry (default 1000 ms); it doubles with each further retry. */
  readonly initialDelayMs?: number;
  /** The longest backoff delay (default 30,000 ms). A server's `Retry-After` is honoured as given. */
  readonly maxDelayMs?: number;
}

export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, initialDelayMs: 1000, maxDelayMs: 30_000 };

/** Network errors, 429 and 5xx are worth retrying; any other answer will not change. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/**
 * Exponential backoff with jitter after `failedAttempts` failures: half of the exponential delay
 * is fixed, half random, so that clients that failed together do not retry together.
 */
export function backoffDelayMs(failedAttempts: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const exponential = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** (failedAttempts - 1));
  return exponential / 2 + random() * (exponential / 2);
}

/**
 * The delay a `Retry-After` header asks for, in milliseconds: delay-seconds or an HTTP date
 * (RFC 9110 §10.2.3); `undefined` when there is no header or it cannot be read.
 */
export function retryAfterMs(header: string | null, nowMs: number): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // HTTP dates name the day or month; Date.parse would also read "-5" as a year.
  if (!/[A-Za-z]/.test(value)) return undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
