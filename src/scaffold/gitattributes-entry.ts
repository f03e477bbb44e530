/**
 * `.gitattributes` with the lines of `template` (sit's, marking the output folder as generated):
 * the template itself when there is no file, the file as it is when it has every line already,
 * else the file with the template appended, so that the project's own attributes stay.
 */
export function withGeneratedEntry(existing: string | undefined, template: string): { content: string; change: "create" | "append" | "present" } {
  if (existing === undefined) return { content: template, change: "create" };
  const lines = new Set(existing.split(/\r?\n/).map((line) => line.trim()));
  const needed = template.split("\n").filter((line) => line.trim() !== "" && !line.startsWith("#"));
  if (needed.every((line) => lines.has(line.trim()))) return { content: existing, change: "present" };
  const newline = existing.includes("\r\n") ? "\r\n" : "\n";
  const separator = existing === "" || existing.endsWith("\n") ? "" : newline;
  return { content: `${existing}${separator}${template.replace(/\n/g, newline)}`, change: "append" };
}
