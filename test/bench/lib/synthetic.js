"use strict";
/**
 * Deterministic synthetic event definition sets in GitLab's Internal Events format, shaped like a
 * large real catalog: mixed identifiers (including none), 0–6 additional properties (label,
 * property, value and custom ones; some with sit's type/enum/required, some null or without a
 * description), extra trackers with and without protected properties (and a few in the legacy
 * `extra_tracking_classes` form), removed events, a few legacy (Snowplow-only) definitions, and
 * files spread over nested folders. The same seed and size always give byte-identical files.
 *
 * `createEventSet(size, seed)` returns the events as data (the Typewriter plan is built from the
 * same data); `writeSitProject(dir, set)` writes them with a sit.config.yaml, processor modules
 * and a strict tsconfig.json for `tsc --noEmit`.
 */
const { mkdirSync, writeFileSync } = require("node:fs");
const { dirname, join } = require("node:path");

/** mulberry32: small, fast, good enough for test data, identical on every platform. */
function prng(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = (items) => items[Math.floor(next() * items.length)];
  const chance = (p) => next() < p;
  /** `weighted([[value, weight], ...])` */
  const weighted = (pairs) => {
    const total = pairs.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = next() * total;
    for (const [value, weight] of pairs) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return pairs[pairs.length - 1][0];
  };
  const sample = (items, count) => {
    const pool = [...items];
    const result = [];
    while (result.length < count && pool.length > 0) result.push(pool.splice(Math.floor(next() * pool.length), 1)[0]);
    return result;
  };
  return { next, int, pick, chance, weighted, sample };
}

const STAGES = {
  create: ["code_review", "source_code", "code_creation", "editor_extensions", "remote_development", "knowledge"],
  verify: ["pipeline_authoring", "pipeline_execution", "runner", "pipeline_security"],
  package: ["package_registry", "container_registry"],
  deploy: ["environments", "deploy", "release"],
  secure: ["static_analysis", "dynamic_analysis", "composition_analysis", "secret_detection"],
  govern: ["authentication", "authorization", "compliance", "security_policies", "threat_insights"],
  plan: ["project_management", "product_planning", "optimize"],
  monitor: ["respond", "observability", "platform_insights"],
  analytics: ["analytics_instrumentation", "product_analytics"],
  ai_powered: ["duo_chat", "ai_framework", "ai_model_validation"],
  systems: ["gitaly", "geo", "distribution", "tenant_scale"],
  data_stores: ["database", "global_search", "personal_productivity"],
};
const GROUPS = Object.entries(STAGES).flatMap(([stage, groups]) => groups.map((group) => ({ stage, group })));
const SUBFOLDERS = ["ui", "api", "backend"];

const VERBS = [
  "view", "create", "update", "delete", "click", "open", "close", "submit", "enable", "disable", "export", "import",
  "search", "merge", "approve", "assign", "invite", "start", "finish", "cancel", "retry", "download", "upload", "share",
  "star", "fork", "comment", "apply", "dismiss", "select",
];
const OBJECTS = [
  "merge_request", "issue", "epic", "pipeline", "job", "runner", "project", "group", "snippet", "wiki_page", "deployment",
  "environment", "release", "package", "container_image", "vulnerability", "dashboard", "milestone", "label", "board",
  "commit", "branch", "tag", "webhook", "integration", "access_token", "member", "license", "audit_event",
  "code_suggestion", "work_item", "security_scan", "feature_flag", "error_report", "terraform_state", "agent", "cluster",
];
const CONTEXTS = ["from_sidebar", "via_api", "in_ide", "from_email", "in_settings", "from_search", "in_modal", "on_mobile"];
const CUSTOM_PROPERTIES = [
  "source", "plan_name", "target_branch_kind", "duration_ms", "language", "page_size", "sort_order", "filter_kind",
  "item_count", "is_draft", "visibility", "editor_kind", "retry_count", "status_code", "format", "destination",
  "trigger", "template_name", "branch_count", "file_count", "has_description", "scope", "role", "access_level",
  "result", "error_kind", "region", "provider", "variant", "position", "view_mode", "theme", "selected_tab",
  "query_length", "runner_type", "job_status", "stage_count", "approval_count", "severity", "confidence",
];
const PROTECTED_PROPERTIES = ["model_name", "prompt_tokens", "completion_tokens", "actor_ip", "audit_reason", "session_kind", "billing_unit", "experiment_arm"];
const TRACKERS = ["Gitlab::Tracking::AiTracking", "Gitlab::Tracking::AuditLog", "Gitlab::Tracking::ProductAnalytics"];
/**
 * Identifier sets and property counts follow GitLab's own internal events (test/corpus/gitlab:
 * 404 internal events; 56 % project+namespace+user, 22 % user, 5 % null; 54 % have no
 * additional properties, mean 1.0, up to 6 here).
 */
