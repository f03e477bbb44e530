import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { CONFIG_FILE_NAMES } from "../config/config-source";
import { TIERS } from "../validate/vocabulary";
import { createFile } from "./create-file";
import type { DefinitionFields } from "./definition-fields";
import { withGeneratedEntry } from "./gitattributes-entry";
import { addScripts, type ScriptsEdit } from "./package-json-scripts";
import { refuse, type Refusal } from "./refusal";
import { renderDefinition } from "./render-definition";
import { shownPath } from "./shown-path";
import { DEFINITION_TEMPLATE, SIT_TEMPLATES_DIR } from "./template-files";

/** Where init puts things, relative to the project folder; templates/init/sit.config.yaml names the same. */
export const INIT_LAYOUT = {
  config: "sit.config.yaml",
  definitions: "definitions",
  processor: "src/tracking/internal-events.ts",
  output: "generated",
} as const;

/** The example event init writes, through the same template as `sit new`. */
export const EXAMPLE_EVENT: DefinitionFields = {
  action: "view_home_page",
  description: "A signed-in user views the home page",
  identifiers: ["user"],
  properties: [{ name: "label", description: "how the user got there: search, link or direct" }],
  productGroup: "your_group",
  milestone: null,
  introducedByUrl: null,
  tiers: TIERS,
  trackers: [],
};

/** The package.json scripts init adds: regenerate, and check in CI that the SDK is up to date. */
export const PACKAGE_SCRIPTS: Readonly<Record<string, string>> = { "sit:generate": "sit generate", "sit:check": "sit generate --check" };

const INIT_TEMPLATES_DIR = join(SIT_TEMPLATES_DIR, "init");

/** A file init creates (refused when it exists, unless forced). */
export interface CreatedFile {
  readonly absolutePath: string;
  readonly displayPath: string;
  readonly content: string;
  readonly exists: boolean;
}

/** A file init edits in place, keeping what is in it. */
export interface EditedFile {
  readonly absolutePath: string;
  readonly displayPath: string;
  /** `undefined`: nothing to change. */
  readonly content: string | undefined;
}

export interface InitPlan {
  readonly refused: false;
  readonly files: readonly CreatedFile[];
  readonly gitattributes: EditedFile & { readonly change: "create" | "append" | "present" };
  readonly packageJson: (EditedFile & { readonly edit: ScriptsEdit; readonly sitDependency: "dependencies" | "devDependencies" | undefined }) | undefined;
  /** What is in the way, as shown to the user: files init would create, another config file, a non-empty output folder. */
  readonly conflicts: readonly string[];
}

/** Reads the project folder and works out every change `init` makes; writes nothing. */
export function planInit(dir: string, cwd: string): InitPlan | Refusal {
  if (existsSync(dir) && !statSync(dir).isDirectory()) return refuse("usage", [`${shownPath(dir, cwd)} is not a folder`]);
  const at = (path: string) => ({ absolutePath: join(dir, path), displayPath: shownPath(join(dir, path), cwd) });
  const created = (path: string, content: string): CreatedFile => ({ ...at(path), content, exists: existsSync(join(dir, path)) });
  const template = (name: string): string => readFileSync(join(INIT_TEMPLATES_DIR, name), "utf8");

  const files = [
    created(INIT_LAYOUT.config, template("sit.config.yaml")),
    created(
      `${INIT_LAYOUT.definitions}/${EXAMPLE_EVENT.action}.yml`,
      renderDefinition(readFileSync(join(SIT_TEMPLATES_DIR, DEFINITION_TEMPLATE), "utf8"), EXAMPLE_EVENT).text,
    ),
    created(INIT_LAYOUT.processor, template("internal-events.ts")),
  ];
  const conflicts = files.filter((file) => file.exists).map((file) => file.displayPath);
  for (const name of CONFIG_FILE_NAMES) {
    if (name !== INIT_LAYOUT.config && existsSync(join(dir, name))) conflicts.push(`${at(name).displayPath} (another config file)`);
  }
  const output = join(dir, INIT_LAYOUT.output);
  if (existsSync(output) && (!statSync(output).isDirectory() || readdirSync(output).length > 0)) {
    conflicts.push(`${at(INIT_LAYOUT.output).displayPath}/ (the output folder, not empty)`);
  }

  const gitattributesPath = join(dir, ".gitattributes");
  const attributes = withGeneratedEntry(existsSync(gitattributesPath) ? readFileSync(gitattributesPath, "utf8") : undefined, template("gitattributes"));
  const gitattributes = { ...at(".gitattributes"), content: attributes.change === "present" ? undefined : attributes.content, change: attributes.change };

  let packageJson: InitPlan["packageJson"];
  const packagePath = join(dir, "package.json");
  if (existsSync(packagePath)) {
    const text = readFileSync(packagePath, "utf8");
    const edit = addScripts(text, PACKAGE_SCRIPTS);
    const shown = at("package.json").displayPath;
    if ("error" in edit) {
      const where = edit.line === undefined ? shown : `${shown}:${edit.line}:${edit.column ?? 0}`;
      return refuse("usage", [{ where, message: `cannot add the scripts: ${edit.error}` }]);
    }
    packageJson = { ...at("package.json"), content: edit.text, edit, sitDependency: sitDependency(JSON.parse(text) as Record<string, unknown>) };
  }
  return { refused: false, files, gitattributes, packageJson, conflicts };
}

/** Where package.json lists sit-tracking: the processor module imports it at run time, so it belongs in dependencies. */
function sitDependency(manifest: Record<string, unknown>): "dependencies" | "devDependencies" | undefined {
  const lists = (key: string): boolean => {
    const list = manifest[key];
    return typeof list === "object" && list !== null && Object.hasOwn(list, "sit-tracking");
  };
  return lists("dependencies") ? "dependencies" : lists("devDependencies") ? "devDependencies" : undefined;
}

/** Writes what `planInit` worked out, each file atomically; existing files only with `force`. */
export function applyInit(plan: InitPlan, force: boolean): void {
  for (const file of plan.files) createFile(file.absolutePath, file.content, { overwrite: force });
  for (const edited of [plan.gitattributes, plan.packageJson]) {
    if (edited?.content !== undefined) createFile(edited.absolutePath, edited.content, { overwrite: true });
  }
}
