import type { ValidDefinition } from "../validate/validate-definition";
import { compareChanges, type ChangeKind, type DefinitionChange } from "./definition-change";
import { stableJson } from "../text/stable-json";
import type { PropertySpec, ValueSpec } from "../model/value-spec";
import { eventShapeOf, type EventShape, type PropertyShape } from "./event-shape";
import type { DeclaredIdentifier } from "./revision-config";
import { compareDomains, describeDomain, describeValue, domainOf } from "./value-domain";

/** Both sides of a comparison: the base revision and the working tree. */
export interface ComparedDefinitions {
  readonly base: readonly ValidDefinition[];
  readonly head: readonly ValidDefinition[];
  /** The base revision's default processors; `undefined` when its config does not say (then they are not compared). */
  readonly baseDefaultProcessors: readonly string[] | undefined;
  readonly headDefaultProcessors: readonly string[];
  /** The identifiers the base revision's config declares; `undefined` when it has no config (then they are not compared). */
  readonly baseIdentifiers: ReadonlyMap<string, DeclaredIdentifier> | undefined;
  readonly headIdentifiers: ReadonlyMap<string, DeclaredIdentifier>;
}

type ChangeFields = Pick<DefinitionChange, "kind" | "breaking"> & Partial<Omit<DefinitionChange, "kind" | "breaking">>;

/**
 * Every change from `base` to `head`, classified, sorted. Internal events are matched by action,
 * legacy definitions by file (their actions need not be unique); properties by name.
 */
export function compareDefinitions(sides: ComparedDefinitions): DefinitionChange[] {
  const changes: DefinitionChange[] = [];
  const push = (fields: ChangeFields): void => {
    changes.push({ event: null, function: null, subject: null, before: null, after: null, file: null, baseFile: null, renameCandidate: null, ...fields });
  };

  if (sides.baseDefaultProcessors !== undefined) compareDefaultProcessors(sides.baseDefaultProcessors, sides.headDefaultProcessors, push);
  if (sides.baseIdentifiers !== undefined) compareIdentifierDeclarations(sides.baseIdentifiers, sides.headIdentifiers, push);

  const baseEvents = shapesByAction(sides.base);
  const headEvents = shapesByAction(sides.head);
  const headLegacyActions = new Set(sides.head.filter((definition) => !definition.internal).map((definition) => definition.data.action));
  const removed = [...baseEvents.values()].filter((shape) => !headEvents.has(shape.action));
  const added = [...headEvents.values()].filter((shape) => !baseEvents.has(shape.action));
  const renames = pairRenames(removed, added);

  for (const shape of removed) {
    push({
      kind: "event-removed",
      breaking: true,
      event: shape.action,
      function: shape.functionName,
      before: shape.status,
      after: headLegacyActions.has(shape.action) ? "legacy" : null,
      baseFile: shape.projectPath,
      renameCandidate: renames.get(shape.action) ?? null,
    });
  }
  for (const shape of added) {
    push({
      kind: "event-added",
      breaking: false,
      event: shape.action,
      function: shape.functionName,
      after: shape.status,
      file: shape.projectPath,
      renameCandidate: renames.get(shape.action) ?? null,
    });
  }
  for (const [action, after] of headEvents) {
    const before = baseEvents.get(action);
    if (before !== undefined) compareEvent(before, after, push);
  }
  compareLegacy(sides.base, sides.head, push);
  return changes.sort(compareChanges);
}

function shapesByAction(definitions: readonly ValidDefinition[]): Map<string, EventShape> {
  const shapes = new Map<string, EventShape>();
  for (const definition of definitions) if (definition.internal) shapes.set(definition.data.action, eventShapeOf(definition));
  return shapes;
}

/** Removed and added events whose definitions are identical but for the action: each pair, both ways. */
function pairRenames(removed: readonly EventShape[], added: readonly EventShape[]): Map<string, string> {
  const addedByContent = new Map<string, EventShape[]>();
  for (const shape of added) addedByContent.set(shape.contentKey, [...(addedByContent.get(shape.contentKey) ?? []), shape]);
  const pairs = new Map<string, string>();
  for (const shape of removed) {
    const candidate = addedByContent.get(shape.contentKey)?.shift();
    if (candidate === undefined) continue;
    pairs.set(shape.action, candidate.action);
    pairs.set(candidate.action, shape.action);
  }
  return pairs;
}

