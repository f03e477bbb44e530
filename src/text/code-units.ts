/**
 * Code-unit order, as `<` compares strings: unlike `localeCompare`, the same on every machine and
 * in every locale, so everything sit sorts comes out in one order.
 */
export const compareCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A comparator of objects by one string field, in code-unit order. */
export const byCodeUnits =
  <T>(key: (item: T) => string) =>
  (a: T, b: T): number =>
    compareCodeUnits(key(a), key(b));
