import type { EventModel } from "../model/event-model";
import type { CodeWriter } from "./code-writer";

/** The parts of the SDK's files that depend on one event alone, as UTF-8. */
export type EventTextPart =
  /** index.ts: the event's arguments interface and tracking function. */
  | "functions"
  /** index.ts: the event's member of `EventArgs`. */
  | "argsEntry"
  /** index.ts: the event's entry in the dispatch table of `trackEvent`. */
  | "dispatchEntry"
  /** catalog.ts: the event's line of metadata. */
  | "catalogLine"
  /** validation.ts: the event's line of rules. */
  | "ruleLine";

/**
 * Remembers the text emitted for each event, by its model object, for a process that emits the
 * SDK again after each change (`generate --watch`): an event whose model is the very object it was
 * last time is not emitted again. Models are immutable, so the same object always reads the same.
 */
export class EventTextMemo {
  private readonly texts = new WeakMap<EventModel, Partial<Record<EventTextPart, Buffer>>>();

  remember(event: EventModel, part: EventTextPart, render: () => Buffer): Buffer {
    let texts = this.texts.get(event);
    if (texts === undefined) this.texts.set(event, (texts = {}));
    return (texts[part] ??= render());
  }
}

/**
 * Writes an event's part of a file: with `write` itself, or, with a memo, as bytes `write` rendered
 * once apart at the writer's indentation.
 */
export function emitEventPart(writer: CodeWriter, memo: EventTextMemo | undefined, event: EventModel, part: EventTextPart, write: (target: CodeWriter) => void): void {
  if (memo === undefined) {
    write(writer);
    return;
  }
  writer.rendered(
    memo.remember(event, part, () => {
      const apart = writer.apart();
      write(apart);
      return joined(apart.toChunks());
    }),
  );
}

/** Pieces of text as one buffer; a single piece is not copied. */
export const joined = (chunks: readonly Buffer[]): Buffer => (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
