/**
 * Whether `actual` has everything `expected` describes, like `toMatchObject`: plain objects are
 * compared key by key, recursively, so extra keys in `actual` do not matter; anything else
 * (arrays, primitives, asymmetric matchers) through the test framework's `equals`.
 */
export function matchesPartially(actual: unknown, expected: unknown, equals: (actual: unknown, expected: unknown) => boolean): boolean {
  if (!isPlainObject(expected)) return equals(actual, expected);
  if (typeof actual !== "object" || actual === null) return false;
  const actualRecord = actual as Readonly<Record<string, unknown>>;
  return Object.keys(expected).every((key) => matchesPartially(actualRecord[key], expected[key], equals));
}

/** Object literals, not class instances: asymmetric matchers are instances and go to `equals`. */
function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  if (typeof value !== "object" || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
