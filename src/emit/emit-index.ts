import type { SdkModel } from "../model/event-model";
import { emitEventFunctions, emitEventMaps, runtimeImports, sendersOf } from "./emit-events";
import { identifierTypeName } from "./emit-runtime";
import { ByteWriter } from "./typescript-writer";

/**
 * index.ts: the entry point applications import everything from. Nothing in it is re-exported
 * with `export … from`: compiled to CommonJS, that defines a getter on the module object, which
 * turns it into a slow dictionary, and every track call paid for the lookup (1.3× the cost of
 * calling the processors by hand, against 1.0× without).
 * `functions` is what `emitEventFunctions(model.events)` gives, when it was written elsewhere.
 */
export function emitIndex(model: SdkModel, functions = emitEventFunctions(model.events, sendersOf(model))): Buffer[] {
  const writer = new ByteWriter();
  writer.line(NO_CHECK).blankLine();
  writer.list("import {", runtimeImports(model), '} from "./runtime.js";');
  writer.line('import * as catalog from "./catalog.js";');
  writer.line('import * as runtime from "./runtime.js";');
  writer.blankLine();
  writer.line('export type { EventCatalog, EventMetadata } from "./catalog.js";');
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
  writer.line(REEXPORTS);
  writer.blankLine();
  return [...writer.toChunks(), ...functions, ...emitEventMaps(model)];
}

/**
 * Type-checking thousands of generated function bodies took most of a large SDK's build time
 * (at 10,000 events, ~3 s of tsc's 7 s). The bodies are sit's, type-checked by sit's tests;
 * the application's code that calls them is checked as before, against the declared types.
 */
const NO_CHECK = `// @ts-nocheck: sit's own tests type-check this file under strict settings; checking it again in
// every build costs seconds at thousands of events. Code calling it is still checked in full.`;

const REEXPORTS = `/** Every internal event, removed ones included, by action, deeply frozen. */
export const EVENTS: catalog.EventCatalog = catalog.EVENTS;

/** Sets how processor failures are reported; an option left out returns to its default. */
export const configureTracking: typeof runtime.configureTracking =
  runtime.configureTracking;

/** Settles when every asynchronous processor call made so far has settled. */
export const flush: typeof runtime.flush = runtime.flush;`;
