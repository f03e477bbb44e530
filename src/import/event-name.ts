import type { Diagnostic } from "../diagnostics/diagnostic";
import { PROTOTYPE_TRAPS } from "../validate/vocabulary";
import type { JsonNode, PointerSegment } from "./json-document";
import { inputDiagnostic, type PlanInput } from "./plan-event";

/** C0 and C1 controls and the line and paragraph separators: no name holds them (validate-definition.ts refuses the same). */
export const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * The name an event is sent under, as the plan writes it, when sit can keep it: a non-empty string
 * on one line, and not `__proto__`, which would replace the prototype of the SDK's catalogs.
 */
export function eventName(
  input: PlanInput,
  node: JsonNode | undefined,
  offset: number,
  path: readonly PointerSegment[],
  missing: string,
): { name: string; offset: number; path: readonly PointerSegment[] } | { diagnostic: Diagnostic } {
  const problem = (message: string, hint?: string) => ({ diagnostic: inputDiagnostic(input, offset, path, "SIT073", message, hint) });
  if (node === undefined) return problem(`${missing}: every event needs the name it is sent under`);
  if (node.kind !== "scalar" || typeof node.value !== "string") return problem("the event's name is not a string");
  const name = node.value;
  if (name.trim() === "") return problem("the event's name is empty", "name the event as the application sends it");
  if (CONTROL_CHARACTER.test(name)) return problem(`event name ${JSON.stringify(name)} holds a control character`, "write the name on one line, in printable characters");
  if (PROTOTYPE_TRAPS.has(name)) return problem(`event name "${name}" cannot be used: as a key of the SDK's catalogs it would replace their prototype`);
  return { name, offset, path };
}
