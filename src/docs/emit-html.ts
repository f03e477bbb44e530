import { createHash } from "node:crypto";
import { DICTIONARY_TITLE, type DictionaryEvent, type DictionaryProperty, type EventsDictionary } from "./dictionary-model";
import { DOCS_HEADER } from "./docs-header";
import {
  describeEnumValue,
  describeMilestone,
  describeRequired,
  describeStatus,
  describeType,
  summarizeCounts,
} from "./dictionary-text";
import { PAGE_SCRIPT } from "./page-script";
import { PAGE_STYLE } from "./page-style";

/**
 * The events dictionary as one self-contained HTML page: the events as a JSON block that the
 * inline script searches, filters and renders. A content security policy allows only the page's
 * own script and style, so even text that slipped through as markup could run nothing or load
 * anything.
 */
export function emitHtml(dictionary: EventsDictionary): string {
  const data = {
    identifiers: dictionary.identifiers.map((identifier) => withoutEmpty({ name: identifier.name, type: identifier.type, fromContext: identifier.fromContext || undefined })),
    productGroups: dictionary.productGroups,
    tiers: dictionary.tiers,
    trackers: dictionary.trackers,
    statuses: dictionary.statuses,
    events: dictionary.events.map(pageEvent),
  };
  const policy = [
    "default-src 'none'",
    `script-src '${sha256(PAGE_SCRIPT)}'`,
    `style-src '${sha256(PAGE_STYLE)}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  // A filter with nothing to choose (no definition names a product group) is hidden.
  const select = (name: string, label: string, all: string, choices?: readonly string[]): string =>
    `<label${choices?.length === 0 ? " hidden" : ""}>${label} <select id="filter-${name}"><option value="">${all}</option></select></label>`;
  return `<!DOCTYPE html>
<!-- ${escapeHtml(DOCS_HEADER)} -->
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<title>${DICTIONARY_TITLE}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header>
<h1>${DICTIONARY_TITLE}</h1>
<div class="controls" role="search">
<input id="search" type="search" placeholder="Search names, descriptions and properties" aria-label="Search events" autocomplete="off">
${select("group", "Product group", "all", dictionary.productGroups)}
${select("tier", "Tier", "all", dictionary.tiers)}
${select("tracker", "Tracker", "all")}
${select("status", "Status", "all")}
${select("kind", "Kind", "all")}
</div>
<p id="count">${escapeHtml(summarizeCounts(dictionary.events))}</p>
</header>
<main>
<noscript><p>Search and details need JavaScript; events.md beside this page lists the same events.</p></noscript>
<ol id="events" class="events"></ol>
<button id="more" type="button" hidden>Show more</button>
</main>
<script id="sit-events" type="application/json">${jsonForScript(data)}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}

/**
 * An event as the page's script reads it: texts already worded; empty fields, an anchor equal to
 * the action and the status text of active events left out; identifiers by name, their types once
 * for the page.
 */
function pageEvent(event: DictionaryEvent): Record<string, unknown> {
  return withoutEmpty({
    action: event.action,
    anchor: event.anchor === event.action ? undefined : event.anchor,
    description: event.description,
    legacy: event.legacy || undefined,
    functionName: event.functionName,
    status: event.status,
    statusText: event.removal === undefined ? undefined : describeStatus(event),
    removedByUrl: event.removal?.url,
    productGroup: event.productGroup,
    productCategories: event.productCategories,
    tiers: event.tiers,
    milestone: describeMilestone(event),
    introducedByUrl: event.introducedByUrl,
    identifiers: event.identifiers.map((identifier) => identifier.name),
    trackers: event.trackers,
    category: event.category,
    classification: event.classification,
    extraProperties: event.extraProperties,
    file: event.file,
    properties: event.properties.map(pageProperty),
  });
}

function pageProperty(property: DictionaryProperty): Record<string, unknown> {
  return withoutEmpty({
    name: property.path,
    depth: property.depth || undefined,
    type: describeType(property),
    required: property.required === false ? undefined : describeRequired(property),
    values: property.enumValues?.map(describeEnumValue),
    constraints: property.constraints,
    description: property.description,
    onlyFor: property.onlyFor,
  });
}

/** Fields the script reads even when empty. */
const ALWAYS_PRESENT: ReadonlySet<string> = new Set(["tiers", "trackers"]);

/** Leaves out undefined values and empty lists: at thousands of events, the page is smaller for it. */
function withoutEmpty(record: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const key in record) {
    const value = record[key];
    if (value === undefined || (Array.isArray(value) && value.length === 0 && !ALWAYS_PRESENT.has(key))) continue;
    kept[key] = value;
  }
  return kept;
}

/**
 * JSON inside a script element: `<` escaped, so no `</script>` or `<!--` in a definition can end
 * the element or change how the HTML parser reads it.
 */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&]/g, (character) => SCRIPT_ESCAPES[character]!);
}

const SCRIPT_ESCAPES: Readonly<Record<string, string>> = { "<": "\\u003c", ">": "\\u003e", "&": "\\u0026" };

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

const sha256 = (text: string): string => `sha256-${createHash("sha256").update(text, "utf8").digest("base64")}`;
