import type { ConfigSource } from "../config/config-source";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { fileDiagnostic } from "../load/source-file";
import { toPlainValue, type YamlEntry, type YamlMapping, type YamlNode } from "../load/yaml-tree";

/** What the imported definitions need of the config's `rules`. */
export interface NeededRules {
  /** Event names as the plan writes them: the first that is no snake_case name, if any. */
  readonly eventName: string | undefined;
  /** Property names as the plan writes them: the first that is no snake_case name, if any. */
  readonly propertyName: string | undefined;
}

/** The top-level keys every imported definition has; `rules.required` may ask for these only. */
const IMPORTED_KEYS: ReadonlySet<string> = new Set(["description", "internal_events", "action"]);

/** What a plan's definitions hold of GitLab's required keys. */
export const IMPORTED_REQUIRED = ["description", "action"] as const;

export type ConfigEdit =
  | { readonly kind: "unchanged" }
  | {
      readonly kind: "create" | "edit";
      /** Absolute. */
      readonly path: string;
      readonly displayPath: string;
      readonly before: string | undefined;
      readonly after: string;
      /** The rules set, as the report shows them: `eventNames: any`. */
      readonly added: readonly string[];
    }
  | { readonly kind: "conflict"; readonly diagnostics: readonly Diagnostic[] };

/**
 * The change the config needs so that the imported definitions validate: `rules` for free names
 * and for the keys a plan has, added to what the file holds and nothing else changed (comments,
 * order and layout kept). A rule the config already sets otherwise is reported, not rewritten:
 * the config is the user's.
 */
export function configEdit(source: ConfigSource | undefined, newConfigPath: string, newDisplayPath: string, needed: NeededRules): ConfigEdit {
  const wanted: [key: string, value: string][] = [];
  if (needed.eventName !== undefined) wanted.push(["eventNames", "any"]);
  if (needed.propertyName !== undefined) wanted.push(["propertyNames", "any"]);
  wanted.push(["required", `[${IMPORTED_REQUIRED.join(", ")}]`]);

  if (source?.configFile === undefined || source.origin === undefined) {
    const after = newConfig(wanted);
    return { kind: "create", path: newConfigPath, displayPath: newDisplayPath, before: undefined, after, added: wanted.map(([key, value]) => `${key}: ${value}`) };
  }
  const { root, source: file } = source.origin;
  const rulesEntry = root.kind === "mapping" ? root.entries.find((entry) => entry.key === "rules") : undefined;
  const rules = rulesEntry?.value;
  const existing = rules?.kind === "mapping" ? rules : undefined;
  const conflicts: Diagnostic[] = [];
  const at = (node: YamlNode, message: string, hint: string) => {
    const { line, column } = file.position(node.start);
    conflicts.push(fileDiagnostic(file.displayPath, line, column, "error", "SIT077", message, hint));
  };
  const missing: [string, string][] = [];
  for (const [key, value] of wanted) {
    const current = existing?.entries.find((entry) => entry.key === key);
    if (current === undefined) {
      missing.push([key, value]);
      continue;
    }
    const plain = toPlainValue(current.value);
    if (key === "required") {
      const extra = Array.isArray(plain) ? plain.filter((name) => typeof name !== "string" || !IMPORTED_KEYS.has(name)) : [plain];
      if (extra.length > 0) {
        at(
          current.value,
          `rules.required asks every definition for ${extra.map((name) => (typeof name === "string" ? name : JSON.stringify(name))).join(", ")}, which the plan's events do not have`,
          `set \`required: ${value}\`, or add the keys to the definitions after the import`,
        );
      }
    } else if (plain !== "any") {
      const example = key === "eventNames" ? needed.eventName : needed.propertyName;
      at(
        current.value,
        `rules.${key} is ${JSON.stringify(plain)}, and the plan has ${key === "eventNames" ? "event" : "property"} names that are not snake_case, such as ${JSON.stringify(example)}`,
        `set \`${key}: any\` to keep the names as the application sends them`,
      );
    }
  }
  if (conflicts.length > 0) return { kind: "conflict", diagnostics: conflicts };
  if (missing.length === 0) return { kind: "unchanged" };

  const text = file.text;
  const added = missing.map(([key, value]) => `${key}: ${value}`);
  const edited = (after: string): ConfigEdit => ({ kind: "edit", path: source.configFile!, displayPath: file.displayPath, before: text, after, added });
  if (source.configFile.endsWith(".json")) {
    const data = JSON.parse(text) as Record<string, unknown>;
    const current = data["rules"];
    if (current !== undefined && (typeof current !== "object" || current === null || Array.isArray(current))) return handEdit(file.displayPath, rules!, file, missing);
    data["rules"] = { ...(current as Record<string, unknown> | undefined), ...Object.fromEntries(missing.map(([key]) => [key, jsonRule(key)])) };
    const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? "  ";
    return edited(`${JSON.stringify(data, null, indent)}\n`);
  }
  if (root.kind !== "mapping" && !(root.kind === "scalar" && root.value === null)) return handEdit(file.displayPath, root, file, missing);
  if (rulesEntry === undefined) {
    const separated = text === "" || text.endsWith("\n") ? text : `${text}\n`;
    return edited(`${separated}${rulesBlock(missing, "  ")}`);
  }
  if (existing === undefined || isFlow(text, existing) || existing.entries.length === 0) return handEdit(file.displayPath, rules!, file, missing);
  const indent = " ".repeat(file.position(existing.entries[0]!.keyStart).column - 1);
  const offset = insertionOffset(text, root as YamlMapping, rulesEntry);
  const lines = missing.map(([key, value]) => `${indent}${key}: ${value}\n`).join("");
  const before = text.slice(0, offset);
  return edited(`${before}${before === "" || before.endsWith("\n") ? "" : "\n"}${lines}${text.slice(offset)}`);
}

