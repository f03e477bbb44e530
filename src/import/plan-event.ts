import type { Diagnostic } from "../diagnostics/diagnostic";
import type { DiagnosticCode } from "../diagnostics/codes";
import type { SourceFile } from "../load/source-file";
import { jsonPointer, member, type JsonNode, type JsonObject, type PointerSegment } from "./json-document";

/** A JSON file read for the import: its text (for positions) and its parsed tree. */
export interface PlanInput {
  readonly source: SourceFile;
  readonly root: JsonNode;
}

/** An event as a plan describes it, before sit reads its JSON Schema. */
export interface PlanEvent {
  readonly input: PlanInput;
  /** Where the event is: its rule in a plan, the whole file for a JSON Schema of its own. */
  readonly path: readonly PointerSegment[];
  /** As the plan writes it; what the application sends. */
  readonly name: string;
  /** Where the name is written, for problems with it. */
  readonly nameOffset: number;
  readonly namePath: readonly PointerSegment[];
  readonly description: string | undefined;
  /** The JSON Schema whose `properties` are the event's (Segment's envelope taken off); `undefined` when it has none. */
  readonly schema: JsonNode | undefined;
  readonly schemaPath: readonly PointerSegment[];
  /** Keys of the event's schema that are not the event's data (Segment's bookkeeping, the envelope): not reported as lost. */
  readonly bookkeeping: ReadonlySet<string>;
}

/** What reading one input yields: its events, or why it holds none that can be read. */
export interface PlanReading {
  /** What the input is, for the report: `Typewriter 8 plan.json`. */
  readonly format: string;
  readonly events: readonly PlanEvent[];
  readonly diagnostics: readonly Diagnostic[];
  /** Parts of the input the import leaves out (an identify rule, a Segment envelope's traits). */
  readonly losses: readonly Loss[];
}

/**
 * Something of the plan that sit cannot say as the plan says it, and what the import makes of it
 * instead: an error, unless the user accepts the loss with --lossy.
 */
export interface Loss {
  readonly input: PlanInput;
  /** The event it belongs to, if any. */
  readonly event: string | undefined;
  readonly offset: number;
  readonly path: readonly PointerSegment[];
  /** What the plan says and what sit makes of it: "`format: date-time` is not checked: imported as a plain string". */
  readonly message: string;
}

/** A diagnostic at a node of an input, naming its JSON pointer. */
export function inputDiagnostic(input: PlanInput, offset: number, path: readonly PointerSegment[], code: DiagnosticCode, message: string, hint?: string): Diagnostic {
  return input.source.diagnostic(offset, "error", code, `${message} (at ${shownPointer(path)})`, hint);
}

/** A pointer as messages show it: the document itself is `#`. */
export const shownPointer = (path: readonly PointerSegment[]): string => (path.length === 0 ? "#" : jsonPointer(path));

/** Segment's message envelope: a track call's `properties`, beside the `context` and `traits` sent with it. */
const ENVELOPE_KEYS: ReadonlySet<string> = new Set(["properties", "context", "traits"]);

/**
 * The schema of the event's properties. Segment's Config API (Typewriter 7) writes the whole
 * message, `{ properties: { context, traits, properties: <the event's> } }`; its Public API
 * (Typewriter 8) the event's properties directly, though plans converted from 7 keep the envelope.
 * `always`: the layout always has the envelope; otherwise it is recognised by its keys, `properties`
 * beside `context` or `traits` and nothing else.
 */
export function eventPropertiesSchema(
  input: PlanInput,
  event: string,
  schema: JsonObject,
  path: readonly PointerSegment[],
  always: boolean,
): { schema: JsonNode | undefined; path: readonly PointerSegment[]; losses: Loss[] } {
  const top = member(schema, "properties")?.value;
  if (top?.kind !== "object") return { schema, path, losses: [] };
  const keys = top.entries.map((entry) => entry.key);
  const inner = member(top, "properties")?.value;
  const enveloped = always
    ? inner !== undefined
    : inner?.kind === "object" && keys.every((key) => ENVELOPE_KEYS.has(key)) && keys.some((key) => key !== "properties");
  if (!enveloped) return { schema, path, losses: [] };
  const losses: Loss[] = [];
  for (const entry of top.entries) {
    if (entry.key === "properties") continue;
    const declares = entry.value.kind === "object" && entry.value.entries.some(({ key, value }) => key === "properties" && value.kind === "object" && value.entries.length > 0);
    if (!ENVELOPE_KEYS.has(entry.key) || declares) {
      losses.push({
        input,
        event,
        offset: entry.keyStart,
        path: [...path, "properties", entry.key],
        message: `\`${entry.key}\` of the Segment message is not one of the event's properties: not imported`,
      });
    }
  }
  const innerPath = [...path, "properties", "properties"];
  return { schema: inner, path: innerPath, losses };
}
