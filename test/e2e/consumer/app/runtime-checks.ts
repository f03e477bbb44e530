/**
 * Run with node by runtime.test.ts: exercises the generated SDK with real processors and prints
 * what happened as JSON on stdout, for the test to assert on. Processor failures before
 * `configureTracking` go to the default handler, i.e. to stderr.
 */
import { EVENTS } from "../generated/catalog.js";
import {
  configureTracking,
  flush,
  resetTracking,
  trackCreateSnippet,
  trackEvent,
  trackOpenCommandPalette,
  trackSearchSnippets,
  trackShareSnippet,
  trackStarSnippet,
  type Processor,
  type ShareSnippetArgs,
} from "../generated/index.js";
import { checkEvents } from "../generated/validation.js";
import { calls, record, type Call } from "../src/tracking/recorder.js";
import { releaseSlow, settledCount } from "../src/tracking/slow.js";

interface ReportedError {
  readonly message: string;
  readonly eventName: string | null;
  readonly processorName: string | null;
}

const errors: ReportedError[] = [];

const shareArgs: ShareSnippetArgs = {
  project: { id: 42 },
  namespace: { id: "acme" },
  user: { id: 7, username: "ada" },
  additionalProperties: { label: "email", value: 3, note: "team", model_name: "duo-1", latency_ms: 12 },
};

/** The calls and reported errors since the last `take()`. */
function take(): { calls: Call[]; errors: ReportedError[] } {
  return { calls: calls.splice(0), errors: errors.splice(0) };
}

/** Lets timers and I/O run, so anything that could settle early has had the chance. */
const nextMacrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 10));

async function settleAll(): Promise<void> {
  releaseSlow();
  await flush();
}

