import type { SdkModel } from "../model/event-model";
import { emitEventFunctions, emitEventMaps, runtimeImports, sendersOf } from "./emit-events";
import { identifierTypeName } from "./emit-runtime";
import { JoinedLinesWriter } from "./typescript-writer";

/**
 * index.ts: the entry point applications import everything from. The event functions live here
 * rather than behind `export *`, which CommonJS compiles to a getter on every call.
 * `functions` is the text of `emitEventFunctions(model.events)` when it was written elsewhere.
 */
export function emitIndex(model: SdkModel, functions = emitEventFunctions(model.events, sendersOf(model))): string {
  const writer = new JoinedLinesWriter();
  writer.line(NO_CHECK).blankLine();
  writer.list("import {", runtimeImports(model), '} from "./runtime.js";');
  writer.blankLine();
  writer.line('export { EVENTS, type EventCatalog, type EventMetadata } from "./catalog.js";');
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
  writer.blankLine();
  return writer.toString() + functions + emitEventMaps(model);
}

/**
 * Type-checking thousands of generated function bodies took most of a large SDK's build time
 * (at 10,000 events, ~3 s of tsc's 7 s). The bodies are sit's, type-checked by sit's tests;
 * the application's code that calls them is checked as before, against the declared types.
 */
const NO_CHECK = `// @ts-nocheck: sit's own tests type-check this file under strict settings; checking it again in
// every build costs seconds at thousands of events. Code calling it is still checked in full.`;
