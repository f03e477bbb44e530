import { eventRule } from "../model/check-rules";
import type { SdkModel } from "../model/event-model";
import { CodeWriter } from "./code-writer";
import { templateText } from "./emit-catalog";
import { emitEventPart, type EventTextMemo } from "./event-text-memo";
import { SDK_API as API } from "../naming/sdk-api";

/**
 * validation.ts: `checkEvents`, the opt-in development checks of `configureTracking({ validate })`:
 * the project's rules, one line of JSON per event, for the fixed checks of checks.ts. A file of its
 * own, imported only by applications that enable it, so no other bundle carries the rules or the
 * checks.
 */
export function emitValidation(model: SdkModel, memo?: EventTextMemo): Buffer[] {
  const writer = new CodeWriter();
  writer.line('import { createEventChecker } from "./checks.js";');
  writer.line(`import type { ${API.EventValidator} } from "./core.js";`).blankLine();
  writer.line("const RULES = `");
  for (const event of model.events) emitEventPart(writer, memo, event, "ruleLine", (target) => target.line(templateText(JSON.stringify(eventRule(event)))));
  writer.line("`;");
  writer.blankLine();
  writer.lines(CHECK_EVENTS);
  return writer.toChunks();
}

const CHECK_EVENTS = `/**
 * Checks an event's arguments against its definition, for values TypeScript
 * cannot see (JavaScript callers, \`any\`, JSON from elsewhere): enable with
 * \`configureTracking({ validate: ${API.checkEvents} })\`. Returns the violations.
 */
export const ${API.checkEvents}: ${API.EventValidator} =
  /* @__PURE__ */ createEventChecker(RULES);`;
