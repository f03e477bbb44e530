import { DICTIONARY_TITLE, IDENTIFIERS_HEADING, type DictionaryEvent, type DictionaryIdentifier, type DictionaryProperty, type EventsDictionary } from "./dictionary-model";
import { DOCS_HEADER } from "./docs-header";
import {
  CONTEXT_FUNCTION,
  describeEnumValue,
  describeMilestone,
  describeRequired,
  describeStatus,
  describeType,
  FROM_CONTEXT_WORDS,
  PER_CALL_WORDS,
  summarizeCounts,
} from "./dictionary-text";
import { markdownCellCode, markdownCode, markdownLink, markdownText } from "./markdown-text";

/** The events dictionary as one Markdown file: an index table, the identifiers, then a section per event. */
export function emitMarkdown(dictionary: EventsDictionary): string {
  const lines = [`<!-- ${DOCS_HEADER} -->`, "", `# ${DICTIONARY_TITLE}`, "", `${summarizeCounts(dictionary.events)}.`, ""];
  lines.push(...indexTable(dictionary.events));
  if (dictionary.identifiers.length > 0) lines.push("", ...identifiersSection(dictionary.identifiers));
  for (const event of dictionary.events) lines.push("", ...eventSection(event));
  return `${lines.join("\n")}\n`;
}

/** One row per event; a column the config's rules let every definition leave empty is left out. */
function indexTable(events: readonly DictionaryEvent[]): string[] {
  const columns: [string, (event: DictionaryEvent) => string][] = [
    ["Event", (event) => `${event.anchor === "" ? markdownCellCode(event.action) : `[${markdownCellCode(event.action)}](#${event.anchor})`}${event.legacy ? " (legacy)" : ""}`],
    ["Description", (event) => markdownText(event.description)],
  ];
  if (events.some((event) => event.productGroup !== undefined)) columns.push(["Product group", (event) => markdownText(event.productGroup ?? "")]);
  if (events.some((event) => event.tiers.length > 0)) columns.push(["Tiers", (event) => markdownText(event.tiers.join(", "))]);
  columns.push(["Status", (event) => markdownText(describeStatus(event))]);
  return [
    `| ${columns.map(([title]) => title).join(" | ")} |`,
    `|${columns.map(() => "---|").join("")}`,
    ...events.map((event) => `| ${columns.map(([, cell]) => cell(event)).join(" | ")} |`),
  ];
}

function identifiersSection(identifiers: readonly DictionaryIdentifier[]): string[] {
  return [
    `## ${IDENTIFIERS_HEADING}`,
    "",
    "| Identifier | Argument | Type | Given |",
    "|---|---|---|---|",
    ...identifiers.map(
      (identifier) =>
        `| ${markdownCellCode(identifier.name)} | ${markdownCellCode(identifier.field)} | ${markdownCellCode(identifier.type)} | ${identifier.fromContext ? `${FROM_CONTEXT_WORDS} ${markdownCellCode(CONTEXT_FUNCTION)}` : PER_CALL_WORDS} |`,
    ),
  ];
}

function eventSection(event: DictionaryEvent): string[] {
  const lines = [`## ${markdownCode(event.action)}`, ""];
  if (event.legacy) lines.push("**Legacy definition**: documented only, no tracking function is generated.", "");
  if (event.removal !== undefined) lines.push(`**Removed** ${removalText(event.removal)}.`, "");
  lines.push(markdownText(event.description), "");

  const facts: [string, string][] = [];
  if (event.functionName !== undefined) facts.push(["Function", markdownCode(`${event.functionName}()`)]);
  if (event.productGroup !== undefined) facts.push(["Product group", markdownText(event.productGroup)]);
  if (event.productCategories.length > 0) facts.push(["Product categories", event.productCategories.map(markdownText).join(", ")]);
  if (event.tiers.length > 0) facts.push(["Tiers", markdownText(event.tiers.join(", "))]);
  const milestone = describeMilestone(event);
  if (milestone !== undefined) facts.push(["Milestone", introducedText(markdownText(milestone), event.introducedByUrl)]);
  else if (event.introducedByUrl !== undefined) facts.push(["Introduced by", markdownLink("merge request", event.introducedByUrl)]);
  facts.push(["Status", event.removal === undefined ? event.status : `removed ${removalText(event.removal)}`]);
  facts.push(["Identifiers", event.identifiers.length === 0 ? "none" : event.identifiers.map(identifierText).join(", ")]);
  facts.push(["Trackers, in call order", event.trackers.length === 0 ? "none" : event.trackers.map(markdownCode).join(" → ")]);
  if (event.category !== undefined) facts.push(["Category", markdownText(event.category)]);
  if (event.classification !== undefined) facts.push(["Classification", markdownText(event.classification)]);
  if (event.extraProperties.length > 0) facts.push(["Extra properties (not typed)", event.extraProperties.map(markdownCode).join(", ")]);
  facts.push(["Source", markdownCode(event.file)]);
  lines.push(...facts.map(([label, value]) => `- **${label}:** ${value}`));

  if (event.properties.length > 0) {
    lines.push("", "| Property | Type | Required | Allowed values | Description |", "|---|---|---|---|---|");
    lines.push(...event.properties.map(propertyRow));
  }
  return lines;
}

const identifierText = (identifier: DictionaryIdentifier): string =>
  identifier.fromContext ? `${markdownCode(identifier.name)} (${FROM_CONTEXT_WORDS} ${markdownCode(CONTEXT_FUNCTION)})` : markdownCode(identifier.name);

/** A nested row is indented by its depth (table cells drop leading spaces, not em spaces). */
function propertyRow(property: DictionaryProperty): string {
  const allowed = [
    ...(property.enumValues === undefined ? [] : [property.enumValues.map((value) => markdownCellCode(describeEnumValue(value))).join(", ")]),
    ...property.constraints.map(markdownCellCode),
  ].join("<br>");
  const only = property.onlyFor.length === 0 ? "" : `*Protected: sent only to ${property.onlyFor.map(markdownCellCode).join(", ")}.*`;
  const description = [property.description === undefined ? "" : markdownText(property.description), only].filter((part) => part !== "").join("<br>");
  const name = `${"&emsp;".repeat(property.depth)}${markdownCellCode(property.path)}`;
  return `| ${name} | ${markdownCellCode(describeType(property))} | ${describeRequired(property)} | ${allowed} | ${description} |`;
}

function introducedText(milestone: string, url: string | undefined): string {
  return url === undefined ? milestone : `${milestone} (${markdownLink("introduced by", url)})`;
}

function removalText(removal: NonNullable<DictionaryEvent["removal"]>): string {
  const milestone = removal.milestone === undefined ? "" : `in ${markdownText(removal.milestone)}`;
  const url = removal.url === undefined ? "" : `(${markdownLink("removed by", removal.url)})`;
  return [milestone, url].filter((part) => part !== "").join(" ");
}
