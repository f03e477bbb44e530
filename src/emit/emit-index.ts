import type { SdkModel } from "../model/event-model";
import { compareCodeUnits } from "../text/code-units";
import { CodeWriter } from "./code-writer";
import { emitEventFunctions, emitEventMaps, sdkImports } from "./emit-events";
import type { EventTextMemo } from "./event-text-memo";
import { SDK_API as API } from "../naming/sdk-api";

/**
 * index.ts: the entry point applications import the event functions from. Nothing in it is
 * re-exported with `export … from`: compiled to CommonJS, that defines a getter on the module
 * object, which turns it into a slow dictionary that every track call paid for. It does not import
 * the catalog: a bundle that uses one event function carries that function and the runtime only.
 */
export function emitIndex(model: SdkModel, memo?: EventTextMemo): Buffer[] {
  const writer = new CodeWriter();
  writer.lines(NO_CHECK).blankLine();
  const imports = sdkImports(model);
  writer.list("import {", imports.core, '} from "./core.js";');
  if (imports.runtime.length > 0) writer.list("import {", imports.runtime, '} from "./runtime.js";');
  writer.line('import * as runtime from "./runtime.js";');
  writer.blankLine();
  writer.list("export type {", [API.EventCatalog, API.EventMetadata], '} from "./catalog.js";');
  const types = [
    API.EventPayload,
    API.EventValidator,
    API.FlushOptions,
    API.Processor,
    API.ProcessorContext,
    API.ProcessorName,
    API.PropertyValue,
    API.TrackingErrorContext,
    API.TrackingOptions,
    ...model.identifiers.map((entry) => entry.typeName),
    ...(withContext(model) ? [API.TrackingContext] : []),
  ].sort(compareCodeUnits);
  writer.list("export type {", types, '} from "./runtime.js";');
  writer.blankLine();
  writer.lines(REEXPORTS);
  if (withContext(model)) writer.blankLine().lines(SET_TRACKING_CONTEXT);
  writer.blankLine();
  return [...writer.toChunks(), ...emitEventFunctions(model.events, memo), ...emitEventMaps(model, memo)];
}

/**
 * Type-checking thousands of generated function bodies took most of a large SDK's build time.
 * The bodies are sit's, type-checked by sit's tests; the application's code that calls them is
 * checked as before, against the declared types.
 */
const NO_CHECK = `// @ts-nocheck: sit's own tests type-check this file under strict settings; checking it again in
// every build costs seconds at thousands of events. Code calling it is still checked in full.`;

const REEXPORTS = `/**
 * Changes how tracking behaves (error handler, consent, replacement
 * processors, checks); an option left out keeps its current value.
 */
export const ${API.configureTracking}: typeof runtime.${API.configureTracking} =
  runtime.${API.configureTracking};

/** Returns every option of \`${API.configureTracking}\` to its default. */
export const ${API.resetTracking}: typeof runtime.${API.resetTracking} =
  runtime.${API.resetTracking};

/**
 * Settles when every asynchronous processor call made so far has settled, or
 * after \`timeoutMs\` (default 10,000), reporting what has not. Never rejects.
 */
export const ${API.flush}: typeof runtime.${API.flush} = runtime.${API.flush};`;

const withContext = (model: SdkModel): boolean => model.identifiers.some((identifier) => identifier.fromContext);

const SET_TRACKING_CONTEXT = `/**
 * Sets identifiers of the tracking context (a key given replaces its value,
 * \`undefined\` clears it, a key left out keeps its value).
 */
export const ${API.setTrackingContext}: typeof runtime.${API.setTrackingContext} =
  runtime.${API.setTrackingContext};`;
