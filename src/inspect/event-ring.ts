import type { ProcessorKind } from "./received-event";

export type EventStatus = "good" | "bad";

/** An event as `sit inspect` keeps and shows it (`GET /sit/events`, the page, `--json`). */
export interface InspectedEvent {
  /** 1 for the first event received since the start, never reused. */
  readonly id: number;
  readonly receivedAt: string;
  readonly event: string;
  readonly status: EventStatus;
  /** Why it is bad, each naming the identifier or property; empty when it is good. */
  readonly problems: readonly string[];
  readonly processor: ProcessorKind;
  /** The event as it arrived. */
  readonly payload: unknown;
}

export interface EventFilter {
  readonly status?: EventStatus | undefined;
  readonly event?: string | undefined;
}

/**
 * The last `capacity` events received, oldest first: a long session keeps a bounded number, and
 * the oldest make room for new ones.
 */
export class EventRing {
  /** Grows to `capacity`, then each new event takes the oldest one's place. */
  private slots: InspectedEvent[] = [];
  /** Where the oldest event is. */
  private start = 0;

  constructor(readonly capacity: number) {}

  /** Keeps `event`; returns the oldest one it pushed out, if the ring was full. */
  add(event: InspectedEvent): InspectedEvent | undefined {
    if (this.slots.length < this.capacity) {
      this.slots.push(event);
      return undefined;
    }
    const oldest = this.slots[this.start];
    this.slots[this.start] = event;
    this.start = (this.start + 1) % this.capacity;
    return oldest;
  }

  /** The events kept that match `filter`, oldest first. */
  list(filter: EventFilter = {}): InspectedEvent[] {
    const events: InspectedEvent[] = [];
    const count = this.slots.length;
    for (let index = 0; index < count; index += 1) {
      const event = this.slots[(this.start + index) % count]!;
      if (filter.status !== undefined && event.status !== filter.status) continue;
      if (filter.event !== undefined && event.event !== filter.event) continue;
      events.push(event);
    }
    return events;
  }

  /** Forgets every event; returns how many there were. */
  clear(): number {
    const count = this.slots.length;
    this.slots = [];
    this.start = 0;
    return count;
  }
}
