import type { RecordedEvent, Recorder } from "../processors/recorder.js";
import type { MatcherContext, MatcherResult } from "./matcher-context.js";
import { matchesPartially } from "./partial-match.js";
import { trackedEventsList } from "./tracked-events-list.js";

/**
 * What a tracked payload must contain: any identifiers (`user`, `project`, …) and
 * `additionalProperties`, each compared partially; asymmetric matchers are honoured.
 */
export interface ExpectedPayload {
  readonly additionalProperties?: Readonly<Record<string, unknown>>;
  readonly [identifier: string]: unknown;
}

export interface TrackedFilter {
  /** Count only the events received as this tracking class (a recorder can stand in for several). */
  readonly processorName?: string;
}

/** The matchers' signatures, for the `expect` declarations of each test framework. */
export interface TrackingMatchers<R> {
  /** The recorder received `eventName` at least once (with a payload containing `expected`, when given). */
  toHaveTracked(eventName: string, expected?: ExpectedPayload, filter?: TrackedFilter): R;
  /** The recorder received `eventName` exactly `times` times. */
  toHaveTrackedTimes(eventName: string, times: number, filter?: TrackedFilter): R;
}

function toHaveTracked(this: MatcherContext, received: unknown, eventName: string, expected?: ExpectedPayload, filter?: TrackedFilter): MatcherResult {
  const recorder = asRecorder(received, "toHaveTracked");
  const candidates = eventsNamed(recorder, eventName, filter);
  const matching = expected === undefined ? candidates : candidates.filter((event) => matchesPartially(event.payload, expected, (a, b) => this.equals(a, b)));
  const wanted = `${this.utils.printExpected(eventName)}${expected === undefined ? "" : ` with a payload containing ${this.utils.printExpected(expected)}`}${forProcessor(filter)}`;
  const hint = this.utils.matcherHint("toHaveTracked", "recorder", "eventName", { isNot: this.isNot, secondArgument: expected === undefined ? "" : "expected" });
  return {
    pass: matching.length > 0,
    message: () =>
      matching.length > 0
        ? `${hint}\n\nExpected the recorder not to have tracked ${wanted}, but these calls match:\n${trackedEventsList(matching)}`
        : `${hint}\n\nExpected the recorder to have tracked ${wanted}, but it tracked:\n${trackedEventsList(recorder.events)}`,
  };
}

function toHaveTrackedTimes(this: MatcherContext, received: unknown, eventName: string, times: number, filter?: TrackedFilter): MatcherResult {
  const recorder = asRecorder(received, "toHaveTrackedTimes");
  if (!Number.isInteger(times) || times < 0) throw new TypeError(`toHaveTrackedTimes: times must be a whole number of at least 0, not ${this.utils.printReceived(times)}`);
  const count = eventsNamed(recorder, eventName, filter).length;
  const hint = this.utils.matcherHint("toHaveTrackedTimes", "recorder", "eventName", { isNot: this.isNot, secondArgument: "times" });
  const wanted = `${this.utils.printExpected(eventName)}${forProcessor(filter)}`;
  return {
    pass: count === times,
    message: () =>
      count === times
        ? `${hint}\n\nExpected the recorder not to have tracked ${wanted} ${timesText(times)}, but it did:\n${trackedEventsList(recorder.events)}`
        : `${hint}\n\nExpected the recorder to have tracked ${wanted} ${timesText(times)}, but it tracked it ${timesText(count)}:\n${trackedEventsList(recorder.events)}`,
  };
}

/** Both matchers, for `expect.extend(matchers)` (Vitest, or Jest without the global `expect`). */
export const matchers = { toHaveTracked, toHaveTrackedTimes };

function asRecorder(received: unknown, matcherName: string): Recorder {
  const candidate = received as Partial<Recorder> | null;
  if (typeof received === "object" && received !== null && Array.isArray(candidate?.events) && typeof candidate?.find === "function") return received as Recorder;
  throw new TypeError(`${matcherName}: the received value must be a recorder from createRecorder() (sit-tracking-runtime/processors/recorder), not ${typeof received === "object" ? String(received) : typeof received}`);
}

function eventsNamed(recorder: Recorder, eventName: string, filter: TrackedFilter | undefined): RecordedEvent[] {
  const named = recorder.find(eventName);
  return filter?.processorName === undefined ? named : named.filter((event) => event.processorName === filter.processorName);
}

function forProcessor(filter: TrackedFilter | undefined): string {
  return filter?.processorName === undefined ? "" : ` as ${filter.processorName}`;
}

function timesText(count: number): string {
  return count === 1 ? "once" : `${count} times`;
}
