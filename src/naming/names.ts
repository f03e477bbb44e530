/**
 * The names sit derives for generated code: from actions, identifiers and tracking classes. A leaf:
 * validation, the model and the emitters all name things through it, so they agree.
 */

/** `create_merge_request` → `CreateMergeRequest`. */
export function pascalCase(action: string): string {
  return action.replace(WORD_START, (_, first: string) => first.toUpperCase());
}

/** Underscores (or the start) and the character after them, which starts a word. */
const WORD_START = /(?:_+|^)([^_]?)/g;

const SNAKE_CASE = /^[a-z0-9_]*[a-z0-9][a-z0-9_]*$/;

/** Runs of characters that may continue a JavaScript identifier, but the underscore: the words of a name. */
const WORDS = /[^\p{ID_Continue}_]+|_+/u;

/**
 * `Order Completed` → `OrderCompleted`, `create_merge_request` → `CreateMergeRequest`: each word
 * with its first letter upper-cased. Empty when the name has no word.
 */
export function pascalWords(name: string): string {
  let result = "";
  for (const word of name.split(WORDS)) {
    if (word === "") continue;
    const first = String.fromCodePoint(word.codePointAt(0)!);
    result += first.toUpperCase() + word.slice(first.length);
  }
  return result;
}

/** `track` + the action's words: `trackCreateMergeRequest`, `trackOrderCompleted`; `undefined` when the action has no word. */
export function functionNameOf(action: string): string | undefined {
  // GitLab's snake_case names, the common case, spare the Unicode-aware split.
  const words = SNAKE_CASE.test(action) ? pascalCase(action) : pascalWords(action);
  return words === "" ? undefined : `track${words}`;
}

/**
 * The arguments type of a tracking function: its name without `track`, plus `Args`
 * (`trackCreateMergeRequest` → `CreateMergeRequestArgs`); a stem that could not start a type name,
 * or is empty, keeps the `Track`.
 */
export function argsTypeNameOf(functionName: string): string {
  const stem = /^track(?=\P{Ll})/u.test(functionName) ? functionName.slice("track".length) : pascalWords(functionName);
  return /^[A-Z]/.test(stem) ? `${stem}Args` : `Track${stem.charAt(0).toUpperCase()}${stem.slice(1)}Args`;
}

/** An action as a file name would write it: its words in lowercase, joined by `_` (`Order Completed` → `order_completed`). */
export function actionSlug(action: string): string {
  return action
    .split(WORDS)
    .filter((word) => word !== "")
    .map((word) => word.toLowerCase())
    .join("_");
}

/** `feature_enabled_by_namespace_ids` → `featureEnabledByNamespaceIds`. */
export const camelCase = (name: string): string => name.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());

/** `UserIdentifier`: the type callers identify an event's `user` with. */
export const identifierTypeNameOf = (identifier: string): string => `${pascalCase(identifier)}Identifier`;

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
