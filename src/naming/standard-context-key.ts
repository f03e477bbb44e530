/**
 * Where GitLab's standard context holds the identifier of payload key `key`: `user` → `user_id`,
 * `featureEnabledByNamespaceIds` → `feature_enabled_by_namespace_ids` (a list keeps its name).
 * `sit inspect` reads what sit-tracking-runtime's Snowplow processor writes; the CLI does not depend
 * on the runtime package, so both keep this rule and test/inspect/standard-context-key.test.ts
 * holds them equal.
 */
export function standardContextKey(key: string): string {
  const name = key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
  return name.endsWith("_ids") ? name : `${name}_id`;
}
