import type { DictionaryEvent, DictionaryProperty, EventsDictionary } from "./dictionary-model";
import { DOCS_HEADER } from "./docs-header";
import { describeEnumValue, describeStatus, describeType, summarizeCounts } from "./dictionary-text";
import { markdownCode, markdownLink, markdownText } from "./markdown-text";

/** The events dictionary as one Markdown file: an index table, then a section per event. */
export function emitMarkdown(dictionary: EventsDictionary): string {
  const lines = [`<!-- ${DOCS_HEADER} -->`, "", "# Events dictionary", "", `${summarizeCounts(dictionary.events)}.`, ""];
  lines.push("| Event | Description | Product group | Tiers | Status |", "|---|---|---|---|---|");
  for (const event of dictionary.events) {
    const name = `[${markdownCode(event.action)}](#${event.anchor})${event.legacy ? " (legacy)" : ""}`;
    lines.push(`| ${name} | ${markdownText(event.description)} | ${markdownText(event.productGroup)} | ${event.tiers.join(", ")} | ${markdownText(describeStatus(event))} |`);
  }
  for (const event of dictionary.events) lines.push("", ...eventSection(event));
  return `${lines.join("\n")}\n`;
}

function eventSection(event: DictionaryEvent): string[] {
  const lines = [`## ${markdownCode(event.action)}`, ""];
  if (event.legacy) lines.push("**Legacy definition**: documented only, no tracking function is generated.", "");
  if (event.removal !== undefined) lines.push(`**Removed** ${removalText(event.removal)}.`, "");
  lines.push(markdownText(event.description), "");

  const facts: [string, string][] = [];
  if (event.functionName !== undefined) facts.push(["Function", markdownCode(`${event.functionName}()`)]);
  facts.push(["Product group", markdownText(event.productGroup)]);
  if (event.productCategories.length > 0) facts.push(["Product categories", event.productCategories.map(markdownText).join(", ")]);
  facts.push(["Tiers", event.tiers.join(", ")]);
  facts.push(["Milestone", milestoneText(event)]);
  facts.push(["Status", event.removal === undefined ? event.status : `removed ${removalText(event.removal)}`]);
  facts.push(["Identifiers", event.identifiers.length === 0 ? "none" : event.identifiers.map(markdownCode).join(", ")]);
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

function propertyRow(property: DictionaryProperty): string {
  const values = property.enumValues?.map((value) => markdownCode(describeEnumValue(value))).join(", ") ?? "";
  const only = property.onlyFor.length === 0 ? "" : `*Protected: sent only to ${property.onlyFor.map(markdownCode).join(", ")}.*`;
  const description = [property.description === undefined ? "" : markdownText(property.description), only].filter((part) => part !== "").join("<br>");
  return `| ${markdownCode(property.name)} | ${markdownCode(describeType(property))} | ${property.required ? "yes" : "no"} | ${values} | ${description} |`;
}

function milestoneText(event: DictionaryEvent): string {
  const milestone = event.milestone === null ? "unknown" : markdownText(event.milestone);
  return event.introducedByUrl === null ? milestone : `${milestone} (${markdownLink("introduced by", event.introducedByUrl)})`;
}

function removalText(removal: NonNullable<DictionaryEvent["removal"]>): string {
  const milestone = removal.milestone === undefined ? "" : `in ${markdownText(removal.milestone)}`;
  const url = removal.url === undefined ? "" : `(${markdownLink("removed by", removal.url)})`;
  return [milestone, url].filter((part) => part !== "").join(" ");
}