function compareEvent(before: EventShape, after: EventShape, push: (fields: ChangeFields) => void): void {
  const at = { event: after.action, function: after.functionName, file: after.projectPath, baseFile: before.projectPath };
  if (before.functionName !== after.functionName) push({ ...at, kind: "function-renamed", breaking: true, before: before.functionName, after: after.functionName });
  if (before.projectPath !== after.projectPath) push({ ...at, kind: "file-renamed", breaking: false, before: before.projectPath, after: after.projectPath });
  if (before.status !== after.status) {
    push({ ...at, kind: after.status === "removed" ? "event-marked-removed" : "event-restored", breaking: false, before: before.status, after: after.status });
  }

  for (const identifier of after.identifiers) {
    if (!before.identifiers.includes(identifier)) push({ ...at, kind: "identifier-added", breaking: true, subject: identifier });
  }
  for (const identifier of before.identifiers) {
    if (!after.identifiers.includes(identifier)) push({ ...at, kind: "identifier-removed", breaking: true, subject: identifier });
  }

  for (const name of [...new Set([...before.properties.keys(), ...after.properties.keys()])]) {
    const old = before.properties.get(name);
    const current = after.properties.get(name);
    if (current === undefined) push({ ...at, kind: "property-removed", breaking: true, subject: name, before: describeValue(old!.value) });
    else if (old === undefined) push({ ...at, kind: "property-added", breaking: current.required, subject: name, after: describeValue(current.value) });
    else compareProperty(old, current, (fields) => push({ ...at, ...fields }));
  }

  for (const tracker of after.trackers) if (!before.trackers.includes(tracker)) push({ ...at, kind: "tracker-added", breaking: false, subject: tracker });
  for (const tracker of before.trackers) if (!after.trackers.includes(tracker)) push({ ...at, kind: "tracker-removed", breaking: true, subject: tracker });
  if (reordered(before.trackers, after.trackers)) push({ ...at, kind: "trackers-reordered", breaking: false, before: before.trackers, after: after.trackers });

  // A change of status carries its own milestone and URL; they are not metadata changes on top.
  const statusKeys = before.status === after.status ? [] : ["milestone_removed", "removed_by_url"];
  for (const key of [...new Set([...before.metadata.keys(), ...after.metadata.keys()])].sort()) {
    if (statusKeys.includes(key)) continue;
    const old = before.metadata.get(key) ?? null;
    const current = after.metadata.get(key) ?? null;
    if (stableJson(old) !== stableJson(current)) push({ ...at, kind: "metadata-changed", breaking: false, subject: key, before: old, after: current });
  }
}

function compareProperty(before: PropertyShape, after: PropertyShape, push: (fields: ChangeFields) => void): void {
  const subject = after.name;
  if (!sameReceivers(before.protectedFor, after.protectedFor)) {
    // Breaking when a processor that received the property no longer does.
    push({
      kind: "property-moved",
      breaking: !receives(after.protectedFor, before.protectedFor),
      subject,
      before: before.protectedFor ?? null,
      after: after.protectedFor ?? null,
    });
  }
  compareMember(subject, before, after, push);
}

/** A property, or a key of an object property at `path`: its value, whether it is required, its description. */
function compareMember(
  path: string,
  before: Pick<PropertySpec, "value" | "required" | "description">,
  after: Pick<PropertySpec, "value" | "required" | "description">,
  push: (fields: ChangeFields) => void,
): void {
  compareValue(path, before.value, after.value, push);
  if (before.required !== after.required) {
    push({
      kind: after.required ? "property-now-required" : "property-now-optional",
      breaking: after.required,
      subject: path,
      before: before.required,
      after: after.required,
    });
  }
  if ((before.description ?? null) !== (after.description ?? null)) {
    push({ kind: "property-description-changed", breaking: false, subject: path, before: before.description ?? null, after: after.description ?? null });
  }
}

