import { createConsoleProcessor } from "../../packages/runtime/src/processors/console";

const SHARE = {
  project: { id: 2, fullPath: "acme/web" },
  user: { id: 1, username: "ada" },
  featureEnabledByNamespaceIds: [10, 11],
  additionalProperties: { label: "email", value: 3, note: 'said "hi"', internal: false },
};

function linesOf(format: "line" | "json"): string[] {
  const lines: string[] = [];
  const processor = createConsoleProcessor({ format, write: (line) => lines.push(line) });
  processor.trackEvent("share_snippet", SHARE, { processorName: "InternalEvents" });
  processor.trackEvent("open_command_palette", { additionalProperties: {} });
  processor.trackEvent("view_snippet", { namespace: "acme", additionalProperties: {} });
  processor.trackEvent("sign_in", { user: { email: "ada@example.com", password: "hunter2" }, project: [{ id: 2 }, { path: "acme/web" }], additionalProperties: { method: "sso" } });
  return lines;
}

describe("createConsoleProcessor", () => {
  it("prints one readable line per event: identifiers by id (left out without one), then properties, strings quoted", () => {
    expect(linesOf("line")).toEqual([
      'share_snippet project=2 user=1 feature_enabled_by_namespace_ids=[10,11] label="email" value=3 note="said \\"hi\\"" internal=false',
      "open_command_palette",
      'view_snippet namespace="acme"',
      'sign_in method="sso"',
    ]);
  });

  it("prints one JSON object per line in json format, identifiers by id, as the HTTP processor sends them", () => {
    const lines = linesOf("json");
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([
      { event: "share_snippet", project: 2, user: 1, featureEnabledByNamespaceIds: [10, 11], additionalProperties: SHARE.additionalProperties },
      { event: "open_command_palette", additionalProperties: {} },
      { event: "view_snippet", namespace: "acme", additionalProperties: {} },
      { event: "sign_in", additionalProperties: { method: "sso" } },
    ]);
    expect(lines.every((line) => !line.includes("\n"))).toBe(true);
  });

  it("writes to console.log by default", () => {
    const logged: unknown[][] = [];
    const original = console.log;
    console.log = (...data: unknown[]) => logged.push(data);
    try {
      createConsoleProcessor().trackEvent("star_snippet", { user: { id: 9 }, additionalProperties: {} });
    } finally {
      console.log = original;
    }
    expect(logged).toEqual([["star_snippet user=9"]]);
  });
});
