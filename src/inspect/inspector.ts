import { EventRing, type EventFilter, type InspectedEvent } from "./event-ring";
import type { InspectionRules } from "./inspection-rules";
import type { ReceivedEvent } from "./received-event";

/** Hears of events as they are checked, a request's at a time, and of `DELETE /sit/events`. */
export interface InspectorListener {
  received(events: readonly InspectedEvent[]): void;
  cleared(): void;
}

export interface EventCounts {
  readonly received: number;
  readonly good: number;
  readonly bad: number;
}

/**
 * The inspector's state: the rules of the definitions as last loaded, the events received (a
 * bounded ring) and who hears of new ones. Every receiver hands its events here.
 */
export class Inspector {
  private readonly ring: EventRing;
  private readonly listeners = new Set<InspectorListener>();
  private nextId = 1;
  /** Since the start, whatever was cleared since: what `--fail-on-bad` and the summary count. */
  private total = { received: 0, good: 0, bad: 0 };
  /** Since the start or the last `DELETE /sit/events`. */
  private sinceClear = { received: 0, good: 0, bad: 0, dropped: 0 };

  constructor(
    private currentRules: InspectionRules,
    capacity: number,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.ring = new EventRing(capacity);
  }

  get rules(): InspectionRules {
    return this.currentRules;
  }

  /** The definitions changed: events from now on are checked against these. */
  setRules(rules: InspectionRules): void {
    this.currentRules = rules;
  }

  /** Checks and keeps the events of one request, then tells every listener; returns them as kept. */
  receive(events: readonly ReceivedEvent[]): InspectedEvent[] {
    if (events.length === 0) return [];
    const receivedAt = this.now().toISOString();
    const inspected = events.map((received): InspectedEvent => {
      const problems = this.currentRules.check(received);
      const status = problems.length === 0 ? "good" : "bad";
      this.total.received += 1;
      this.total[status] += 1;
      this.sinceClear.received += 1;
      this.sinceClear[status] += 1;
      const event: InspectedEvent = { id: this.nextId++, receivedAt, event: received.event, status, problems, processor: received.processor, payload: received.payload };
      if (this.ring.add(event) !== undefined) this.sinceClear.dropped += 1;
      return event;
    });
    for (const listener of this.listeners) listener.received(inspected);
    return inspected;
  }

  /** The events kept that match `filter`, oldest first. */
  list(filter?: EventFilter): InspectedEvent[] {
    return this.ring.list(filter);
  }

  /** Forgets the events kept; the totals since the start stay. Returns how many were forgotten. */
  clear(): number {
    const count = this.ring.clear();
    this.sinceClear = { received: 0, good: 0, bad: 0, dropped: 0 };
    for (const listener of this.listeners) listener.cleared();
    return count;
  }

  /** Counts since the last clear, and how many events the ring let go meanwhile. */
  countsSinceClear(): EventCounts & { readonly dropped: number } {
    return { ...this.sinceClear };
  }

  totals(): EventCounts {
    return { ...this.total };
  }

  get capacity(): number {
    return this.ring.capacity;
  }

  listen(listener: InspectorListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