const IDENTIFIER_SETS = [
  [undefined, 3], // key absent
  [null, 3], // `identifiers:` with no value
  [["user"], 22],
  [["project", "user"], 5],
  [["project", "namespace", "user"], 45],
  [["namespace", "user"], 9],
  [["namespace"], 3],
  [["project", "namespace"], 6],
  [["user", "feature_enabled_by_namespace_ids"], 3],
  [["project", "namespace", "user", "feature_enabled_by_namespace_ids"], 1],
];
const PROPERTY_COUNTS = [[0, 54], [1, 15], [2, 18], [3, 9], [4, 2], [5, 1], [6, 1]];
const ENUM_VALUES = ["web", "api", "cli", "ide", "mobile", "email", "default", "other", "manual", "scheduled", "light", "dark"];
const MILESTONES = ["15.0", "15.11", "16.0", "16.5", "16.10", "17.0", "17.3", "17.8", "18.0", "18.2", "18.5"];

const words = (snake) => snake.replace(/_/g, " ");
const third = (verb) => (/(s|sh|ch|x)$/.test(verb) ? `${verb}es` : /[^aeiou]y$/.test(verb) ? `${verb.slice(0, -1)}ies` : `${verb}s`);

/**
 * `size` internal events (plus about 1 % legacy definitions) from `seed`.
 * Every action is unique and ends with its index as its own `_<n>` segment, so no two actions
 * produce the same generated function name.
 */
function createEventSet(size, seed = 1) {
  const random = prng(seed * 1000003 + size);
  const events = [];
  for (let index = 0; index < size; index++) events.push(internalEvent(random, index));
  const legacyCount = Math.max(1, Math.ceil(size / 100));
  for (let index = 0; index < legacyCount; index++) events.push(legacyEvent(random, index));
  return { size, seed, events };
}

