import type { SdkModel } from "../model/event-model";
import { identifierTypeName } from "./emit-runtime";
import { TypeScriptWriter } from "./typescript-writer";

/** index.ts: the entry point applications import everything from. */
export function emitIndex(model: SdkModel): string {
  const writer = new TypeScriptWriter();
  writer.line('export * from "./events.js";');
  writer.line('export { EVENTS, type EventMetadata } from "./catalog.js";');
  writer.line('export { configureTracking, flush } from "./runtime.js";');
  const types = [
    "EventPayload",
    "Processor",
    "PropertyValue",
    "TrackingErrorContext",
    "TrackingOptions",
    ...model.identifierTypes.map((entry) => identifierTypeName(entry.identifier)),
  ].sort();
  writer.list("export type {", types, '} from "./runtime.js";');
  return writer.toString();
}
