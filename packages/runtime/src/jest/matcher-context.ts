/**
 * The part of a matcher's `this` that sit's matchers use. Jest and Vitest both provide it, so the
 * matchers need neither package's types and work with either `expect.extend`.
 */
export interface MatcherContext {
  readonly isNot: boolean;
  /** Deep equality that honours asymmetric matchers (`expect.anything()`, `expect.any(Number)`…). */
  equals(actual: unknown, expected: unknown): boolean;
  readonly utils: {
    matcherHint(matcherName: string, received?: string, expected?: string, options?: { readonly isNot?: boolean; readonly secondArgument?: string }): string;
    printExpected(value: unknown): string;
    printReceived(value: unknown): string;
  };
}

/** What a matcher returns to `expect`. */
export interface MatcherResult {
  readonly pass: boolean;
  readonly message: () => string;
}