function internalEvent(random, index) {
  const verb = random.pick(VERBS);
  const object = random.pick(OBJECTS);
  const context = random.chance(0.3) ? random.pick(CONTEXTS) : undefined;
  const action = [verb, object, ...(context === undefined ? [] : [context]), String(index + 1)].join("_");
  const { stage, group } = random.pick(GROUPS);
  const folder = random.chance(0.5) ? `${stage}/${group}/${random.pick(SUBFOLDERS)}` : `${stage}/${group}`;
  const extension = random.chance(0.005) ? "yaml" : "yml";

  let description = `A user ${third(verb)} the ${words(object)}${context === undefined ? "" : ` ${words(context)}`}`;
  if (random.chance(0.05)) description += ": counted once per request";
  if (random.chance(0.03)) description += ` (the "${random.pick(ENUM_VALUES)}" flow, see */docs)`;
  const descriptionStyle = random.weighted([["plain", 90], ["folded", 5], ["literal", 5]]);

  const identifiers = random.weighted(IDENTIFIER_SETS);

  const propertyCount = random.weighted(PROPERTY_COUNTS);
  const builtIns = random.sample(["label", "property", "value"], Math.min(propertyCount, random.int(0, 3)));
  const custom = random.sample(CUSTOM_PROPERTIES, propertyCount - builtIns.length);
  const properties = [...builtIns, ...custom].map((name) => property(random, name, name === "value" ? "number" : builtIns.includes(name) ? "string" : undefined));

  const trackers = [];
  if (random.chance(0.1)) {
    const legacyForm = random.chance(0.1);
    const classes = random.sample(TRACKERS, random.chance(0.2) ? 2 : 1);
    const protectedPool = random.sample(PROTECTED_PROPERTIES, 4);
    for (const className of classes) {
      const protectedNames = !legacyForm && random.chance(0.5) ? protectedPool.splice(0, random.int(1, 2)) : [];
      trackers.push({ className, legacyForm, protectedProperties: protectedNames.map((name) => property(random, name, undefined)) });
    }
  }

  const removed = random.chance(0.03);
  return {
    kind: "internal",
    action,
    path: `${folder}/${action}.${extension}`,
    description,
    descriptionStyle,
    identifiers,
    properties,
    trackers,
    productGroup: group,
    productCategories: random.chance(0.7) ? [`${group}_workflow`] : undefined,
    milestone: random.chance(0.01) ? null : random.pick(MILESTONES),
    introducedByUrl: random.chance(0.01) ? null : `https://gitlab.com/gitlab-org/gitlab/-/merge_requests/${100000 + index * 7}`,
    tiers: random.weighted([[["free", "premium", "ultimate"], 50], [["premium", "ultimate"], 30], [["ultimate"], 20]]),
    status: removed ? "removed" : random.chance(0.5) ? "active" : undefined,
    classification: stage === "ai_powered" && random.chance(0.5) ? "duo" : undefined,
  };
}

/** A property; `builtIn` is GitLab's fixed type of label/property (string) and value (number). */
function property(random, name, builtIn) {
  const shape = random.weighted([["described", 88], ["null", 4], ["undescribed", 3], ["typed", 5]]);
  const result = { name, shape, description: `${words(name)[0].toUpperCase()}${words(name).slice(1)} of the event` };
  if (shape === "null") return result;
  if (random.chance(0.15)) {
    result.type = builtIn === "string" ? "string" : builtIn === "number" ? random.pick(["number", "integer"]) : random.pick(["string", "integer", "number", "boolean"]);
  }
  const effective = result.type ?? builtIn;
  if ((effective === "string" || effective === "integer") && random.chance(0.08)) {
    result.enum = effective === "string" ? random.sample(ENUM_VALUES, random.int(2, 5)) : random.sample([1, 2, 3, 5, 8, 13], random.int(2, 4));
  }
  if (random.chance(0.05)) result.required = true;
  return result;
}

function legacyEvent(random, index) {
  const { stage, group } = random.pick(GROUPS);
  const category = random.pick(["Projects::PipelinesController", "Groups::SettingsController", "MergeRequests::CreateService", "projects:show", "dashboard:activity"]);
  const action = `${random.pick(["click_button", "render", "open_modal", "select_option", "visit_docs"])}_l${index + 1}`;
  const slug = category.replace(/[^A-Za-z0-9]+/g, "_");
  return {
    kind: "legacy",
    action,
    path: `legacy/${stage}/${1643968255 + index * 3607}_${slug}_${action}.yml`,
    description: `Legacy Snowplow event ${words(action)} in ${category}`,
    category,
    productGroup: group,
    milestone: random.pick(MILESTONES),
    introducedByUrl: `https://gitlab.com/gitlab-org/gitlab/-/merge_requests/${90000 + index}`,
    tiers: ["free", "premium", "ultimate"],
    identifiers: random.chance(0.5) ? ["project", "user"] : undefined,
  };
}

/** A YAML scalar: plain when safe, single-quoted otherwise. */
function scalar(value) {
  if (value === null) return "null";
  if (typeof value !== "string") return String(value);
  const plainSafe = /^[A-Za-z_/][A-Za-z0-9 _./()-]*$/.test(value) && !/^(true|false|null|yes|no|on|off|~)$/i.test(value) && !/\s$/.test(value);
  return plainSafe ? value : `'${value.replace(/'/g, "''")}'`;
}

