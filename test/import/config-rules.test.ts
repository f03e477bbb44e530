import { load } from "js-yaml";
import { join } from "node:path";
import type { ConfigSource } from "../../src/config/config-source";
import { configEdit, type NeededRules } from "../../src/import/config-rules";
import { SourceFile } from "../../src/load/source-file";
import { parseYaml } from "../../src/load/yaml";

const ROOT = "/project";
const FREE_NAMES: NeededRules = { eventName: "Order Completed", propertyName: "Product ID" };

function config(text: string, name = "sit.config.yaml"): ConfigSource {
  const parsed = parseYaml(text, name);
  if (!parsed.ok) throw new Error("invalid YAML");
  return { rootDir: ROOT, configFile: join(ROOT, name), cwd: ROOT, origin: { root: parsed.root ?? { kind: "mapping", start: 0, entries: [] }, source: new SourceFile(name, text) } };
}

const edit = (source: ConfigSource | undefined, needed: NeededRules = FREE_NAMES) => configEdit(source, join(ROOT, "sit.config.yaml"), "sit.config.yaml", needed);

const after = (source: ConfigSource | undefined, needed?: NeededRules): string => {
  const result = edit(source, needed);
  if (result.kind !== "edit" && result.kind !== "create") throw new Error(`no edit: ${JSON.stringify(result)}`);
  return result.after;
};

describe("configEdit", () => {
  it("creates a config with the rules when there is none", () => {
    const result = edit(undefined);
    expect(result).toMatchObject({ kind: "create", displayPath: "sit.config.yaml", added: ["eventNames: any", "propertyNames: any", "required: [description, action]"] });
    expect(load((result as { after: string }).after)).toEqual({
      definitions: "definitions",
      output: "generated",
      rules: { eventNames: "any", propertyNames: "any", required: ["description", "action"] },
    });
  });

  it("asks only for the rules the plan needs: snake_case names keep GitLab's", () => {
    expect(load(after(undefined, { eventName: undefined, propertyName: undefined }))).toMatchObject({ rules: { required: ["description", "action"] } });
  });

  it("appends rules to a config without them, leaving every other byte alone", () => {
    const text = "# our plan\ndefinitions: events # here\noutput: sdk";
    expect(after(config(text))).toBe(`${text}\nrules:\n  eventNames: any\n  propertyNames: any\n  required: [description, action]\n`);
  });

  it("adds the missing rules inside `rules:`, at its indentation, before the comments that lead into the next key", () => {
    const text = "rules:\n    tiers: [starter, pro]\n    # more rules later\n\n# what sit new writes\ndefaults:\n  product_group: shop\n";
    expect(after(config(text))).toBe(
      "rules:\n    tiers: [starter, pro]\n    eventNames: any\n    propertyNames: any\n    required: [description, action]\n    # more rules later\n\n# what sit new writes\ndefaults:\n  product_group: shop\n",
    );
  });

  it("changes nothing when the rules allow the plan already", () => {
    expect(edit(config("rules:\n  eventNames: any\n  propertyNames: any\n  required: [action]\n"))).toEqual({ kind: "unchanged" });
  });

  it("reports rules that conflict with the plan instead of rewriting them", () => {
    const result = edit(config("rules:\n  eventNames: snake_case\n  required: [description, action, product_group, tiers]\n"));
    expect(result).toEqual({
      kind: "conflict",
      diagnostics: [
        {
          file: "sit.config.yaml",
          line: 2,
          column: 15,
          severity: "error",
          code: "SIT077",
          message: 'rules.eventNames is "snake_case", and the plan has event names that are not snake_case, such as "Order Completed"',
          hint: "set `eventNames: any` to keep the names as the application sends them",
        },
        {
          file: "sit.config.yaml",
          line: 3,
          column: 13,
          severity: "error",
          code: "SIT077",
          message: "rules.required asks every definition for product_group, tiers, which the plan's events do not have",
          hint: "set `required: [description, action]`, or add the keys to the definitions after the import",
        },
      ],
    });
  });

  it("asks for a hand edit of rules written on one line", () => {
    const result = edit(config("rules: { tiers: [a] }\n"));
    expect(result).toMatchObject({ kind: "conflict", diagnostics: [{ line: 1, column: 8, code: "SIT077", hint: "add them to `rules:` by hand, then import again" }] });
  });

  it("edits sit.config.json as JSON, with its indentation", () => {
    const text = '{\n    "definitions": "events",\n    "rules": { "tiers": ["a"] }\n}\n';
    expect(JSON.parse(after(config(text, "sit.config.json")))).toEqual({
      definitions: "events",
      rules: { tiers: ["a"], eventNames: "any", propertyNames: "any", required: ["description", "action"] },
    });
    expect(after(config(text, "sit.config.json"))).toMatch(/^\{\n {4}"definitions"/);
  });
});
