/** Characters that make text need escaping: most definition text has none and is used as it is. */
const NEEDS_ESCAPING = /[&<>|[\]\r\n]/;
const NEEDS_CARE_IN_CODE = /[`|\r\n]/;

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

/** A code span that holds any text: a fence longer than any run of backticks inside, pipes escaped for tables. */
export function markdownCode(text: string): string {
  if (!NEEDS_CARE_IN_CODE.test(text)) return `\`${text}\``;
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  const padded = text.startsWith("`") || text.endsWith("`") ? ` ${text} ` : text;
  return `${fence}${padded.replace(/\|/g, "\\|").replace(/\r\n?|\n/g, " ")}${fence}`;
}

/** A link when the URL is a plain http(s) address, else the URL as text: nothing else becomes clickable. */
export function markdownLink(label: string, url: string): string {
  return /^https?:\/\/[^\s<>()[\]|`]+$/i.test(url) ? `[${label}](${url})` : `${label}: ${markdownText(url)}`;
}
