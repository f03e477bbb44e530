import type { Diagnostic } from "../diagnostics/diagnostic";
import { member, type JsonNode, type JsonObject, type PointerSegment } from "./json-document";
import { eventName } from "./event-name";
import { eventPropertiesSchema, inputDiagnostic, type Loss, type PlanEvent, type PlanInput, type PlanReading } from "./plan-event";

/**
 * Typewriter's tracking plans, in each layout it has written:
 * - Typewriter 8 and later, `plan.json` from Segment's Public API: `rules[]`, each `{ key, type,
 *   jsonSchema }`; the name sent is `jsonSchema.eventMetadata.name`, else the key;
 * - Typewriter 7, `plan.json` from the Config API: `rules.events[]`, each `{ name, description,
 *   rules }` with the properties under `rules.properties.properties`;
 * - the local `tracking-plan.json` of Typewriter 6 and 7: `events[]`, laid out as 7's events.
 */
export function readTypewriterPlan(input: PlanInput): PlanReading {
  const { root } = input;
  const rules = member(root, "rules")?.value;
  const events = member(root, "events")?.value;
  if (rules?.kind === "array") return readRules(input, rules.items);
  const synced = member(rules, "events")?.value;
  if (synced?.kind === "array") return readEvents(input, synced.items, ["rules", "events"], "Typewriter 7 plan.json", leftInSyncedRules(input, rules as JsonObject));
  if (events?.kind === "array") return readEvents(input, events.items, ["events"], "local tracking plan (Typewriter 6 and 7)", []);
  const hint = "Typewriter 8 and later write `rules: [...]`, Typewriter 7 `rules: { events: [...] }`, a local tracking-plan.json `events: [...]`";
  return {
    format: "Typewriter plan",
    events: [],
    losses: [],
    diagnostics: [inputDiagnostic(input, root.start, [], "SIT071", "this is no Typewriter tracking plan: it has no list of rules or events", hint)],
  };
}

/** Segment's rule types; only a track call is an event. */
const TRACK = "TRACK";

function readRules(input: PlanInput, rules: readonly JsonNode[]): PlanReading {
  const events: PlanEvent[] = [];
  const diagnostics: Diagnostic[] = [];
  const losses: Loss[] = [];
  rules.forEach((rule, index) => {
    const path: PointerSegment[] = ["rules", index];
    if (rule.kind !== "object") {
      diagnostics.push(inputDiagnostic(input, rule.start, path, "SIT071", "a rule is a JSON object with `key`, `type` and `jsonSchema`"));
      return;
    }
    const schema = member(rule, "jsonSchema")?.value;
    const metadataName = member(member(schema, "eventMetadata")?.value, "name")?.value;
    const key = member(rule, "key");
    const nameNode = metadataName ?? key?.value;
    const namePath: PointerSegment[] = metadataName !== undefined ? [...path, "jsonSchema", "eventMetadata", "name"] : [...path, "key"];
    const type = member(rule, "type")?.value;
    if (type !== undefined && !(type.kind === "scalar" && type.value === TRACK)) {
      const shown = type.kind === "scalar" ? String(type.value).toLowerCase() : "non-track";
      const event = nameNode?.kind === "scalar" ? String(nameNode.value) : undefined;
      const rule = `${/^[aeiou]/.test(shown) ? "an" : "a"} ${shown} rule`;
      losses.push({ input, event, offset: type.start, path: [...path, "type"], message: `${rule} describes no event (sit imports track calls): not imported` });
      return;
    }
    const name = eventName(input, nameNode, nameNode === undefined ? rule.start : nameNode.start, nameNode === undefined ? path : namePath, "the rule has no `key`");
    if ("diagnostic" in name) {
      diagnostics.push(name.diagnostic);
      return;
    }
    if (schema?.kind !== "object") {
      diagnostics.push(inputDiagnostic(input, schema?.start ?? rule.start, [...path, "jsonSchema"], "SIT071", `rule "${name.name}" has no \`jsonSchema\` object`, "each rule holds its event's JSON Schema in `jsonSchema`"));
      return;
    }
    const description = describedBy(member(rule, "description")?.value) ?? describedBy(member(schema, "description")?.value);
    const properties = eventPropertiesSchema(input, name.name, schema, [...path, "jsonSchema"], false);
    losses.push(...properties.losses, ...labelsOf(input, name.name, schema, [...path, "jsonSchema"]), ...labelsOf(input, name.name, rule, path));
    events.push({
      input,
      path,
      name: name.name,
      nameOffset: name.offset,
      namePath: name.path,
      description,
      schema: properties.schema,
      schemaPath: properties.path,
      bookkeeping: SCHEMA_BOOKKEEPING,
    });
  });
  return { format: "Typewriter 8 plan.json", events, diagnostics, losses };
}

