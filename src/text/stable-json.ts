import { compareCodeUnits } from "./code-units";

/** JSON with object keys sorted, so equal data gives equal text whatever the key order in the file. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_, inner: unknown) =>
    inner !== null && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => compareCodeUnits(a, b)))
      : inner,
  );
}
