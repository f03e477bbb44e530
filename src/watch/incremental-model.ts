import type { ResolvedConfig } from "../config/validate-config";
import { buildModel } from "../model/build-model";
import type { EventModel, SdkModel } from "../model/event-model";
import { compareCodeUnits } from "../text/code-units";
import type { ValidDefinition } from "../validate/validate-definition";

interface BuiltModel {
  readonly config: ResolvedConfig;
  model: SdkModel;
  /** The definition each event was built from, and the event, by the definition's project path. */
  readonly sources: Map<string, { readonly definition: ValidDefinition; readonly event: EventModel }>;
  /** How many events call each processor: a processor no event calls leaves the SDK. */
  readonly calls: Map<string, number>;
}

/**
 * The SDK model, kept between runs: only the events whose definition object changed are built
 * again, and every other event keeps its model object (the emitters' memo reuses its text).
 *
 * An event's model depends on its definition, the config and the names given to the processors;
 * those names depend on which processors the events call in all. So when a change makes an event
 * call a processor no other event calls, or no event call one any more, or the config changes, the
 * whole model is built again.
 */
export class IncrementalModel {
  private built: BuiltModel | undefined;

  /** The model of `definitions` (free of errors, legacy ones included) under `config`; `rebuilt` counts the events built. */
  update(definitions: readonly ValidDefinition[], config: ResolvedConfig): { model: SdkModel; rebuilt: number } {
    const built = this.built;
    if (built === undefined || built.config !== config) return this.buildAll(definitions, config);

    const changed: ValidDefinition[] = [];
    let kept = 0;
    for (const definition of definitions) {
      if (!definition.internal) continue;
      const source = built.sources.get(definition.projectPath);
      if (source?.definition !== definition) changed.push(definition);
      if (source !== undefined) kept++;
    }
    // Every event built before still has its definition unless fewer of them were found.
    const gone = kept === built.sources.size ? [] : goneSince(built, definitions);
    if (changed.length === 0 && gone.length === 0) return { model: built.model, rebuilt: 0 };

    const partial = buildModel(changed, config);
    const senders = new Map(built.model.processors.map((processor) => [processor.className, processor.senderName]));
    if (partial.processors.some((processor) => senders.get(processor.className) !== processor.senderName)) return this.buildAll(definitions, config);

    const dropped = new Set<EventModel>();
    for (const path of [...gone, ...changed.map((definition) => definition.projectPath)]) {
      const source = built.sources.get(path);
      if (source === undefined) continue;
      dropped.add(source.event);
      built.sources.delete(path);
      countCalls(built.calls, source.event, -1);
    }
    const bySource = new Map(changed.map((definition) => [definition.projectPath, definition]));
    for (const event of partial.events) {
      built.sources.set(event.metadata.file, { definition: bySource.get(event.metadata.file)!, event });
      countCalls(built.calls, event, 1);
    }
    if ([...built.calls.values()].some((count) => count === 0)) return this.buildAll(definitions, config);

    const unchanged = built.model.events.filter((event) => !dropped.has(event));
    built.model = { ...built.model, events: mergeByAction(unchanged, partial.events) };
    return { model: built.model, rebuilt: partial.events.length };
  }

  private buildAll(definitions: readonly ValidDefinition[], config: ResolvedConfig): { model: SdkModel; rebuilt: number } {
    const model = buildModel(definitions, config);
    const byPath = new Map(definitions.map((definition) => [definition.projectPath, definition]));
    const sources = new Map(model.events.map((event) => [event.metadata.file, { definition: byPath.get(event.metadata.file)!, event }]));
    const calls = new Map<string, number>();
    for (const event of model.events) countCalls(calls, event, 1);
    this.built = { config, model, sources, calls };
    return { model, rebuilt: model.events.length };
  }
}

/** The project paths of events built before that no internal event among `definitions` has now. */
function goneSince(built: BuiltModel, definitions: readonly ValidDefinition[]): string[] {
  const present = new Set(definitions.filter((definition) => definition.internal).map((definition) => definition.projectPath));
  return [...built.sources.keys()].filter((path) => !present.has(path));
}

function countCalls(calls: Map<string, number>, event: EventModel, delta: 1 | -1): void {
  for (const call of event.calls) calls.set(call.className, (calls.get(call.className) ?? 0) + delta);
}

/** Two lists of events, each sorted by action, as one sorted list (the model's order). */
function mergeByAction(a: readonly EventModel[], b: readonly EventModel[]): EventModel[] {
  const merged: EventModel[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) merged.push(compareCodeUnits(a[i]!.action, b[j]!.action) <= 0 ? a[i++]! : b[j++]!);
  while (i < a.length) merged.push(a[i++]!);
  while (j < b.length) merged.push(b[j++]!);
  return merged;
}
