import { runPipeline } from "../../src/pipeline/run-pipeline";
import { readInputs } from "../../src/pipeline/read-inputs";
import type { SdkModel } from "../../src/model/event-model";
import { makeProject } from "../helpers/project";

/**
 * A team's plan for the inspector's tests: GitLab's identifiers beside one of its own (`account`)
 * and one set from the tracking context (`user`), typed and constrained properties, an array of
 * objects, extra trackers with protected properties, a removed event.
 */
export const INSPECTED_PROJECT: Readonly<Record<string, string>> = {
  "sit.config.yaml": `definitions: definitions
output: generated
processors:
  InternalEvents: { module: ./tracking, export: InternalEvents }
  Gitlab::Tracking::AiTracking: { module: ./tracking, export: AiTracking }
  Acme::Audit: { module: ./tracking, export: Audit }
defaultProcessors: [InternalEvents]
identifiers:
  account: { type: string }
  user: { type: "{ readonly id: string }", fromContext: true }
`,
  "tracking.ts": `const ignore = { trackEvent(): void {} };
export const InternalEvents = ignore;
export const AiTracking = ignore;
export const Audit = ignore;
`,
  "definitions/create_snippet.yml": `description: A snippet is created
internal_events: true
action: create_snippet
identifiers: [project, user]
additional_properties:
  label:
    description: visibility
  value:
    description: number of files
  language:
    description: language of the first file
    type: string
    enum: [ts, rust]
product_group: source_code
milestone: '18.0'
introduced_by_url: null
tiers: [free]
`,
  "definitions/complete_order.yml": `description: An order is paid
internal_events: true
action: complete_order
identifiers: [account]
additional_properties:
  products:
    description: what was bought
    type: array
    items:
      type: object
      properties:
        sku: { description: stock keeping unit, type: string, required: true }
        price: { description: unit price, type: number, minimum: 0 }
  quantity: { description: units bought, type: integer, minimum: 1, required: true }
  coupon: { description: coupon code, type: string, pattern: "^[A-Z0-9]{4,12}$" }
product_group: checkout
milestone: '18.0'
introduced_by_url: null
tiers: [free]
`,
  "definitions/request_ai_explanation.yml": `description: An explanation is asked for
internal_events: true
action: request_ai_explanation
identifiers: [user]
additional_properties:
  label:
    description: where it was asked
extra_trackers:
  - tracking_class: Gitlab::Tracking::AiTracking
    protected_properties:
      model_name:
        description: the model that answered
        type: string
        required: true
      tokens:
        description: tokens used
        type: integer
  - tracking_class: Acme::Audit
    protected_properties:
      reviewer:
        description: who reviews the answer
product_group: ai
milestone: '18.0'
introduced_by_url: null
tiers: [free]
`,
  "definitions/close_snippet.yml": `description: A snippet is closed
internal_events: true
action: close_snippet
identifiers: [project]
product_group: source_code
milestone: '17.0'
introduced_by_url: null
tiers: [free]
status: removed
milestone_removed: '18.2'
removed_by_url: https://gitlab.example.com/acme/app/-/merge_requests/12
`,
};

/** A fresh copy of the project, with `files` added or replaced. */
export function inspectedProject(files: Readonly<Record<string, string>> = {}): string {
  return makeProject({ ...INSPECTED_PROJECT, ...files });
}

/** The project's SDK model, as `sit inspect` builds its rules from it. */
export function inspectedModel(): SdkModel {
  const root = inspectedProject();
  const analysis = runPipeline(readInputs({ cwd: root }), { until: "model" });
  if (analysis.model === undefined) throw new Error(`the test project is invalid:\n${analysis.diagnostics.map((d) => `${d.file}:${d.line}: ${d.code} ${d.message}`).join("\n")}`);
  return analysis.model;
}