function propertyYaml(prop, indent) {
  const pad = " ".repeat(indent);
  if (prop.shape === "null") return `${pad}${prop.name}:\n`;
  const lines = [];
  if (prop.shape !== "undescribed") lines.push(`description: ${scalar(prop.description)}`);
  if (prop.type !== undefined) lines.push(`type: ${prop.type}`);
  if (prop.enum !== undefined) lines.push(`enum: [${prop.enum.map(scalar).join(", ")}]`);
  if (prop.required === true) lines.push("required: true");
  if (lines.length === 0) return `${pad}${prop.name}: {}\n`;
  return `${pad}${prop.name}:\n${lines.map((line) => `${pad}  ${line}\n`).join("")}`;
}

/** The definition file's text. */
function definitionYaml(event) {
  if (event.kind === "legacy") {
    return [
      "---",
      `description: ${scalar(event.description)}`,
      `category: ${scalar(event.category)}`,
      `action: ${event.action}`,
      "label_description: the button's label",
      "property_description:",
      "value_description:",
      "extra_properties:",
      ...(event.identifiers === undefined ? [] : ["identifiers:", ...event.identifiers.map((identifier) => `- ${identifier}`)]),
      `product_group: ${event.productGroup}`,
      `milestone: "${event.milestone}"`,
      `introduced_by_url: ${event.introducedByUrl}`,
      "tiers:",
      ...event.tiers.map((tier) => `- ${tier}`),
      "",
    ].join("\n");
  }
  let text = "";
  if (event.descriptionStyle === "folded") text += `description: >-\n  ${event.description}\n`;
  else if (event.descriptionStyle === "literal") text += `description: |-\n  ${event.description}\n`;
  else text += `description: ${scalar(event.description)}\n`;
  text += "internal_events: true\n";
  text += `action: ${event.action}\n`;
  if (event.identifiers === null) text += "identifiers:\n";
  else if (event.identifiers !== undefined) text += `identifiers:\n${event.identifiers.map((identifier) => `  - ${identifier}\n`).join("")}`;
  if (event.properties.length > 0) text += `additional_properties:\n${event.properties.map((prop) => propertyYaml(prop, 2)).join("")}`;
  if (event.trackers.length > 0 && event.trackers[0].legacyForm) {
    text += `extra_tracking_classes:\n${event.trackers.map((tracker) => `  - ${tracker.className}\n`).join("")}`;
  } else if (event.trackers.length > 0) {
    text += "extra_trackers:\n";
    for (const tracker of event.trackers) {
      text += `  - tracking_class: ${tracker.className}\n`;
      if (tracker.protectedProperties.length > 0) {
        text += `    protected_properties:\n${tracker.protectedProperties.map((prop) => propertyYaml(prop, 6)).join("")}`;
      }
    }
  }
  text += `product_group: ${event.productGroup}\n`;
  if (event.productCategories !== undefined) text += `product_categories:\n${event.productCategories.map((category) => `  - ${category}\n`).join("")}`;
  text += `milestone: ${event.milestone === null ? "null" : `'${event.milestone}'`}\n`;
  text += `introduced_by_url: ${event.introducedByUrl === null ? "null" : event.introducedByUrl}\n`;
  text += `tiers:\n${event.tiers.map((tier) => `  - ${tier}\n`).join("")}`;
  if (event.status !== undefined) text += `status: ${event.status}\n`;
  if (event.status === "removed") {
    text += "milestone_removed: '18.6'\n";
    text += "removed_by_url: https://gitlab.com/gitlab-org/gitlab/-/merge_requests/200001\n";
  }
  if (event.classification !== undefined) text += `classification: ${event.classification}\n`;
  return text;
}

