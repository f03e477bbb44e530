import type { z } from "zod";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { didYouMean } from "../diagnostics/suggest";
import type { SourceFile } from "../load/source-file";
import { nodeAtPath, type YamlNode } from "../load/yaml-tree";

export type PathSegment = PropertyKey;

/** Turns zod issues into positioned diagnostics; `keysAt` lists the keys allowed at a mapping path. */
export function schemaDiagnostics(
  issues: readonly z.core.$ZodIssue[],
  root: YamlNode,
  source: SourceFile,
  keysAt: (path: readonly PathSegment[]) => readonly string[],
  specialCode: (path: readonly PathSegment[]) => "SIT014" | undefined = () => undefined,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const issue of issues) {
    const alternative = issue.code === "invalid_union" ? alternativeFor(issue.errors, nodeAtPath(root, issue.path).node) : undefined;
    if (alternative !== undefined) {
      // What the alternative meant for the value's kind says (a list of types, for a list).
      const nested = alternative.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }));
      diagnostics.push(...schemaDiagnostics(nested, root, source, keysAt, specialCode));
      continue;
    }
    const path = issue.path;
    const located = nodeAtPath(root, path);
    const offset = located.node.start;
    const name = formatPath(path);
    // zod checks an enum before the type: a key left out is an invalid value as well as a missing type.
    if (!located.exact && (issue.code === "invalid_type" || issue.code === "invalid_value")) {
      const parent = nodeAtPath(root, path.slice(0, -1));
      diagnostics.push(source.diagnostic(parent.keyStart ?? parent.node.start, "error", "SIT011", `missing required key \`${name}\``));
      continue;
    }
    switch (issue.code) {
      case "unrecognized_keys": {
        const allowed = keysAt(path);
        for (const key of issue.keys) {
          const entry = located.node.kind === "mapping" ? located.node.entries.find((candidate) => candidate.key === key) : undefined;
          const where = name === "" ? "" : ` in \`${name}\``;
          diagnostics.push(
            source.diagnostic(entry?.keyStart ?? located.node.start, "error", "SIT010", `unknown key \`${key}\`${where}`, didYouMean(key, allowed)),
          );
        }
        break;
      }
      case "invalid_type":
        diagnostics.push(
          source.diagnostic(
            offset,
            "error",
            "SIT012",
            `\`${name}\` must be ${article(issue.expected)}, not ${describeNode(located.node, source.text)}`,
            typeHint(issue.expected, path, located.node, source.text, keysAt),
          ),
        );
        break;
      case "invalid_value": {
        const input = located.node.kind === "scalar" ? located.node.value : undefined;
        const allowed = issue.values.map(String);
        diagnostics.push(
          source.diagnostic(
            offset,
            "error",
            "SIT013",
            `\`${name}\` is ${JSON.stringify(input)}; expected one of ${allowed.join(", ")}`,
            typeof input === "string" ? didYouMean(input, allowed) : undefined,
          ),
        );
        break;
      }
      case "invalid_format": {
        const input = located.node.kind === "scalar" ? located.node.value : undefined;
        diagnostics.push(
          source.diagnostic(offset, "error", specialCode(path) ?? "SIT013", `\`${name}\` is ${JSON.stringify(input)}: ${issue.message}`),
        );
        break;
      }
      case "too_small":
        diagnostics.push(source.diagnostic(offset, "error", "SIT013", `\`${name}\` must not be empty`));
        break;
      default: {
        const what = located.exact && located.node.kind === "scalar" ? ` is ${describeNode(located.node, source.text)}` : "";
        diagnostics.push(source.diagnostic(offset, "error", "SIT012", `\`${name}\`${what}: ${issue.message}`));
      }
    }
  }
  return diagnostics;
}

/**
 * The alternative of a union meant for the value's kind, whose problems are then the value's own;
 * `undefined` when none is (the union's own message says what it takes).
 */
function alternativeFor(alternatives: readonly (readonly z.core.$ZodIssue[])[], node: YamlNode): readonly z.core.$ZodIssue[] | undefined {
  const wrongKind = (inner: z.core.$ZodIssue): boolean =>
    inner.path.length === 0 && (inner.code === "invalid_type" || (node.kind === "sequence" && inner.code === "invalid_value"));
  return alternatives.find((alternative) => !alternative.some(wrongKind));
}

export function formatPath(path: readonly PathSegment[]): string {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else text += text === "" ? String(segment) : `.${String(segment)}`;
  }
  return text;
}

const ARTICLES: Readonly<Record<string, string>> = {
  array: "a list",
  object: "a mapping",
  record: "a mapping",
  string: "a string",
  number: "a number",
  boolean: "true or false",
  null: "null",
};

function article(expected: string): string {
  return ARTICLES[expected] ?? expected;
}

/** What a node is, quoting a number as written (`18.0`, not the `18` it parses to). */
function describeNode(node: YamlNode, text: string): string {
  switch (node.kind) {
    case "sequence":
      return "a list";
    case "mapping":
      return "a mapping";
    case "scalar":
      if (node.value === null) return "empty (null)";
      if (typeof node.value === "string") return `the string ${JSON.stringify(node.value)}`;
      if (typeof node.value === "number") return `the number ${text.slice(node.start, node.end)}`;
      return String(node.value);
  }
}

/** The fix for common type slips: an unquoted version number, a single value where a list or a mapping belongs. */
function typeHint(
  expected: string,
  path: readonly PathSegment[],
  node: YamlNode,
  text: string,
  keysAt: (path: readonly PathSegment[]) => readonly string[],
): string | undefined {
  if (node.kind !== "scalar" || node.value === null) return undefined;
  const written = text.slice(node.start, node.end);
  if (expected === "string" && typeof node.value !== "string") {
    return `quote it to make it a string: '${written}'`;
  }
  if (expected === "array" && !/[\r\n]/.test(written)) {
    const last = path[path.length - 1];
    return `write a list: \`${typeof last === "string" ? `${last}: ` : ""}[${written}]\``;
  }
  const firstKey = keysAt(path)[0];
  if ((expected === "object" || expected === "record") && path.length >= 2 && firstKey !== undefined) {
    const last = path[path.length - 1]!;
    const mapping = `{ ${firstKey}: ${JSON.stringify(node.value)} }`;
    return `write a mapping: \`${typeof last === "number" ? `- ${mapping}` : `${String(last)}: ${mapping}`}\``;
  }
  return undefined;
}
