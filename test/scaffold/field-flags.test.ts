import { parseFieldFlags, parsePropertyFlag, type TrackerChoices } from "../../src/scaffold/field-flags";

const trackers: TrackerChoices = { extra: ["Gitlab::Tracking::AiTracking", "Audit"], defaults: ["InternalEvents"] };

describe("--property name:description[:type]", () => {
  it.each([
    ["label:source of the event", { name: "label", description: "source of the event" }],
    ["count:number of commits:integer", { name: "count", description: "number of commits", type: "integer" }],
    ["url:where: a URL, with colons: like https://x:8080", { name: "url", description: "where: a URL, with colons: like https://x:8080" }],
    ["kind:one of a:b:string", { name: "kind", description: "one of a:b", type: "string" }],
    ["flag:  on or off :boolean", { name: "flag", description: "on or off", type: "boolean" }],
    ["ratio:share:number", { name: "ratio", description: "share", type: "number" }],
    ["text:a type-looking end:strings", { name: "text", description: "a type-looking end:strings" }],
  ])("%j", (flag, property) => {
    expect(parsePropertyFlag(flag)).toEqual(property);
  });

  it.each([
    ["label", "needs a description"],
    [":no name", "needs a name"],
    ["label:", "needs a description"],
    ["label::integer", "needs a description"],
  ])("refuses %j", (flag, message) => {
    expect(parsePropertyFlag(flag)).toEqual(expect.stringContaining(message));
  });
});

describe("parseFieldFlags", () => {
  it("turns every flag into its field", () => {
    const { given, errors } = parseFieldFlags(
      {
        description: " A thing happened ",
        identifiers: "user, project",
        property: ["label:source", "count:how many:integer"],
        productGroup: "code_review",
        milestone: "18.0",
        url: "https://example.com/mr/1",
        tiers: "free,premium",
        tracker: ["Audit", "Gitlab::Tracking::AiTracking"],
      },
      trackers,
    );
    expect(errors).toEqual([]);
    expect(given).toEqual({
      description: "A thing happened",
      identifiers: ["user", "project"],
      properties: [
        { name: "label", description: "source" },
        { name: "count", description: "how many", type: "integer" },
      ],
      productGroup: "code_review",
      milestone: "18.0",
      introducedByUrl: "https://example.com/mr/1",
      tiers: ["free", "premium"],
      trackers: ["Audit", "Gitlab::Tracking::AiTracking"],
    });
  });

  it("gives nothing for flags not given, and null for an empty milestone or URL", () => {
    expect(parseFieldFlags({}, trackers)).toEqual({ given: {}, errors: [] });
    expect(parseFieldFlags({ milestone: "", url: " ", identifiers: "" }, trackers).given).toEqual({ milestone: null, introducedByUrl: null, identifiers: [] });
  });

  it("reports every problem at once", () => {
    const { errors } = parseFieldFlags(
      {
        description: " ",
        identifiers: "user,projct,user",
        property: ["label:a", "label:b", "nodescription"],
        milestone: "v18",
        tiers: ",",
        tracker: ["AiTracking", "InternalEvents", "Audit", "Audit"],
      },
      trackers,
    );
    expect(errors).toEqual([
      "--description must not be empty",
      '--identifiers: "projct" is not one of project, namespace, user, feature_enabled_by_namespace_ids (did you mean "project"?)',
      '--identifiers: "user" is listed twice',
      "--tiers needs at least one of free, premium, ultimate",
      '--property "label" is given twice',
      '--property "nodescription" needs a description: name:description or name:description:type',
      '--milestone "v18" must look like 18.0 (or be empty for none)',
      "--tracker AiTracking: not a tracking class configured in processors (known: Gitlab::Tracking::AiTracking, Audit)",
      "--tracker InternalEvents: it is a default processor, which already receives every event",
      "--tracker Audit is given twice",
    ]);
  });

  it("says so when the config has no tracker to choose", () => {
    expect(parseFieldFlags({ tracker: ["Audti"] }, { extra: [], defaults: ["InternalEvents"] }).errors).toEqual([
      "--tracker Audti: not a tracking class configured in processors (the config has none besides its default processors)",
    ]);
    expect(parseFieldFlags({ tracker: ["Audti"] }, trackers).errors[0]).toContain('did you mean "Audit"?');
  });
});
