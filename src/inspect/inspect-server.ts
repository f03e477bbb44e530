import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { EventStatus, InspectedEvent } from "./event-ring";
import { readHttpBatch } from "./http-batch";
import type { Inspector, InspectorListener } from "./inspector";
import { PAGE_HTML, PAGE_SCRIPT, PAGE_STYLE } from "./inspector-page";
import type { ReadBatch } from "./received-event";
import { readSnowplowGet, readSnowplowPost } from "./snowplow-events";

/**
 * The largest request body taken: above the HTTP processor's largest batch with its default
 * settings (half of its 4 MiB queue, plus the event that crossed it).
 */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;
/** A page that reads its stream slower than events come is let go (it reconnects and starts again) past this much unsent. */
const MAX_STREAM_BACKLOG_BYTES = 8 * 1024 * 1024;

/** Where the built-in processors send, and how. */
const COLLECTOR_ROUTES: Readonly<Record<string, string>> = {
  "/v1/events": "POST",
  "/com.snowplowanalytics.snowplow/tp2": "POST",
  "/i": "GET",
};

/** What GET /i answers, as Snowplow's collectors do: a transparent 1×1 GIF. */
const PIXEL = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");

const STATUSES: readonly string[] = ["good", "bad"] satisfies readonly EventStatus[];

export interface InspectServerOptions {
  readonly host: string;
  readonly port: number;
}

export interface InspectServer {
  /** `http://127.0.0.1:PORT`, with the port the system gave for port 0. */
  readonly url: string;
  /** Stops listening and ends every connection, the page's streams included. */
  close(): Promise<void>;
}

/**
 * The inspector's HTTP server: the collector endpoints of the HTTP and Snowplow processors (CORS
 * open, so a development server on another origin may send), and for people and tests the page
 * (`/`), its live stream (`/sit/stream`) and `GET`/`DELETE /sit/events`. Resolves once listening;
 * rejects when it cannot listen (the port is taken).
 */
export async function startInspectServer(inspector: Inspector, options: InspectServerOptions): Promise<InspectServer> {
  const streams = new EventStreams(inspector);
  const stopListening = inspector.listen(streams);
  const loopback = isLoopbackName(options.host);
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) answerJson(response, 500, { error: `internal error: ${error instanceof Error ? error.message : String(error)}` });
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://inspector.invalid");
    const method = request.method ?? "GET";
    const collectorMethod = COLLECTOR_ROUTES[url.pathname];
    if (collectorMethod !== undefined) {
      allowCrossOrigin(request, response);
      if (method === "OPTIONS") {
        response.writeHead(204, { "Access-Control-Max-Age": "600" }).end();
        return;
      }
      if (method !== collectorMethod) return answerJson(response, 405, { error: `${url.pathname} takes ${collectorMethod}` }, { Allow: `${collectorMethod}, OPTIONS` });
      if (url.pathname === "/i") return receive(response, readSnowplowGet(url.searchParams, inspector.rules.identifierFields), () => response.writeHead(200, { "Content-Type": "image/gif", "Cache-Control": "no-store" }).end(PIXEL));
      const body = await readBody(request);
      if (typeof body !== "string") return answerJson(response, body.status, { error: body.error });
      const batch = url.pathname === "/v1/events" ? readHttpBatch(body) : readSnowplowPost(body, inspector.rules.identifierFields);
      return receive(response, batch);
    }
    // What only people and tests on this machine read: not for other sites (no CORS), nor for another name of this address.
    if (loopback && !isLoopbackName(hostnameOf(request.headers.host))) {
      return answerJson(response, 403, { error: `the Host header ${JSON.stringify(request.headers.host ?? "")} is not this machine's loopback address` });
    }
    const route = `${method} ${url.pathname}`;
    switch (route) {
      case "GET /":
        return answerText(response, 200, "text/html; charset=utf-8", PAGE_HTML, { "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'" });
      case "GET /sit/page.js":
        return answerText(response, 200, "text/javascript; charset=utf-8", PAGE_SCRIPT);
      case "GET /sit/page.css":
        return answerText(response, 200, "text/css; charset=utf-8", PAGE_STYLE);
      case "GET /sit/events":
        return listEvents(url.searchParams, response);
      case "DELETE /sit/events":
        return answerJson(response, 200, { deleted: inspector.clear() });
      case "GET /sit/stream":
        return streams.open(response);
      default:
        if (["/", "/sit/events", "/sit/stream", "/sit/page.js", "/sit/page.css"].includes(url.pathname)) return answerJson(response, 405, { error: `${method} is not allowed on ${url.pathname}` });
        return answerJson(response, 404, { error: `nothing at ${url.pathname}: events go to POST /v1/events (sit's HTTP processor) or to Snowplow's /com.snowplowanalytics.snowplow/tp2 and /i` });
    }
  }

  function receive(response: ServerResponse, batch: ReadBatch, answer?: () => void): void {
    if ("error" in batch) return answerJson(response, 400, { error: batch.error });
    const inspected = inspector.receive(batch.events);
    if (answer !== undefined) return answer();
    const bad = inspected.filter((event) => event.status === "bad").length;
    answerJson(response, 200, { received: inspected.length, good: inspected.length - bad, bad });
  }

  function listEvents(query: URLSearchParams, response: ServerResponse): void {
    const status = query.get("status") ?? undefined;
    if (status !== undefined && !STATUSES.includes(status)) return answerJson(response, 400, { error: `status must be good or bad, not ${JSON.stringify(status)}` });
    const event = query.get("event") ?? undefined;
    const events = inspector.list({ status: status as EventStatus | undefined, event });
    answerJson(response, 200, { ...inspector.countsSinceClear(), events });
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  }).catch((error: unknown) => {
    stopListening();
    throw error;
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    close: () => closeServer(server, streams, stopListening),
  };
}

