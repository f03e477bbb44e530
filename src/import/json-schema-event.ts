import { basename } from "node:path";
import { member } from "./json-document";
import { eventName } from "./event-name";
import { eventPropertiesSchema, inputDiagnostic, type PlanInput, type PlanReading } from "./plan-event";

/**
 * One event's JSON Schema in a file of its own, as Ampli and Avo export them (and `sit schema
 * --events` writes them): the event's name is its `title`, else the file's name.
 */
export function readEventJsonSchema(input: PlanInput, filePath: string): PlanReading {
  const { root } = input;
  const format = "JSON Schema";
  if (root.kind !== "object") {
    return { format, events: [], losses: [], diagnostics: [inputDiagnostic(input, root.start, [], "SIT071", "an event's JSON Schema is a JSON object", 'e.g. { "title": "Order Completed", "type": "object", "properties": { … } }')] };
  }
  const title = member(root, "title")?.value;
  const fromFile = basename(filePath).replace(/\.json$/i, "");
  const name =
    title === undefined
      ? eventName(input, { kind: "scalar", start: root.start, value: fromFile }, root.start, [], "the file has no name")
      : eventName(input, title, title.start, ["title"], "the schema has no `title`");
  if ("diagnostic" in name) return { format, events: [], losses: [], diagnostics: [name.diagnostic] };
  const description = member(root, "description")?.value;
  const properties = eventPropertiesSchema(input, name.name, root, [], false);
  return {
    format,
    events: [
      {
        input,
        path: [],
        name: name.name,
        nameOffset: name.offset,
        namePath: name.path,
        description: description?.kind === "scalar" && typeof description.value === "string" ? description.value : undefined,
        schema: properties.schema,
        schemaPath: properties.path,
        bookkeeping: new Set(["$schema", "$id", "id", "title", "description"]),
      },
    ],
    diagnostics: [],
    losses: properties.losses,
  };
}
