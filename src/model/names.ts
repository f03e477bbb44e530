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

/** Names the generated SDK exports or uses at its top level, which no event may take. */
export const GENERATED_API_NAMES: ReadonlySet<string> = new Set([
  "trackEvent",
  "TrackEventArguments",
  "configureTracking",
  "flush",
  "EventName",
  "EventArgs",
  "EventPayload",
  "EventMetadata",
  "EVENTS",
  "Processor",
  "PropertyValue",
  "TrackingOptions",
  "TrackingErrorContext",
]);

const IDENTIFIER_NAME = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A key as written in an object literal or type: bare when it is an identifier, quoted otherwise. */
export const propertyKey = (name: string): string => (IDENTIFIER_NAME.test(name) ? name : JSON.stringify(name));

/** `feature_enabled_by_namespace_ids` → `featureEnabledByNamespaceIds`. */
export const camelCase = (name: string): string => name.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
