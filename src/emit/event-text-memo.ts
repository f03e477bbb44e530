import type { EventModel } from "../model/event-model";

/** The text of each SDK file that depends on one event alone. */
interface EventTexts {
  /** index.ts: the event's arguments interface and tracking function. */
  functions: Buffer;
  /** index.ts: the event's member of `EventArgs`, as rendered lines. */
  argsEntry: string;
  /** index.ts: the event's entry of the dispatch table of `trackEvent`, as rendered lines. */
  dispatchEntry: string;
  /** catalog.ts: the event's line of metadata. */
  catalogLine: string;
  /** validation.ts: the event's line of rules. */
  ruleLine: string;
}

export type EventTextPart = keyof EventTexts;

/**
 * Remembers the text emitted for each event, by its model object, for a process that emits the
 * SDK again after each change (`generate --watch`): an event whose model is the very object it was
 * last time is not emitted again. Models are immutable, so the same object always reads the same.
 */
export class EventTextMemo {
  private readonly texts = new WeakMap<EventModel, Partial<EventTexts>>();

  remember<P extends EventTextPart>(event: EventModel, part: P, render: () => EventTexts[P]): EventTexts[P] {
    let texts = this.texts.get(event);
    if (texts === undefined) this.texts.set(event, (texts = {}));
    return (texts[part] ??= render()) as EventTexts[P];
  }
}

/** An event's text: remembered when there is a memo, rendered otherwise. */
export const eventText = <P extends EventTextPart>(memo: EventTextMemo | undefined, event: EventModel, part: P, render: () => EventTexts[P]): EventTexts[P] =>
  memo === undefined ? render() : memo.remember(event, part, render);
