import type { EventModel, SdkModel } from "../model/event-model";
import { emitCatalog } from "./emit-catalog";
import { emitEventFunctions, sendersOf } from "./emit-events";
import { emitIndex } from "./emit-index";
import { emitRuntime } from "./emit-runtime";

/**
 * Starts writing the event functions of `events` elsewhere (another thread) and returns what
 * waits for their bytes, or yields `undefined` if that failed.
 */
export type ElsewhereEmitter = (events: readonly EventModel[], senders: ReadonlyMap<string, string>) => () => readonly Buffer[] | undefined;

/**
 * The bodies of the SDK's files as pieces of UTF-8, by path relative to the output folder, without headers. With
 * `elsewhere`, the second half of the event functions is written there meanwhile.
 */
export function emitSdk(model: SdkModel, elsewhere?: ElsewhereEmitter): { path: string; body: readonly Buffer[] }[] {
  const senders = sendersOf(model);
  const split = elsewhere === undefined ? model.events.length : Math.ceil(model.events.length / 2);
  const secondHalf = model.events.slice(split);
  const waitForSecondHalf = elsewhere?.(secondHalf, senders);
  const firstHalf = emitEventFunctions(model.events.slice(0, split), senders);
  const catalog = emitCatalog(model);
  const runtime = [Buffer.from(emitRuntime(model), "utf8")];
  const functions = [...firstHalf, ...(waitForSecondHalf?.() ?? emitEventFunctions(secondHalf, senders))];
  return [
    { path: "catalog.ts", body: catalog },
    { path: "index.ts", body: emitIndex(model, functions) },
    { path: "runtime.ts", body: runtime },
  ];
}
