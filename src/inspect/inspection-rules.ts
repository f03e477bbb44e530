import { closestMatch } from "../diagnostics/suggest";
import { eventRule } from "../model/check-rules";
import type { EventModel, IdentifierModel, SdkModel } from "../model/event-model";
import { createEventChecker } from "../sdk/checks";
import type { ReceivedEvent } from "./received-event";

/** checks.ts speaks of the SDK, which leaves an undeclared property out; here it has arrived. */
const NOT_SENT = ", so it is not sent";
/** Unknown names remembered with their suggestion: a sender repeats the same few. */
const MAX_SUGGESTIONS = 1000;
/**
 * Time spent looking for "did you mean" per second at most: the search compares the name with
 * every event's (milliseconds at 10,000 events), so a flood of unknown names must not slow the
 * checks. Past it, unknown names go without a suggestion until the next second.
 */
const SUGGESTION_MS_PER_SECOND = 100;

interface EventFacts {
  readonly identifiers: readonly IdentifierModel[];
  /** Why the event must not be sent any more, when it is removed. */
  readonly removal: string | undefined;
  /** The properties that not every processor of the event receives (protected ones), with the processors that do. */
  readonly receivers: ReadonlyMap<string, readonly string[]>;
  /** Those of them that are required: only in the payloads of the processors that receive them. */
  readonly requiredProtected: readonly string[];
}

/**
 * What `sit inspect` holds each event to, built from the SDK model: the values of its properties
 * by the rules `checkEvents` uses (check-rules.ts, checks.ts), and what the payload shows of the
 * rest: the event exists and is not removed, its identifiers are there and no others, and its
 * properties reach one processor together (a tracker's protected properties go to it alone).
 */
export class InspectionRules {
  /** The payload keys of the project's identifiers, which the Snowplow receiver looks for. */
  readonly identifierFields: readonly string[];
  readonly eventCount: number;
  private readonly events = new Map<string, EventFacts>();
  private readonly identifierByField: ReadonlyMap<string, IdentifierModel>;
  private readonly checkProperties: (eventName: string, args: unknown) => readonly string[];
  private readonly suggestions = new Map<string, string | undefined>();
  private suggestionWindow = { startedAt: Number.NEGATIVE_INFINITY, spentMs: 0 };

  constructor(
    model: SdkModel,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.identifierFields = model.identifiers.map((identifier) => identifier.field);
    this.identifierByField = new Map(model.identifiers.map((identifier) => [identifier.field, identifier]));
    this.eventCount = model.events.length;
    const rules: string[] = [];
    for (const event of model.events) {
      const receivers = receiversOf(event);
      const requiredProtected = event.properties.filter((property) => property.required && receivers.has(property.name)).map((property) => property.name);
      this.events.set(event.action, { identifiers: event.identifiers, removal: removalOf(event), receivers, requiredProtected });
      const rule = eventRule(event);
      // Identifiers are checked here, where each protocol's are known; a protected property is
      // required only of its trackers' payloads, which checkReceivers tells apart.
      const properties = rule.properties.map((property) => (receivers.has(property.name) ? { ...property, required: undefined } : property));
      rules.push(JSON.stringify({ ...rule, identifiers: [], properties }));
    }
    this.checkProperties = createEventChecker(rules.join("\n"));
  }

  /** Every problem of the event, each naming the identifier or property; none when it is good. */
  check(received: ReceivedEvent): string[] {
    const problems = [...received.problems];
    const { tracked, event: name } = received;
    if (tracked === undefined) return problems;
    const facts = this.events.get(name);
    if (facts === undefined) {
      const suggestion = this.suggestionFor(name);
      problems.push(`${JSON.stringify(name)} is not an event of the definitions${suggestion === undefined ? "" : ` (did you mean ${JSON.stringify(suggestion)}?)`}`);
      return problems;
    }
    if (facts.removal !== undefined) problems.push(facts.removal);
    this.checkIdentifiers(facts, tracked.identifiers, problems);
    for (const violation of this.checkProperties(name, { additionalProperties: tracked.additionalProperties })) {
      problems.push(violation.endsWith(NOT_SENT) ? violation.slice(0, -NOT_SENT.length) : violation);
    }
    checkReceivers(facts, tracked.additionalProperties, problems);
    return problems;
  }

