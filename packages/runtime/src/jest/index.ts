/**
 * sit's test matchers: `import "sit-tracking-runtime/jest"` adds `toHaveTracked` and `toHaveTrackedTimes`
 * to the global `expect` (Jest, or Vitest with `globals: true`); without a global `expect`, pass
 * `matchers` to `expect.extend`.
 */
import { matchers, type TrackingMatchers } from "./matchers.js";

export { matchers, type ExpectedPayload, type TrackedFilter, type TrackingMatchers } from "./matchers.js";
export type { MatcherContext, MatcherResult } from "./matcher-context.js";

interface ExtensibleExpect {
  extend(extensions: typeof matchers): void;
}

const globalExpect = (globalThis as { readonly expect?: Partial<ExtensibleExpect> }).expect;
if (typeof globalExpect?.extend === "function") (globalExpect as ExtensibleExpect).extend(matchers);

declare global {
  // The namespace @types/jest declares; Vitest's assertions extend it too, so one declaration
  // types both, and a project with neither package merely gains an unused interface.
  namespace jest {
    interface Matchers<R, T = {}> extends TrackingMatchers<R> {}
  }
}
