import { standardContextKey as readerKey } from "../../src/naming/standard-context-key";
import { standardContextKey as writerKey } from "../../packages/runtime/src/processors/snowplow-event";

/** `sit inspect` (the CLI) reads the standard context that sit-tracking-runtime's Snowplow processor writes. */
describe("the standard context's identifier keys", () => {
  it.each(["user", "project", "namespace", "featureEnabledByNamespaceIds", "account", "workspaceIds", "a"])("agree between the CLI and the runtime for %s", (key) => {
    expect(readerKey(key)).toBe(writerKey(key));
  });
});
