import type { YamlFragment } from "./yaml-fragment";

/** A mistake in a template, at its 1-based line and column. */
export interface TemplateProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface RenderedTemplate {
  readonly text: string;
  readonly problems: readonly TemplateProblem[];
  /** The placeholders the template uses. */
  readonly used: ReadonlySet<string>;
}

/** A key whose whole value is one placeholder: `  key: {{ name }}`. */
const PLACEHOLDER_LINE = /^( *)([A-Za-z_][A-Za-z0-9_]*):[ \t]+\{\{[ \t]*([A-Za-z0-9_]*)[ \t]*\}\}[ \t]*$/;

/**
 * Fills a YAML template. Each placeholder is the whole value of a key (`key: {{name}}`) and is
 * replaced by that value's YAML (`values`): a scalar after the key, a list or mapping indented below
 * it. A placeholder whose value is `undefined` removes its line (an optional key
 * left out). Other lines are copied as they are; the result ends with one line break.
 */
export function renderTemplate(template: string, values: ReadonlyMap<string, YamlFragment | undefined>): RenderedTemplate {
  const output: string[] = [];
  const problems: TemplateProblem[] = [];
  const used = new Set<string>();
  const lines = template.replace(/\r?\n$/, "").split(/\r?\n/);
  lines.forEach((line, index) => {
    const braces = line.indexOf("{{");
    if (braces < 0) {
      output.push(line);
      return;
    }
    const at = { line: index + 1, column: braces + 1 };
    const match = PLACEHOLDER_LINE.exec(line);
    if (match === null) {
      problems.push({
        ...at,
        message: "a placeholder must be the whole value of a key, as in `key: {{name}}`",
      });
      return;
    }
    const [, indent = "", key = "", name = ""] = match;
    if (!values.has(name)) {
      problems.push({
        ...at,
        message: `unknown placeholder {{${name}}}; the placeholders are ${[...values.keys()].map((known) => `{{${known}}}`).join(", ")}`,
      });
      return;
    }
    used.add(name);
    const value = values.get(name);
    if (value !== undefined) output.push(...placed(indent, key, value));
  });
  return { text: `${output.join("\n")}\n`, problems, used };
}

function placed(indent: string, key: string, value: YamlFragment): string[] {
  if (value.block) return [`${indent}${key}:`, ...value.lines.map((line) => `${indent}  ${line}`)];
  // A multi-line string's first line (its `|-` indicator) stays on the key's line.
  const [first = "", ...rest] = value.lines;
  return [`${indent}${key}: ${first}`, ...rest.map((line) => `${indent}${line}`)];
}
