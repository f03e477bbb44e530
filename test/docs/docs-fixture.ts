import { cpSync } from "node:fs";
import { join } from "node:path";
import { definition, makeProject, REPO_ROOT, writeFiles } from "../helpers/project";

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

/** A shop's own plan (test/e2e/shop): custom and context identifiers, free names, no product groups or milestones. */
export const SHOP = join(REPO_ROOT, "test", "e2e", "shop");

/** A property name that breaks Markdown tables, code spans and HTML if any of them is not escaped. */
export const HOSTILE_NAME = "a|b `c` <script>window.__sitXss = 'name'</script>";

/** Definitions added to the shop's: nesting at every depth, every constraint, hostile names, anchors that collide. */
export const SHOP_EXTRAS: Readonly<Record<string, string>> = {
  "definitions/cart_updated.yml": `description: "The cart changes.\\nA second line | with a pipe"
internal_events: true
action: Cart Updated
identifiers: [account]
product_group: checkout
milestone: '2.1'
tiers: [starter]
additional_properties:
  lines:
    description: the cart's lines
    type: array
    required: true
    items:
      type: object
      properties:
        sku: { description: stock keeping unit, type: string, required: true, minLength: 2, maxLength: 12 }
        options:
          description: what the buyer chose
          type: [object, "null"]
          properties:
            Gift Wrap: { description: wrapped as a gift, type: boolean }
            sizes:
              type: array
              items: { description: a size, type: string, enum: [S, M, L] }
  scores:
    description: ratings shown
    type: array
    items: { type: integer, minimum: 0, maximum: 10 }
  ${JSON.stringify(HOSTILE_NAME)}:
    description: "a name with a pipe, backticks and a script"
    type: string
    maxLength: 3
`,
  "definitions/hostile_c_script_window_sitxss_name_script.yml": `description: An event whose name is hostile
internal_events: true
action: ${JSON.stringify(HOSTILE_NAME.replace("a|b", "Hostile |"))}
function_name: trackHostileName
`,
  "definitions/events_dictionary.yml": `description: Named like the dictionary's title
internal_events: true
action: Events Dictionary
`,
  "definitions/order completed.yml": `description: Named like Order Completed but for its case
internal_events: true
action: order completed
function_name: trackOrderCompletedInLowerCase
`,
};

/** A copy of the shop's project with `files` (by default `SHOP_EXTRAS`) beside its definitions. */
export function shopProject(files: Readonly<Record<string, string>> = SHOP_EXTRAS): string {
  const root = makeProject({});
  cpSync(SHOP, root, { recursive: true });
  writeFiles(root, files);
  return root;
}