/** The values a place accepts, then, where both sides hold them, what its arrays and objects hold, each at its own path. */
function compareValue(path: string, before: ValueSpec, after: ValueSpec, push: (fields: ChangeFields) => void): void {
  const [was, is] = [domainOf(before), domainOf(after)];
  const domainChange = compareDomains(was, is);
  if (domainChange !== "same") {
    const kinds: Record<typeof domainChange, ChangeKind> = {
      narrowed: "property-type-narrowed",
      widened: "property-type-widened",
      changed: "property-type-changed",
    };
    push({ kind: kinds[domainChange], breaking: domainChange !== "widened", subject: path, before: describeDomain(was), after: describeDomain(is) });
  }
  if (before.items !== undefined && after.items !== undefined) compareValue(`${path}[]`, before.items, after.items, push);
  if (before.properties !== undefined && after.properties !== undefined) {
    const keys = (properties: readonly PropertySpec[]): Map<string, PropertySpec> => new Map(properties.map((property) => [property.name, property]));
    const old = keys(before.properties);
    const current = keys(after.properties);
    for (const [name, property] of old) {
      if (!current.has(name)) push({ kind: "property-removed", breaking: true, subject: memberPath(path, name), before: describeValue(property.value) });
    }
    for (const [name, property] of current) {
      const was = old.get(name);
      if (was === undefined) push({ kind: "property-added", breaking: property.required, subject: memberPath(path, name), after: describeValue(property.value) });
      else compareMember(memberPath(path, name), was, property, push);
    }
  }
}

/** `products[].price`, `dimensions["Product ID"]`: an object's key as the SDK's checks name it. */
function memberPath(path: string, name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? `${path}.${name}` : `${path}[${JSON.stringify(name)}]`;
}

/** `undefined` receivers: every processor. */
function receives(receivers: readonly string[] | undefined, others: readonly string[] | undefined): boolean {
  if (receivers === undefined) return true;
  return others !== undefined && others.every((tracker) => receivers.includes(tracker));
}

const sameReceivers = (a: readonly string[] | undefined, b: readonly string[] | undefined): boolean => receives(a, b) && receives(b, a);

/** Whether the items both lists hold come in another order. */
function reordered(before: readonly string[], after: readonly string[]): boolean {
  const common = before.filter((item) => after.includes(item));
  return common.join("\n") !== after.filter((item) => before.includes(item)).join("\n");
}

function compareDefaultProcessors(before: readonly string[], after: readonly string[], push: (fields: ChangeFields) => void): void {
  for (const name of before) if (!after.includes(name)) push({ kind: "default-processor-removed", breaking: true, subject: name });
  for (const name of after) if (!before.includes(name)) push({ kind: "default-processor-added", breaking: false, subject: name });
  if (reordered(before, after)) push({ kind: "default-processors-reordered", breaking: false, before, after });
}

/**
 * The identifiers both configs declare (GitLab's four always): a type changed breaks the calls
 * that pass it, or the processors that read it; an identifier no longer from the tracking context
 * is an argument every call of its events must now pass.
 */
function compareIdentifierDeclarations(
  before: ReadonlyMap<string, DeclaredIdentifier>,
  after: ReadonlyMap<string, DeclaredIdentifier>,
  push: (fields: ChangeFields) => void,
): void {
  for (const [name, current] of after) {
    const old = before.get(name);
    if (old === undefined) continue;
    if (old.type !== current.type) push({ kind: "identifier-type-changed", breaking: true, subject: name, before: old.type, after: current.type });
    // Either way every call of an event that names it stops compiling: passed where it is no
    // parameter any more (an excess property), or missing where it became one.
    if (old.fromContext !== current.fromContext) {
      push({ kind: current.fromContext ? "identifier-into-context" : "identifier-out-of-context", breaking: true, subject: name, before: old.fromContext, after: current.fromContext });
    }
  }
}

/** Legacy definitions get no function: every change is reported, none is breaking. */
function compareLegacy(base: readonly ValidDefinition[], head: readonly ValidDefinition[], push: (fields: ChangeFields) => void): void {
  const byFile = (definitions: readonly ValidDefinition[]): Map<string, ValidDefinition> =>
    new Map(definitions.filter((definition) => !definition.internal).map((definition) => [definition.projectPath, definition]));
  const before = byFile(base);
  const after = byFile(head);
  for (const [file, definition] of before) {
    if (!after.has(file)) push({ kind: "legacy-removed", breaking: false, event: definition.data.action, baseFile: file });
  }
  for (const [file, definition] of after) {
    const old = before.get(file);
    if (old === undefined) {
      push({ kind: "legacy-added", breaking: false, event: definition.data.action, file });
      continue;
    }
    const oldData: Readonly<Record<string, unknown>> = { ...old.data };
    const newData: Readonly<Record<string, unknown>> = { ...definition.data };
    for (const key of [...new Set([...Object.keys(oldData), ...Object.keys(newData)])].sort()) {
      const was = oldData[key] ?? null;
      const is = newData[key] ?? null;
      if (stableJson(was) !== stableJson(is)) {
        push({ kind: "legacy-changed", breaking: false, event: definition.data.action, subject: key, before: was, after: is, file, baseFile: file });
      }
    }
  }
}
