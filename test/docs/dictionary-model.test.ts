import { join } from "node:path";
import { buildDictionary } from "../../src/docs/dictionary-model";
import { loadProject } from "../../src/index";
import { buildModel } from "../../src/model/build-model";
import { REPO_ROOT } from "../helpers/project";
import { docsProject, HOSTILE_NAME, shopProject } from "./docs-fixture";

const CORPUS = join(REPO_ROOT, "test", "corpus", "gitlab");

function load(cwd: string) {
  const project = loadProject({ cwd });
  expect(project.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
  return { ...project, config: project.config! };
}

describe("the events dictionary's model", () => {
  it("lists every definition by action, legacy ones marked, with status, trackers in call order and source file", () => {
    const { definitions, config } = load(docsProject());
    const dictionary = buildDictionary(definitions, config);
    expect(dictionary.events.map((event) => [event.action, event.legacy, event.status, event.trackers, event.file])).toEqual([
      ["click_banner", true, "active", [], "definitions/legacy/20210101000000_snippets_click_banner.yml"],
      ["create_snippet", false, "active", ["InternalEvents", "Gitlab::Tracking::AiTracking"], "definitions/snippets/create_snippet.yml"],
      ["delete_snippet", false, "removed", ["InternalEvents"], "definitions/delete_snippet.yml"],
      ["hostile_event", false, "active", ["InternalEvents"], "definitions/hostile_event.yml"],
      ["view_dashboard", false, "active", ["InternalEvents"], "definitions/view_dashboard.yml"],
    ]);
    expect(dictionary.productGroups).toEqual([`"><img src=x onerror=alert(1)>`, "growth", "platform_insights", "source_code"]);
    expect(dictionary.trackers).toEqual(["Gitlab::Tracking::AiTracking", "InternalEvents"]);
    expect(dictionary.statuses).toEqual(["active", "removed"]);
    const removed = dictionary.events.find((event) => event.action === "delete_snippet")!;
    expect(removed.removal).toEqual({ milestone: "18.2", url: "https://gitlab.com/gitlab-org/gitlab/-/merge_requests/3" });
    expect(dictionary.events.find((event) => event.action === "create_snippet")!.functionName).toBe("trackCreateSnippet");
    expect(dictionary.events.find((event) => event.action === "click_banner")!.functionName).toBeUndefined();
  });

  it("types properties as the generated SDK does: declared, GitLab's fixed types, else string | number; protected ones name their tracker", () => {
    const { definitions, config } = load(docsProject());
    const event = buildDictionary(definitions, config).events.find((candidate) => candidate.action === "create_snippet")!;
    expect(event.identifiers.map((identifier) => identifier.name)).toEqual(["user", "project"]);
    const row = { depth: 0, constraints: [], onlyFor: [] };
    expect(event.properties).toEqual([
      { ...row, path: "label", description: "Visibility of the snippet", type: "string", integer: false, enumValues: ["private", "public"], required: false },
      { ...row, path: "value", description: "Number of files", type: "number", integer: true, enumValues: undefined, required: true },
      { ...row, path: "language", description: "Main language | with a pipe", type: "string | number", integer: false, enumValues: undefined, required: false },
      { ...row, path: "prompt_tokens", description: "Tokens in the prompt", type: "number", integer: true, enumValues: undefined, required: false, onlyFor: ["Gitlab::Tracking::AiTracking"] },
    ]);
  });

  it("documents a legacy definition's label_description as GitLab's string label", () => {
    const { definitions, config } = load(docsProject());
    const legacy = buildDictionary(definitions, config).events.find((event) => event.action === "click_banner")!;
    expect(legacy.category).toBe("snippets");
    expect(legacy.properties).toEqual([
      { path: "label", depth: 0, description: "Which banner", type: "string", integer: false, enumValues: undefined, required: false, constraints: [], onlyFor: [] },
    ]);
  });

  it.each([
    ["the fixture", () => docsProject()],
    ["GitLab's corpus", () => CORPUS],
  ])("agrees with the SDK model on every internal event of %s", (_, folder) => {
    const { definitions, config } = load(folder());
    const model = buildModel(definitions, config);
    const dictionary = buildDictionary(definitions, config);
    const internal = dictionary.events.filter((event) => !event.legacy);
    expect(internal.map((event) => event.action)).toEqual(model.events.map((event) => event.action));
    expect(
      internal.map((event) => ({
        action: event.action,
        properties: event.properties.filter((property) => property.depth === 0).map((property) => [property.path, property.type, property.required, property.enumValues, property.onlyFor[0]]),
        trackers: event.trackers,
        identifiers: event.identifiers.map((identifier) => identifier.name),
      })),
    ).toEqual(
      model.events.map((event) => ({
        action: event.action,
        properties: event.properties.map((property) => [property.name, property.value.types!.join(" | "), property.required, property.value.enum, property.protectedFor]),
        trackers: event.calls.map((call) => call.className),
        identifiers: event.identifiers.map((identifier) => identifier.name),
      })),
    );
  });

  it("gives legacy definitions sharing an action distinct anchors, as GitHub numbers repeated headings", () => {
    const project = docsProject({
      "definitions/legacy/20220101000000_other_click_banner.yml": `description: Another banner
category: other
action: click_banner
product_group: growth
milestone: '13.5'
introduced_by_url: null
tiers: [free]
`,
    });
    const { definitions, config } = load(project);
    const banners = buildDictionary(definitions, config).events.filter((event) => event.action === "click_banner");
    expect(banners.map((event) => [event.anchor, event.file])).toEqual([
      ["click_banner", "definitions/legacy/20210101000000_snippets_click_banner.yml"],
      ["click_banner-1", "definitions/legacy/20220101000000_other_click_banner.yml"],
    ]);
  });
});

describe("the events dictionary's model of a team's plan", () => {
  const { definitions, config } = load(shopProject());
  const dictionary = buildDictionary(definitions, config);
  const event = (action: string) => dictionary.events.find((candidate) => candidate.action === action)!;

  it("keeps event names as written, with their function (function_name honoured) and anchors unique among events.md's headings", () => {
    expect(dictionary.events.map((candidate) => [candidate.action, candidate.functionName, candidate.anchor])).toEqual([
      ["Cart Updated", "trackCartUpdated", "cart-updated"],
      ["Event Collided", "trackEventCollided", "event-collided"],
      ["Events Dictionary", "trackEventsDictionary", "events-dictionary-1"],
      [HOSTILE_NAME.replace("a|b", "Hostile |"), "trackHostileName", "hostile--c-scriptwindow__sitxss--namescript"],
      ["Order Completed", "trackOrderCompleted", "order-completed"],
      ["Product Viewed", "trackProductViewed", "product-viewed"],
      ["event_collided", "trackEventCollidedSnake", "event_collided"],
      ["order completed", "trackOrderCompletedInLowerCase", "order-completed-1"],
    ]);
  });

  it("gives each identifier the events name its type from the config, and marks those set from the tracking context", () => {
    const user = { name: "user", field: "user", type: "{ readonly id: string; readonly plan: 'free' | 'pro' }", fromContext: true };
    const account = { name: "account", field: "account", type: "string", fromContext: false };
    expect(dictionary.identifiers).toEqual([user, account]);
    expect(event("Order Completed").identifiers).toEqual([account, user]);
    const gitlabProject = load(docsProject());
    const gitlab = buildDictionary(gitlabProject.definitions, gitlabProject.config);
    expect(gitlab.identifiers.map((identifier) => [identifier.name, identifier.type, identifier.fromContext])).toEqual([
      ["project", "{ readonly id: string | number }", false],
      ["user", "{ readonly id: string | number }", false],
    ]);
  });

  it("shows every level of a nested property as a row: its path, type, required-ness, values and constraints", () => {
    const row = { integer: false, enumValues: undefined, constraints: [], onlyFor: [] };
    expect(event("Cart Updated").properties).toEqual([
      { ...row, path: "lines", depth: 0, type: "object[]", required: true, description: "the cart's lines" },
      { ...row, path: "lines[].sku", depth: 1, type: "string", required: true, description: "stock keeping unit", constraints: ["2 ≤ length ≤ 12"] },
      { ...row, path: "lines[].options", depth: 1, type: "object | null", required: false, description: "what the buyer chose" },
      { ...row, path: 'lines[].options["Gift Wrap"]', depth: 2, type: "boolean", required: false, description: "wrapped as a gift" },
      { ...row, path: "lines[].options.sizes", depth: 2, type: "string[]", required: false, description: undefined },
      { ...row, path: "lines[].options.sizes[]", depth: 3, type: "string", required: undefined, description: "a size", enumValues: ["S", "M", "L"] },
      { ...row, path: "scores", depth: 0, type: "number[]", required: false, description: "ratings shown" },
      { ...row, path: "scores[]", depth: 1, type: "number", integer: true, required: undefined, description: undefined, constraints: ["0 ≤ scores[] ≤ 10"] },
      { ...row, path: HOSTILE_NAME, depth: 0, type: "string", required: false, description: "a name with a pipe, backticks and a script", constraints: ["length ≤ 3"] },
    ]);
    expect(event("Order Completed").properties.map((property) => [property.path, property.type, property.constraints])).toEqual([
      ["products", "object[]", []],
      ["products[].sku", "string", []],
      ["products[].price", "number", ["price ≥ 0"]],
      ["quantity", "number", ["1 ≤ quantity ≤ 99"]],
      ["coupon", "string", ["/^[A-Z0-9]{4,12}$/"]],
    ]);
    expect(event("Product Viewed").properties.map((property) => [property.path, property.type, property.required])).toEqual([
      ["Product ID", "string", true],
      ["referrer", "string | null", false],
      ["context", "any", false],
      ["dimensions", "object", false],
      ["dimensions.width", "number", true],
      ["dimensions.height", "number", true],
    ]);
  });

  it("leaves out the metadata a definition may omit under the config's rules, and offers only real choices to the filters", () => {
    expect(event("Event Collided")).toMatchObject({ productGroup: undefined, tiers: [], milestone: undefined, introducedByUrl: undefined });
    expect(event("Cart Updated")).toMatchObject({ productGroup: "checkout", tiers: ["starter"], milestone: "2.1" });
    expect(dictionary.productGroups).toEqual(["checkout"]);
    expect(dictionary.tiers).toEqual(["starter", "pro", "enterprise"]);
  });
});
