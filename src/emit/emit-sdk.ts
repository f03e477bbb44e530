import type { EventModel, SdkModel } from "../model/event-model";
import { emitCatalog } from "./emit-catalog";
import { emitEventFunctions, emitEvents, targetsOf } from "./emit-events";
import { emitIndex } from "./emit-index";
import { emitRuntime } from "./emit-runtime";

/**
 * Starts writing the event functions of `events` elsewhere (another thread) and returns what
 * waits for the text, or yields `undefined` if that failed.
 */
export type ElsewhereEmitter = (events: readonly EventModel[], targets: ReadonlyMap<string, string>) => () => string | undefined;

/**
 * The bodies of the SDK's files, by path relative to the output folder, without headers. With
 * `elsewhere`, the second half of the event functions is written there meanwhile.
 */
export function emitSdk(model: SdkModel, elsewhere?: ElsewhereEmitter): { path: string; body: string }[] {
  const targets = targetsOf(model);
  const split = elsewhere === undefined ? model.events.length : Math.ceil(model.events.length / 2);
  const secondHalf = model.events.slice(split);
  const waitForSecondHalf = elsewhere?.(secondHalf, targets);
  const firstHalf = emitEventFunctions(model.events.slice(0, split), targets);
  const files = {
    "catalog.ts": emitCatalog(model),
    "index.ts": emitIndex(model),
    "runtime.ts": emitRuntime(model),
  };
  const functions = firstHalf + (waitForSecondHalf?.() ?? emitEventFunctions(secondHalf, targets));
  return [
    { path: "catalog.ts", body: files["catalog.ts"] },
    { path: "events.ts", body: emitEvents(model, functions) },
    { path: "index.ts", body: files["index.ts"] },
    { path: "runtime.ts", body: files["runtime.ts"] },
  ];
}
