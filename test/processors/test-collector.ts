import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One event as the HTTP processor sends it. */
export interface CollectedEvent {
  readonly event: string;
  readonly sentAt: string;
  readonly additionalProperties: Record<string, unknown>;
  readonly [identifier: string]: unknown;
}

export interface ReceivedRequest {
  /** 0 for the first request the collector received. */
  readonly index: number;
  readonly method: string;
  readonly path: string;
  /** `performance.now()` when the request's body had arrived. */
  readonly at: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** How the collector answers a request: a status (optionally late), or a dropped connection. */
export type Answer = { readonly status: number; readonly headers?: Record<string, string>; readonly delayMs?: number } | "reset";

export interface Page {
  readonly contentType: string;
  readonly body: string | Buffer;
}

export interface TestCollector {
  readonly url: string;
  /** Every request, answered or not, in arrival order. */
  readonly requests: ReceivedRequest[];
  /** The events of the HTTP processor's batches answered with a 2xx status that the client received, in order. */
  readonly accepted: CollectedEvent[];
  /** Decides the answer to each POST; 200 by default. */
  answerWith(answer: (request: ReceivedRequest) => Answer): void;
  /** Resolves when `count` events have been accepted; rejects after `timeoutMs`. */
  waitForEvents(count: number, timeoutMs?: number): Promise<void>;
  /** Resolves when `count` requests have arrived; rejects after `timeoutMs`. */
  waitForRequests(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real HTTP collector on 127.0.0.1 for the processors' tests: it records what arrives and
 * answers as the test says (errors, late answers, dropped connections). GET requests are served
 * from `pages` by path, query ignored (the browser test's page and script).
 */
export async function startTestCollector(pages: Readonly<Record<string, Page>> = {}): Promise<TestCollector> {
  const requests: ReceivedRequest[] = [];
  const accepted: CollectedEvent[] = [];
  let answer: (request: ReceivedRequest) => Answer = () => ({ status: 200 });
  const waiters = new Set<() => void>();

  const server = createServer((incoming: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      const path = incoming.url ?? "/";
      if (incoming.method === "GET") {
        const page = pages[path.split("?")[0]!];
        response.writeHead(page === undefined ? 404 : 200, { "Content-Type": page?.contentType ?? "text/plain" });
        response.end(page?.body ?? "not found");
        return;
      }
      const request: ReceivedRequest = { index: requests.length, method: incoming.method ?? "", path, at: performance.now(), headers: incoming.headers, body: Buffer.concat(chunks).toString("utf8") };
      requests.push(request);
      for (const waiter of waiters) waiter();
      const decided = answer(request);
      if (decided === "reset") {
        incoming.socket.destroy();
        return;
      }
      setTimeout(() => {
        // A client that gave up waiting has closed the connection: its batch was not accepted.
        if (incoming.socket.destroyed) return;
        response.writeHead(decided.status, { "Content-Type": "text/plain", ...decided.headers });
        response.end("ok", () => {
          if (decided.status < 200 || decided.status >= 300) return;
          const { events } = JSON.parse(request.body) as { events?: CollectedEvent[] };
          if (Array.isArray(events)) accepted.push(...events);
          for (const waiter of waiters) waiter();
        });
      }, decided.delayMs ?? 0);
    });
  });
  function waitUntil(condition: () => boolean, progress: () => string, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (!condition()) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`${progress()} within ${timeoutMs} ms`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/collect`,
    requests,
    accepted,
    answerWith(next) {
      answer = next;
    },
    waitForEvents(count, timeoutMs = 10_000) {
      return waitUntil(() => accepted.length >= count, () => `the collector accepted ${accepted.length} of ${count} events`, timeoutMs);
    },
    waitForRequests(count, timeoutMs = 10_000) {
      return waitUntil(() => requests.length >= count, () => `the collector received ${requests.length} of ${count} requests`, timeoutMs);
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** The `seq` property of each event, for checking order and completeness. */
export function sequenceOf(events: readonly CollectedEvent[]): unknown[] {
  return events.map((event) => event.additionalProperties["seq"]);
}

/** `[from, from + 1, …, to - 1]`. */
export function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, index) => from + index);
}