const CONFIG = `# Synthetic project written by sit's benchmark (test/bench); paths are relative to this file.
definitions: definitions
output: generated
processors:
  InternalEvents: { module: ./src/tracking/internal-events, export: InternalEvents }
  Gitlab::Tracking::AiTracking: { module: ./src/tracking/ai-tracking, export: AiTracking }
  Gitlab::Tracking::AuditLog: { module: ./src/tracking/audit-log, export: AuditLog }
  Gitlab::Tracking::ProductAnalytics: { module: ./src/tracking/product-analytics, export: ProductAnalytics }
defaultProcessors: [InternalEvents]
identifiers:
  user: { type: User, module: ./src/models }
  feature_enabled_by_namespace_ids: { type: "readonly number[]" }
`;

const PROCESSORS = {
  "src/models.ts": `/** The application's user, as the tracking identifiers carry it. */
export interface User {
  readonly id: number;
  readonly username: string;
}
`,
  "src/tracking/internal-events.ts": `import type { EventPayload, Processor } from "../../generated/index.js";

/** Buffers events for the internal events collector. */
export const buffered: { eventName: string; payload: EventPayload }[] = [];

export const InternalEvents: Processor = {
  trackEvent(eventName: string, payload: EventPayload): void {
    buffered.push({ eventName, payload });
  },
};
`,
  "src/tracking/ai-tracking.ts": `import type { EventPayload } from "../../generated/index.js";

/** Records AI usage; a class with a static trackEvent, like GitLab's tracking classes. */
export class AiTracking {
  static readonly records: string[] = [];

  static async trackEvent(eventName: string, payload: EventPayload): Promise<void> {
    const model = payload.additionalProperties["model_name"];
    AiTracking.records.push(\`\${eventName}:\${payload.user?.id ?? "anonymous"}:\${typeof model === "string" ? model : "?"}\`);
  }
}
`,
  "src/tracking/audit-log.ts": `import type { EventPayload, Processor } from "../../generated/index.js";

export const auditLines: string[] = [];

export const AuditLog: Processor = {
  trackEvent(eventName: string, payload: EventPayload): void {
    auditLines.push(JSON.stringify({ audit: eventName, actor: payload.user?.username ?? null, details: payload.additionalProperties }));
  },
};
`,
  "src/tracking/product-analytics/index.ts": `import type { EventPayload, Processor } from "../../../generated/index.js";

let sent = 0;

export const ProductAnalytics: Processor = {
  trackEvent(_eventName: string, _payload: EventPayload): void {
    sent++;
  },
};

export const sentCount = (): number => sent;
`,
};

/** The strict settings of DESIGN §3, for `tsc --noEmit` on the generated SDK and the processors. */
const TSCONFIG = {
  compilerOptions: {
    target: "es2022",
    lib: ["es2022"],
    module: "nodenext",
    moduleResolution: "nodenext",
    types: [],
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    noImplicitOverride: true,
    noFallthroughCasesInSwitch: true,
    isolatedModules: true,
    skipLibCheck: true,
    noEmit: true,
  },
  include: ["generated", "src"],
};

function writeFile(path, content) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

/** Writes the definitions, sit.config.yaml, the processors and tsconfig.json under `dir`. */
function writeSitProject(dir, set) {
  let bytes = 0;
  const folders = new Set();
  for (const event of set.events) {
    const path = join(dir, "definitions", event.path);
    const folder = dirname(path);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    const text = definitionYaml(event);
    bytes += Buffer.byteLength(text);
    writeFileSync(path, text);
  }
  writeFile(join(dir, "sit.config.yaml"), CONFIG);
  for (const [path, content] of Object.entries(PROCESSORS)) writeFile(join(dir, path), content);
  writeFile(join(dir, "tsconfig.json"), `${JSON.stringify(TSCONFIG, null, 2)}\n`);
  writeFile(join(dir, "package.json"), `${JSON.stringify({ private: true, type: "module" }, null, 2)}\n`);
  return { files: set.events.length, folders: folders.size, bytes };
}

/** The internal event whose definition the "one definition changed" measure edits. */
function eventToChange(set) {
  const internal = set.events.filter((event) => event.kind === "internal");
  return internal[Math.floor(internal.length / 2)];
}

module.exports = { prng, createEventSet, definitionYaml, writeSitProject, eventToChange, TSCONFIG };
