import { IDENTIFIERS, type IdentifierName } from "../validate/vocabulary";

/** `create_merge_request` → `CreateMergeRequest`. */
export function pascalCase(action: string): string {
  return action.replace(WORD_START, (_, first: string) => first.toUpperCase());
}

/** Underscores (or the start) and the character after them, which starts a word. */
const WORD_START = /(?:_+|^)([^_]?)/g;

export const functionNameOf = (action: string): string => `track${pascalCase(action)}`;

/** `CreateMergeRequestArgs`; an action starting with a digit keeps the `Track` prefix to stay an identifier. */
export function argsTypeNameOf(action: string): string {
  const pascal = pascalCase(action);
  return /^[A-Z]/.test(pascal) ? `${pascal}Args` : `Track${pascal}Args`;
}

/** `feature_enabled_by_namespace_ids` → `featureEnabledByNamespaceIds`. */
export const camelCase = (name: string): string => name.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());

const IDENTIFIER_FIELDS: ReadonlyMap<string, string> = new Map(IDENTIFIERS.map((identifier) => [identifier, camelCase(identifier)]));

/** The argument and payload field of an identifier: `featureEnabledByNamespaceIds`, worked out once. */
export const identifierField = (identifier: IdentifierName): string => IDENTIFIER_FIELDS.get(identifier)!;

/**
 * The PascalCase stem of the names sit derives from a tracking class (`Gitlab::Tracking::AiTracking`
 * → `GitlabTrackingAiTracking`): ASCII letters, digits and underscores only, never starting with a
 * digit, so `${stem}Processor` and `sendTo${stem}` are always identifiers.
 */
export function classNameStem(className: string): string {
  const stem = pascalCase(className.replace(/[^A-Za-z0-9]+/g, "_").replace(/^_+|_+$/g, ""));
  if (stem === "") return "Tracker";
  return /^[0-9]/.test(stem) ? `Tracker${stem}` : stem;
}

/** The last segment of a tracking class in camelCase (`Gitlab::Tracking::AiTracking` → `aiTracking`), for local names. */
export function classNameWord(className: string): string {
  const last = className.split("::").pop() ?? "";
  const stem = classNameStem(last);
  return stem.charAt(0).toLowerCase() + stem.slice(1);
}
