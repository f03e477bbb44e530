import { actionSlug } from "../naming/names";
import { ACTION_PATTERN } from "../validate/vocabulary";

/** A name that can be a file's in every checkout: no folder separator, no character Windows refuses, not hidden. */
const PORTABLE_FILE_NAME = /^[^./\\<>:"|?*][^/\\<>:"|?*]*$/;

/**
 * The name (without `.yml`) of a new definition's file, as validation expects it: the action when
 * it is snake_case, else its words in lowercase joined by `_` (`Order Completed` →
 * `order_completed`); an action without a word names its file itself when it can. `undefined`
 * when it cannot.
 */
export function definitionFileStem(action: string): string | undefined {
  if (ACTION_PATTERN.test(action)) return action;
  const slug = actionSlug(action);
  if (slug !== "") return slug;
  return PORTABLE_FILE_NAME.test(action) ? action : undefined;
}