const jsonRule = (key: string): unknown => (key === "required" ? [...IMPORTED_REQUIRED] : "any");

function rulesBlock(rules: readonly [string, string][], indent: string): string {
  return `rules:\n${rules.map(([key, value]) => `${indent}${key}: ${value}\n`).join("")}`;
}

function newConfig(rules: readonly [string, string][]): string {
  return [
    "# sit's configuration (see \"Configuration\" in sit-tracking's README). Paths are relative to this file.",
    "# Written by `sit import`: the plan's event and property names are kept as the application sends them.",
    "definitions: definitions # the event definitions: one YAML file per event",
    "output: generated # the typed SDK: written by `npx sit generate`, committed, never edited by hand",
    "# Where events go: `sit init` writes a processor; or name your own here, then list it in defaultProcessors.",
    "# processors:",
    "#   Segment: { module: ./src/tracking/segment, export: Segment }",
    "# defaultProcessors: [Segment]",
    rulesBlock(rules, "  ").replace(/\n$/, ""),
    "",
  ].join("\n");
}

/** `{ … }` rather than indented lines: adding a line would not land inside it. */
const isFlow = (text: string, mapping: YamlMapping): boolean => text[mapping.start] === "{";

/**
 * Where new lines of `rules:` go: after its last line that holds something, before the comments
 * and blank lines that lead into the next top-level key (they belong to that key).
 */
function insertionOffset(text: string, root: YamlMapping, rules: YamlEntry): number {
  const index = root.entries.indexOf(rules);
  const next = root.entries[index + 1];
  let end = next === undefined ? text.length : text.lastIndexOf("\n", next.keyStart - 1) + 1;
  for (;;) {
    const lineStart = text.lastIndexOf("\n", end - 2) + 1;
    const line = text.slice(lineStart, end);
    if (end === 0 || lineStart >= end || !/^\s*(#.*)?\s*$/.test(line) || lineStart <= rules.keyStart) return end;
    end = lineStart;
  }
}

function handEdit(displayPath: string, node: YamlNode, file: NonNullable<ConfigSource["origin"]>["source"], missing: readonly [string, string][]): ConfigEdit {
  const { line, column } = file.position(node.start);
  const wanted = missing.map(([key, value]) => `${key}: ${value}`).join(", ");
  return {
    kind: "conflict",
    diagnostics: [fileDiagnostic(displayPath, line, column, "error", "SIT077", `the config's rules need ${wanted}, and sit cannot add them to what is written here`, `add them to \`rules:\` by hand, then import again`)],
  };
}
