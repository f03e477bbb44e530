import { INDEX_INTERNAL_NAMES, SDK_API_NAMES } from "../naming/sdk-api";
import { generatedNamesOf } from "../naming/generated-names";
import { actionSlug, functionNameOf } from "../naming/names";
import { compareCodeUnits } from "../text/code-units";
import { ACTION_PATTERN } from "../validate/vocabulary";

/** Where an imported event's definition goes and what its function is called. */
export interface DefinitionNames {
  /** Relative to the definitions folder, `/`-separated. */
  readonly relativePath: string;
  /** Set when the name derived from the action is taken (or there is none): written as `function_name`. */
  readonly functionName: string | undefined;
  /** The function the SDK will have, derived or set. */
  readonly generatedFunction: string;
  /** Why the derived function name could not be used, for the report; `undefined` when it is. */
  readonly renamedBecause: string | undefined;
}

export interface ExistingDefinition {
  /** The internal event it defines; `undefined` for a file that is legacy or invalid (its name is taken all the same). */
  readonly action: string | undefined;
  /** Relative to the definitions folder. */
  readonly relativePath: string;
  /** The names its generated code uses (function, args type, shapes). */
  readonly generatedNames: readonly string[];
}

/**
 * File names and function names for the imported events, the same whatever order the plan lists
 * them in (events are taken in code-unit order of their names):
 * - an event the project defines already keeps its file (replaced only with --force);
 * - otherwise `<slug>.yml`, the slug being what `sit validate` expects (`Order Completed` →
 *   `order_completed.yml`), an action that is its own slug taking it first; when two events share
 *   a slug, the other is named after its action as written (`Event Collided.yml`), and failing
 *   that `<slug>_2.yml`;
 * - events whose function names collide (`Event Collided` and `event_collided` both make
 *   `trackEventCollided`) keep both: the first keeps the derived name, the others get
 *   `function_name: trackEventCollided2`, which the user can read and change.
 */
export function definitionNames(actions: readonly string[], existing: readonly ExistingDefinition[]): Map<string, DefinitionNames> {
  const importing = new Set(actions);
  const replaced = (definition: ExistingDefinition): boolean => definition.action !== undefined && importing.has(definition.action);
  const existingPath = new Map(existing.filter(replaced).map((definition) => [definition.action!, definition.relativePath]));
  const takenPaths = new Set(existing.filter((definition) => !replaced(definition)).map((definition) => definition.relativePath.toLowerCase()));
  const takenNames = new Map<string, string>();
  for (const definition of existing) {
    if (replaced(definition)) continue;
    for (const name of definition.generatedNames) takenNames.set(name, definition.action ?? definition.relativePath);
  }

  const sorted = [...actions].sort(compareCodeUnits);
  const paths = new Map<string, string>();
  const claim = (action: string, path: string): boolean => {
    if (takenPaths.has(path.toLowerCase())) return false;
    takenPaths.add(path.toLowerCase());
    paths.set(action, path);
    return true;
  };
  for (const action of sorted) {
    const path = existingPath.get(action);
    if (path !== undefined) claim(action, path);
  }
  // Actions that are their own slug first: their file name then matches exactly.
  for (const action of sorted) if (!paths.has(action) && ACTION_PATTERN.test(action)) claim(action, `${action}.yml`);
  for (const action of sorted) {
    if (paths.has(action)) continue;
    const slug = actionSlug(action);
    if (slug !== "" && claim(action, `${slug}.yml`)) continue;
    if (isPortableFileName(action) && claim(action, `${action}.yml`)) continue;
    for (let suffix = 2; !claim(action, `${slug === "" ? "event" : slug}_${suffix}.yml`); suffix++);
  }

  const result = new Map<string, DefinitionNames>();
  for (const action of sorted) {
    const derived = functionNameOf(action);
    const derivedNames = derived === undefined ? [] : Object.values(generatedNamesOf({ action }));
    const sdkName = derivedNames.find((name) => SDK_API_NAMES.has(name));
    const owner = derivedNames.map((name) => takenNames.get(name)).find((taken) => taken !== undefined);
    if (derived !== undefined && sdkName === undefined && owner === undefined) {
      for (const name of derivedNames) takenNames.set(name, action);
      result.set(action, { relativePath: paths.get(action)!, functionName: undefined, generatedFunction: derived, renamedBecause: undefined });
      continue;
    }
    const renamedBecause =
      derived === undefined
        ? "the name has no letter or digit to make a function name of"
        : sdkName !== undefined
          ? `\`${sdkName}\` is a name of the SDK's own API`
          : `"${owner}" makes \`${derived}\` too`;
    const stem = asciiFunctionStem(derived);
    for (let suffix = 2; ; suffix++) {
      const candidate = `${stem}${suffix}`;
      const names = Object.values(generatedNamesOf({ action, function_name: candidate }));
      if (names.some((name) => takenNames.has(name) || SDK_API_NAMES.has(name) || INDEX_INTERNAL_NAMES.has(name))) continue;
      for (const name of names) takenNames.set(name, action);
      result.set(action, { relativePath: paths.get(action)!, functionName: candidate, generatedFunction: candidate, renamedBecause });
      break;
    }
  }
  return result;
}

/**
 * A function name of ASCII letters and digits, as `function_name` must be: accents taken off
 * (`trackCaféOrdered` → `trackCafeOrdered`), other letters dropped; `trackEvent` when none is left.
 */
function asciiFunctionStem(derived: string | undefined): string {
  const ascii = (derived ?? "")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^A-Za-z0-9]/g, "");
  return ascii.length > "track".length ? ascii : "trackEvent";
}

/** Characters no file name may hold on Windows or macOS, or that a shell or git would trip on. */
const UNPORTABLE = /[<>:"/\\|?*\u0000-\u001f\u007f]/;
const WINDOWS_DEVICES = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/** Whether an action can be a file name everywhere the project may be checked out. */
function isPortableFileName(name: string): boolean {
  return (
    !UNPORTABLE.test(name) &&
    !name.startsWith(".") &&
    !name.startsWith("-") &&
    !/[ .]$/.test(name) &&
    !WINDOWS_DEVICES.test(name) &&
    Buffer.byteLength(name) <= 200
  );
}
