/**
 * `sit inspect`'s defaults, in a module of their own: the CLI's help shows them without loading
 * the inspector, and `sit init`'s processor module sends to the default port in development.
 */
export const DEFAULT_INSPECT_PORT = 9190;
export const DEFAULT_INSPECT_HOST = "127.0.0.1";
/** Events kept by default: a session's worth of clicking around, bounded for a day-long one. */
export const DEFAULT_MAX_EVENTS = 10_000;
