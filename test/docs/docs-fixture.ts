import { definition, makeProject } from "../helpers/project";

/** Text that would run script if any part of the pipeline let it through as markup. */
export const HOSTILE_TEXT = `<script>window.__sitXss = "script"</script>"><img src=x onerror="window.__sitXss='img'"> </script><!--`;

export const CONFIG = `processors:
  InternalEvents: { module: ./processors, export: InternalEvents }
  Gitlab::Tracking::AiTracking: { module: ./processors, export: AiTracking }
defaultProcessors: [InternalEvents]
`;

export const PROCESSORS = `const processor = { trackEvent(): void {} };
export const InternalEvents = processor;
export const AiTracking = processor;
`;

/** Definitions covering what the dictionary shows: typed, protected, legacy, removed and hostile text. */
export const DEFINITIONS: Readonly<Record<string, string>> = {
  "definitions/snippets/create_snippet.yml": `description: A snippet is created
internal_events: true
action: create_snippet
identifiers:
  - user
  - project
additional_properties:
  label:
    description: Visibility of the snippet
    enum: [private, public]
  value:
    description: Number of files
    type: integer
    required: true
  language:
    description: Main language | with a pipe
product_group: source_code
product_categories: [snippets]
milestone: '18.0'
introduced_by_url: https://gitlab.com/gitlab-org/gitlab/-/merge_requests/1
tiers: [free, premium, ultimate]
extra_trackers:
  - tracking_class: Gitlab::Tracking::AiTracking
    protected_properties:
      prompt_tokens:
        description: Tokens in the prompt
        type: integer
`,
  "definitions/delete_snippet.yml": `description: A snippet is deleted
internal_events: true
action: delete_snippet
identifiers: [user]
product_group: source_code
milestone: '17.0'
introduced_by_url: https://gitlab.com/gitlab-org/gitlab/-/merge_requests/2
tiers: [premium]
status: removed
milestone_removed: '18.2'
removed_by_url: https://gitlab.com/gitlab-org/gitlab/-/merge_requests/3
`,
  "definitions/legacy/20210101000000_snippets_click_banner.yml": `description: Click the snippets banner
category: snippets
action: click_banner
label_description: Which banner
product_group: growth
milestone: '13.4'
introduced_by_url: null
tiers: [free]
`,
  "definitions/view_dashboard.yml": definition("view_dashboard").replace("product_group: analytics_instrumentation", "product_group: platform_insights"),
  "definitions/hostile_event.yml": `description: ${JSON.stringify(HOSTILE_TEXT)}
internal_events: true
action: hostile_event
additional_properties:
  label:
    description: ${JSON.stringify(HOSTILE_TEXT)}
product_group: ${JSON.stringify(`"><img src=x onerror=alert(1)>`)}
milestone: '18.1'
introduced_by_url: "javascript:alert(1)"
tiers: [ultimate]
`,
};

/** A project holding the definitions above (plus `extra`), its config and processors. */
export function docsProject(extra: Readonly<Record<string, string>> = {}): string {
  return makeProject({ "sit.config.yaml": CONFIG, "processors.ts": PROCESSORS, ...DEFINITIONS, ...extra });
}