async function run(): Promise<Record<string, unknown>> {
  const report: Record<string, unknown> = {};

  // Before configureTracking: failures go to the default handler (console.error).
  trackShareSnippet(shareArgs);
  await settleAll();
  report["defaultHandler"] = take();

  configureTracking({
    onError: (error, { eventName, processorName }) => {
      errors.push({ message: error instanceof Error ? error.message : String(error), eventName: eventName ?? null, processorName: processorName ?? null });
    },
  });

  const slowSettledBefore = settledCount();
  trackShareSnippet(shareArgs);
  const synchronous = take();
  let flushed = false;
  const flushing = flush().then(() => {
    flushed = true;
  });
  await nextMacrotask();
  const beforeRelease = { flushed, slowSettled: settledCount() - slowSettledBefore, errors: take().errors };
  releaseSlow();
  await flushing;
  const afterFlush = { flushed, slowSettled: settledCount() - slowSettledBefore, errors: take().errors };
  report["share"] = { synchronous, beforeRelease, afterFlush };

  trackShareSnippet({ project: shareArgs.project, namespace: shareArgs.namespace, user: shareArgs.user });
  await settleAll();
  report["shareWithoutProperties"] = take();

  trackEvent("share_snippet", shareArgs);
  await settleAll();
  report["trackEventShare"] = take();

  trackStarSnippet({ user: { id: 7, username: "ada" }, featureEnabledByNamespaceIds: [1, 2], additionalProperties: { source: "cli" } });
  await settleAll();
  report["star"] = take();

  trackSearchSnippets();
  trackSearchSnippets({ additionalProperties: { query_length: 4 } });
  trackEvent("search_snippets");
  await settleAll();
  report["search"] = take();

  trackOpenCommandPalette();
  trackEvent("open_command_palette");
  await settleAll();
  report["noArguments"] = take();

  // What JavaScript callers (or casts) can do despite the types.
  const untypedTrackEvent = trackEvent as (name: string, args?: unknown) => void;
  const thrown: string[] = [];
  for (const name of ["nope", "constructor", "__proto__"]) {
    try {
      untypedTrackEvent(name, shareArgs);
    } catch (error) {
      thrown.push(String(error));
    }
  }
  await settleAll();
  report["unknownNames"] = { thrown, ...take() };

  // Keys TypeScript lets through a variable: undeclared ones, and another tracker's protected one.
  const widened = { ...shareArgs, additionalProperties: { label: "link", email: "ada@example.com", latency_ms: 5, model_name: "m" } } as const;
  const loose: ShareSnippetArgs = widened;
  trackShareSnippet(loose);
  await settleAll();
  report["exactPayloads"] = take();

  // The third argument tells a processor which tracking class it serves.
  const contexts: string[] = [];
  const contextRecorder: Processor = {
    trackEvent(eventName, payload, context) {
      contexts.push(context.processorName);
      record(`replacement of ${context.processorName}`, eventName, payload);
    },
  };
  configureTracking({ processors: { InternalEvents: contextRecorder, "Tracking::Slow": contextRecorder } });
  trackShareSnippet(shareArgs);
  await settleAll();
  report["replaced"] = { contexts: contexts.splice(0), ...take() };

  configureTracking({ enabled: false });
  trackShareSnippet(shareArgs);
  trackOpenCommandPalette();
  await settleAll();
  report["disabled"] = take();

  const asked: string[] = [];
  configureTracking({
    processors: {},
    enabled: (processorName) => {
      asked.push(processorName);
      return processorName === "Gitlab::Tracking::AiTracking" || processorName === "InternalEvents";
    },
  });
  const askedWhenConfigured = asked.length;
  trackShareSnippet(shareArgs);
  trackShareSnippet(shareArgs);
  await settleAll();
  report["perProcessor"] = { askedWhenConfigured, askedAfterCalls: asked.length, ...take() };

  resetTracking();
  configureTracking({
    onError: (error, { eventName, processorName }) => {
      errors.push({ message: error instanceof Error ? error.message : String(error), eventName: eventName ?? null, processorName: processorName ?? null });
    },
    validate: checkEvents,
  });
  const untypedCreate = trackCreateSnippet as (args: unknown) => void;
  const untypedShare = trackShareSnippet as (args: unknown) => void;
  untypedCreate({ project: { id: 1 }, additionalProperties: { label: "secret", email: "x@example.com" } });
  untypedShare({ ...shareArgs, additionalProperties: { value: 2.5, label: "email" } });
  trackCreateSnippet({ project: { id: 1 }, user: { id: 3, username: "ada" }, additionalProperties: { language: "go", label: "public" } });
  await settleAll();
  report["validated"] = take();
  configureTracking({ validate: false });
  untypedShare({ ...shareArgs, additionalProperties: { value: 2.5 } });
  await settleAll();
  report["validationOff"] = take();
  // flush() also waits for processors that queue, once each, and reports a failing one.
  const queued: string[] = [];
  const delivered: string[] = [];
  let flushCalls = 0;
  const queueing: Processor = {
    trackEvent(eventName) {
      queued.push(eventName);
    },
    flush() {
      flushCalls++;
      return new Promise((resolve) =>
        setTimeout(() => {
          delivered.push(...queued.splice(0));
          resolve();
        }, 5),
      );
    },
  };
  const failingFlush: Processor = {
    trackEvent() {},
    flush() {
      throw new Error("flush failed");
    },
  };
  configureTracking({ processors: { InternalEvents: queueing, ProductAnalytics: queueing, "Tracking::Slow": failingFlush } });
  trackOpenCommandPalette();
  const beforeFlush = delivered.length;
  await flush();
  report["processorFlush"] = { beforeFlush, delivered, flushCalls, errors: take().errors };
  resetTracking();

  const entries = Object.values(EVENTS);
  report["catalog"] = {
    actions: Object.keys(EVENTS),
    catalogFrozen: Object.isFrozen(EVENTS),
    entriesFrozen: entries.every((entry) => Object.isFrozen(entry)),
    arraysFrozen: entries.every((entry) =>
      Object.values(entry).every((value) => !Array.isArray(value) || Object.isFrozen(value)),
    ),
    arrayCount: entries.flatMap((entry) => Object.values(entry).filter((value) => Array.isArray(value))).length,
    removed: EVENTS.view_gallery,
    share: EVENTS.share_snippet,
  };
  return report;
}

run().then(
  (report) => process.stdout.write(`${JSON.stringify(report)}\n`),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
