import type { SdkModel } from "../model/event-model";
import { emitCatalog } from "./emit-catalog";
import { emitEvents } from "./emit-events";
import { emitIndex } from "./emit-index";
import { emitRuntime } from "./emit-runtime";

/** The bodies of the SDK's files, by path relative to the output folder, without headers. */
export function emitSdk(model: SdkModel): { path: string; body: string }[] {
  return [
    { path: "catalog.ts", body: emitCatalog(model) },
    { path: "events.ts", body: emitEvents(model) },
    { path: "index.ts", body: emitIndex(model) },
    { path: "runtime.ts", body: emitRuntime(model) },
  ];
}