function closeServer(server: Server, streams: EventStreams, stopListening: () => void): Promise<void> {
  stopListening();
  streams.closeAll();
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** The pages' live streams (server-sent events): every event kept so far when one opens, then each new one. */
class EventStreams implements InspectorListener {
  private readonly responses = new Set<ServerResponse>();

  constructor(private readonly inspector: Inspector) {}

  open(response: ServerResponse): void {
    response.writeHead(200, { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store", "X-Accel-Buffering": "no" });
    // A page that reconnects gets everything again: it starts from an empty list.
    response.write(`${this.clearedMessage()}${messages(this.inspector.list())}`);
    this.responses.add(response);
    response.on("close", () => this.responses.delete(response));
  }

  received(events: readonly InspectedEvent[]): void {
    if (this.responses.size > 0) this.send(messages(events));
  }

  cleared(): void {
    this.send(this.clearedMessage());
  }

  /** Empties the page's list, and tells it how many events to keep at most: as many as the inspector. */
  private clearedMessage(): string {
    return `event: cleared\ndata: {"capacity":${this.inspector.capacity}}\n\n`;
  }

  closeAll(): void {
    for (const response of this.responses) response.end();
    this.responses.clear();
  }

  private send(text: string): void {
    for (const response of this.responses) {
      if (response.writableLength > MAX_STREAM_BACKLOG_BYTES) {
        this.responses.delete(response);
        response.end();
      } else {
        response.write(text);
      }
    }
  }
}

function messages(events: readonly InspectedEvent[]): string {
  let text = "";
  for (const event of events) text += `id: ${event.id}\nevent: received\ndata: ${JSON.stringify(event)}\n\n`;
  return text;
}

type BodyError = { readonly status: number; readonly error: string };

/** The request's body as text, or why it is refused. Past the limit it is read to its end and dropped. */
function readBody(request: IncomingMessage): Promise<string | BodyError> {
  const encoding = request.headers["content-encoding"];
  const declared = Number(request.headers["content-length"] ?? 0);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    request.on("data", (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes <= MAX_BODY_BYTES && declared <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on("error", reject);
    request.on("end", () => {
      if (bytes > MAX_BODY_BYTES || declared > MAX_BODY_BYTES) resolve({ status: 413, error: `the body is larger than ${MAX_BODY_BYTES} bytes` });
      else if (encoding !== undefined && encoding !== "identity") resolve({ status: 415, error: `the body is encoded (${encoding}): send it as plain JSON` });
      else resolve(Buffer.concat(chunks).toString("utf8"));
    });
  });
}

/** Collector endpoints answer any origin, with credentials: browser trackers (Snowplow's) send cookies. */
function allowCrossOrigin(request: IncomingMessage, response: ServerResponse): void {
  const origin = request.headers.origin;
  if (origin === undefined) return;
  response.setHeader("Access-Control-Allow-Origin", origin);
  response.setHeader("Access-Control-Allow-Credentials", "true");
  response.setHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
  const requested = request.headers["access-control-request-headers"];
  if (requested !== undefined) response.setHeader("Access-Control-Allow-Headers", requested);
  response.setHeader("Vary", "Origin, Access-Control-Request-Headers");
}

function answerJson(response: ServerResponse, status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): void {
  answerText(response, status, "application/json; charset=utf-8", JSON.stringify(body), headers);
}

function answerText(response: ServerResponse, status: number, contentType: string, body: string, headers: Readonly<Record<string, string>> = {}): void {
  response.writeHead(status, { "Content-Type": contentType, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", ...headers }).end(body);
}

/** `localhost`, `*.localhost`, 127.0.0.0/8 and `::1`: names that reach this machine only. */
export function isLoopbackName(host: string | undefined): boolean {
  if (host === undefined) return false;
  const name = host.toLowerCase().replace(/^\[(.*)\]$/, "$1");
  return name === "localhost" || name.endsWith(".localhost") || name === "::1" || /^127(\.\d{1,3}){3}$/.test(name);
}

/** The host name of a Host header, without its port. */
function hostnameOf(host: string | undefined): string | undefined {
  if (host === undefined) return undefined;
  const bracketed = /^(\[[^\]]*\])(:\d+)?$/.exec(host);
  if (bracketed !== null) return bracketed[1];
  return host.replace(/:\d+$/, "");
}
