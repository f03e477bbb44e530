import type { ResolvedConfig } from "../config/validate-config";
import type { ValidDefinition } from "../validate/validate-definition";
import type { TrackerChoices } from "./field-flags";

/** A name the existing definitions use, with how many of them use it. */
export interface UsedName<Name extends string = string> {
  readonly name: Name;
  readonly count: number;
}

/** What the project already uses: the choices `sit new` offers and checks flags against. */
export interface ProjectVocabulary {
  /** Every product group of the existing definitions (legacy ones included), by name. */
  readonly productGroups: readonly UsedName[];
  /** Every identifier definitions may name, the most used first (ties in the vocabulary's order). */
  readonly identifiers: readonly UsedName[];
  readonly trackers: TrackerChoices;
}

export function projectVocabulary(definitions: readonly ValidDefinition[], config: ResolvedConfig): ProjectVocabulary {
  const groups = new Map<string, number>();
  const identifierCounts = new Map<string, number>();
  for (const { data } of definitions) {
    if (data.product_group !== undefined) groups.set(data.product_group, (groups.get(data.product_group) ?? 0) + 1);
    for (const identifier of data.identifiers ?? []) identifierCounts.set(identifier, (identifierCounts.get(identifier) ?? 0) + 1);
  }
  const byName = (a: UsedName, b: UsedName): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return {
    productGroups: [...groups].map(([name, count]) => ({ name, count })).sort(byName),
    identifiers: config.vocabulary.identifiers.map((name) => ({
      name,
      count: identifierCounts.get(name) ?? 0,
    })).sort((a, b) => b.count - a.count),
    trackers: {
      extra: [...config.processors.keys()].filter((className) => !config.defaultProcessors.includes(className)).sort(),
      defaults: config.defaultProcessors,
    },
  };
}
