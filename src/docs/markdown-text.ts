/** Characters that make text need escaping: most definition text has none and is used as it is. */
const NEEDS_ESCAPING = /[&<>|[\]\r\n]/;
const NEEDS_CARE_IN_CODE = /[`\r\n]|^ .* $/s;

/**
 * Definition text in Markdown: authors' inline Markdown (`code`, *emphasis*) keeps working, while
 * HTML, links and images in it (`[x](javascript:…)`, `![](https://…)`, `[x]: url`) are shown as
 * text, never rendered or fetched, and table cells stay one cell. A backslash before an escaped
 * character is doubled, so it cannot undo the escape.
 */
export function markdownText(text: string): string {
  if (!NEEDS_ESCAPING.test(text)) return text;
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/(\\*)([|[\]])/g, (_, backslashes: string, char: string) => `${backslashes}${backslashes}\\${char}`)
    .replace(/\r\n?|\n/g, "<br>");
}

/**
 * A code span that shows any text as it is (a heading's, a list item's): a fence longer than any
 * run of backticks inside, and a space either side where the span would otherwise drop one or
 * join the fence. Line breaks become spaces, as in any code span.
 */
export function markdownCode(text: string): string {
  if (!NEEDS_CARE_IN_CODE.test(text)) return `\`${text}\``;
  const oneLine = text.replace(/\r\n?|\n/g, " ");
  const longestRun = Math.max(0, ...(oneLine.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  const wouldLoseSpaces = oneLine.startsWith(" ") && oneLine.endsWith(" ") && /[^ ]/.test(oneLine);
  return oneLine.startsWith("`") || oneLine.endsWith("`") || wouldLoseSpaces ? `${fence} ${oneLine} ${fence}` : `${fence}${oneLine}${fence}`;
}

/** A code span in a table cell: pipes escaped, which the table reads back before the span (GFM). */
export const markdownCellCode = (text: string): string => markdownCode(text).replace(/\|/g, "\\|");

/** A link when the URL is a plain http(s) address, else the URL as text: nothing else becomes clickable. */
export function markdownLink(label: string, url: string): string {
  return /^https?:\/\/[^\s<>()[\]|`]+$/i.test(url) ? `[${label}](${url})` : `${label}: ${markdownText(url)}`;
}
