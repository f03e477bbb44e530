import { join } from "node:path";
import { buildDictionary } from "../../src/docs/dictionary-model";
import { loadProject } from "../../src/index";
import { buildModel } from "../../src/model/build-model";
import { REPO_ROOT } from "../helpers/project";
import { docsProject } from "./docs-fixture";

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
    expect(event.identifiers).toEqual(["user", "project"]);
    expect(event.properties).toEqual([
      { name: "label", description: "Visibility of the snippet", type: "string", integer: false, enumValues: ["private", "public"], required: false, onlyFor: [] },
      { name: "value", description: "Number of files", type: "number", integer: true, enumValues: undefined, required: true, onlyFor: [] },
      { name: "language", description: "Main language | with a pipe", type: "string | number", integer: false, enumValues: undefined, required: false, onlyFor: [] },
      { name: "prompt_tokens", description: "Tokens in the prompt", type: "number", integer: true, enumValues: undefined, required: false, onlyFor: ["Gitlab::Tracking::AiTracking"] },
    ]);
  });

  it("documents a legacy definition's label_description as GitLab's string label", () => {
    const { definitions, config } = load(docsProject());
    const legacy = buildDictionary(definitions, config).events.find((event) => event.action === "click_banner")!;
    expect(legacy.category).toBe("snippets");
    expect(legacy.properties).toEqual([{ name: "label", description: "Which banner", type: "string", integer: false, enumValues: undefined, required: false, onlyFor: [] }]);
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
        properties: event.properties.map((property) => [property.name, property.type, property.required, property.enumValues, property.onlyFor[0]]),
        trackers: event.trackers,
        identifiers: event.identifiers,
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