  private checkIdentifiers(facts: EventFacts, sent: ReadonlyMap<string, unknown>, problems: string[]): void {
    const declared = new Set<string>();
    for (const identifier of facts.identifiers) {
      declared.add(identifier.field);
      const value = sent.get(identifier.field);
      if (value !== undefined && value !== null) continue;
      problems.push(`identifier ${identifier.field} is missing${identifier.fromContext ? " (it comes from the tracking context: is setTrackingContext called first?)" : ""}`);
    }
    for (const [key, value] of sent) {
      if (declared.has(key) || value === null || value === undefined) continue;
      problems.push(this.identifierByField.has(key) ? `identifier ${key} is not declared by this event` : `key ${JSON.stringify(key)} is not an identifier of the project`);
    }
  }

  private suggestionFor(name: string): string | undefined {
    if (this.suggestions.has(name)) return this.suggestions.get(name);
    const startedAt = this.now();
    if (startedAt - this.suggestionWindow.startedAt >= 1000) this.suggestionWindow = { startedAt, spentMs: 0 };
    if (this.suggestionWindow.spentMs >= SUGGESTION_MS_PER_SECOND) return undefined;
    const suggestion = closestMatch(name, this.events.keys());
    this.suggestionWindow.spentMs += this.now() - startedAt;
    // The oldest goes first: Maps keep the order of insertion.
    if (this.suggestions.size >= MAX_SUGGESTIONS) this.suggestions.delete(this.suggestions.keys().next().value!);
    this.suggestions.set(name, suggestion);
    return suggestion;
  }
}

function removalOf(event: EventModel): string | undefined {
  const { status, milestoneRemoved, removedByUrl } = event.metadata;
  if (status !== "removed") return undefined;
  const details = [milestoneRemoved === undefined ? undefined : `in ${milestoneRemoved}`, removedByUrl].filter((detail) => detail !== undefined);
  return `event ${event.action} is removed${details.length === 0 ? "" : ` (${details.join(", ")})`}: its calls should be deleted`;
}

function receiversOf(event: EventModel): Map<string, readonly string[]> {
  const receivers = new Map<string, readonly string[]>();
  for (const property of event.properties) {
    const classNames = event.calls.filter((call) => call.payload.propertyNames.includes(property.name)).map((call) => call.className);
    if (classNames.length < event.calls.length) receivers.set(property.name, classNames);
  }
  return receivers;
}

/**
 * Which processor received the event, the request does not say; the protected properties in its
 * payload do. Those of different trackers together reached a processor that is none of them; those
 * of one tracker make the payload that tracker's, which must then hold the ones it requires.
 */
function checkReceivers(facts: EventFacts, properties: unknown, problems: string[]): void {
  if (facts.receivers.size === 0 || typeof properties !== "object" || properties === null) return;
  const present = Object.keys(properties).filter((name) => facts.receivers.has(name));
  if (present.length === 0) return;
  const common = present.reduce<readonly string[]>((shared, name) => shared.filter((className) => facts.receivers.get(name)!.includes(className)), facts.receivers.get(present[0]!)!);
  if (common.length === 0) {
    const described = present.map((name) => `${name} (only to ${facts.receivers.get(name)!.join(", ")})`);
    problems.push(`properties ${described.join(", ")} never reach one processor together: a tracker's protected properties go to it alone`);
    return;
  }
  for (const name of facts.requiredProtected) {
    if (present.includes(name)) continue;
    if (common.every((className) => facts.receivers.get(name)!.includes(className))) problems.push(`property ${name} is required`);
  }
}