function readEvents(input: PlanInput, items: readonly JsonNode[], at: readonly PointerSegment[], format: string, losses: Loss[]): PlanReading {
  const events: PlanEvent[] = [];
  const diagnostics: Diagnostic[] = [];
  items.forEach((event, index) => {
    const path: PointerSegment[] = [...at, index];
    if (event.kind !== "object") {
      diagnostics.push(inputDiagnostic(input, event.start, path, "SIT071", "an event is a JSON object with `name`, `description` and `rules`"));
      return;
    }
    const nameNode = member(event, "name")?.value;
    const name = eventName(input, nameNode, nameNode?.start ?? event.start, nameNode === undefined ? path : [...path, "name"], "the event has no `name`");
    if ("diagnostic" in name) {
      diagnostics.push(name.diagnostic);
      return;
    }
    const schema = member(event, "rules")?.value;
    if (schema !== undefined && schema.kind !== "object") {
      diagnostics.push(inputDiagnostic(input, schema.start, [...path, "rules"], "SIT071", `the \`rules\` of event "${name.name}" are no JSON Schema object`));
      return;
    }
    const properties = schema === undefined ? { schema: undefined, path: [...path, "rules"], losses: [] } : eventPropertiesSchema(input, name.name, schema, [...path, "rules"], true);
    losses.push(...properties.losses);
    if (schema !== undefined) losses.push(...labelsOf(input, name.name, schema, [...path, "rules"]));
    events.push({
      input,
      path,
      name: name.name,
      nameOffset: name.offset,
      namePath: name.path,
      description: describedBy(member(event, "description")?.value) ?? describedBy(member(schema, "description")?.value),
      schema: properties.schema,
      schemaPath: properties.path,
      bookkeeping: SCHEMA_BOOKKEEPING,
    });
  });
  return { format, events, diagnostics, losses };
}

/**
 * Typewriter 7's plan also holds rules for every call (`global`) and for identify and group calls:
 * none of them is an event, and sit has no place for them.
 */
function leftInSyncedRules(input: PlanInput, rules: JsonObject): Loss[] {
  const losses: Loss[] = [];
  for (const key of ["global", "identify_traits", "group_traits"]) {
    const entry = member(rules, key);
    if (entry === undefined || isEmptyRule(entry.value)) continue;
    losses.push({ input, event: undefined, offset: entry.keyStart, path: ["rules", key], message: `the plan's \`${key}\` rules describe no event (sit imports track calls): not imported` });
  }
  return losses;
}

/** `[]`, `{}` or a schema that declares no property: nothing is lost by leaving it out. */
function isEmptyRule(node: JsonNode): boolean {
  if (node.kind === "array") return node.items.length === 0;
  return node.kind === "scalar" ? node.value === null : !declaresProperty(node);
}

/** Whether a schema declares a property anywhere, Segment's empty envelope (`context`, `traits`, `properties`) aside. */
function declaresProperty(node: JsonNode): boolean {
  if (node.kind !== "object") return false;
  return node.entries.some(
    ({ key, value }) =>
      (key === "properties" && value.kind === "object" && value.entries.some((entry) => !["context", "traits", "properties"].includes(entry.key) || declaresProperty(entry.value))) ||
      declaresProperty(value),
  );
}

/** Segment's labels (`{ area: "account" }`) tag an event; sit's definitions have no tags. */
function labelsOf(input: PlanInput, event: string, owner: JsonObject, path: readonly PointerSegment[]): Loss[] {
  const labels = member(owner, "labels")?.value;
  if (labels === undefined || (labels.kind === "object" && labels.entries.length === 0)) return [];
  const offset = member(owner, "labels")!.keyStart;
  return [{ input, event, offset, path: [...path, "labels"], message: "Segment's labels tag the event, and sit's definitions have no labels: not imported" }];
}

const describedBy = (node: JsonNode | undefined): string | undefined => (node?.kind === "scalar" && typeof node.value === "string" && node.value !== "" ? node.value : undefined);

/** Keys of a rule's schema that are Segment's bookkeeping or read above (name, description, labels). */
const SCHEMA_BOOKKEEPING: ReadonlySet<string> = new Set(["$schema", "$id", "id", "eventMetadata", "labels", "description", "title"]);
