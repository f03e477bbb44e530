import { existsSync, lstatSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { CONFIG_FILE_NAMES } from "../config/config-source";
import { CLI_PACKAGE, RUNTIME_PACKAGE } from "../naming/package-names";
import { NULL_TYPE, TIERS } from "../validate/vocabulary";
import { AllOrNothing, createFolders, removeEmptyFolders } from "../write/all-or-nothing";
import { createFile, replaceFile } from "../files/atomic-write";
import { definitionFileStem } from "./definition-file-name";
import type { DefinitionFields } from "./definition-fields";
import { withGeneratedEntry } from "./gitattributes-entry";
import { addScripts, type ScriptsEdit } from "./package-json-scripts";
import { refuse, type Problem, type Refusal } from "./refusal";
import { renderDefinition } from "./render-definition";
import { displayPath } from "../files/display-path";
import { DEFINITION_TEMPLATE, SIT_TEMPLATES_DIR } from "./template-files";

/** Where init puts things, relative to the project folder; templates/init/sit.config.yaml names the same. */
export const INIT_LAYOUT = {
  config: "sit.config.yaml",
  definitions: "definitions",
  processor: "src/tracking/internal-events.ts",
  output: "generated",
} as const;

/** Whose conventions a project's definitions follow: GitLab's (its names, identifiers, tiers and keys) or the team's own. */
export type Conventions = "gitlab" | "own";

/** What init writes for each choice of conventions: the config (a template of templates/init/) and the example event. */
export interface InitVariant {
  readonly configTemplate: string;
  /** Written through the same template as `sit new`, so it is what `sit new` writes under that config. */
  readonly example: DefinitionFields;
}

export const INIT_VARIANTS: Readonly<Record<Conventions, InitVariant>> = {
  gitlab: {
    configTemplate: "sit.config.yaml",
    example: {
      action: "view_home_page",
      functionName: undefined,
      description: "A signed-in user views the home page",
      identifiers: ["user"],
      properties: [{ name: "label", description: "how the user got there: search, link or direct" }],
      productGroup: "your_group",
      milestone: null,
      introducedByUrl: null,
      tiers: TIERS,
      trackers: [],
    },
  },
  // The config's rules require only a description and the action: the example has no more keys.
  own: {
    configTemplate: "sit.config.own.yaml",
    example: {
      action: "Home Page Viewed",
      functionName: undefined,
      description: "A signed-in user views the home page",
      identifiers: ["user"],
      properties: [
        { name: "source", description: "how the user got there", type: "string", required: true, enum: ["search", "link", "direct"] },
        { name: "referrer", description: "the page the user came from; null when the browser does not say", type: ["string", NULL_TYPE] },
      ],
      productGroup: undefined,
      milestone: undefined,
      introducedByUrl: undefined,
      tiers: undefined,
      trackers: [],
    },
  },
};

/** Where init writes a variant's example event, relative to the project folder. */
export const exampleDefinitionPath = (variant: InitVariant): string => `${INIT_LAYOUT.definitions}/${definitionFileStem(variant.example.action)}.yml`;

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
  readonly conventions: Conventions;
  readonly files: readonly CreatedFile[];
  readonly gitattributes: EditedFile & { readonly change: "create" | "append" | "present" };
  readonly packageJson: (EditedFile & { readonly edit: ScriptsEdit; readonly listed: ListedPackages }) | undefined;
  /** What is in the way, as shown to the user: files init would create, another config file, a non-empty output folder. */
  readonly conflicts: readonly string[];
}

/** Reads the project folder and works out every change `init` makes for `conventions`; writes nothing. */
export function planInit(dir: string, cwd: string, conventions: Conventions): InitPlan | Refusal {
  if (existsSync(dir) && !statSync(dir).isDirectory()) return refuse("usage", [`${displayPath(dir, cwd)} is not a folder`]);
  const at = (path: string) => ({ absolutePath: join(dir, path), displayPath: displayPath(join(dir, path), cwd) });
  const created = (path: string, content: string): CreatedFile => ({ ...at(path), content, exists: existsSync(join(dir, path)) });
  const template = (name: string): string => readFileSync(join(INIT_TEMPLATES_DIR, name), "utf8");

  const variant = INIT_VARIANTS[conventions];
  const files = [
    created(INIT_LAYOUT.config, template(variant.configTemplate)),
    created(exampleDefinitionPath(variant), renderDefinition(readFileSync(join(SIT_TEMPLATES_DIR, DEFINITION_TEMPLATE), "utf8"), variant.example).text),
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

  // The project's own files that init edits must be files it may change, before anything is written.
  const problems: Problem[] = [];
  const changeable = (file: { absolutePath: string; displayPath: string }): boolean => {
    const problem = unchangeableFile(file.absolutePath);
    if (problem !== undefined) problems.push({ where: file.displayPath, message: problem });
    return problem === undefined;
  };

  const gitattributesFile = at(".gitattributes");
  const gitattributesText = changeable(gitattributesFile) && existsSync(gitattributesFile.absolutePath) ? readFileSync(gitattributesFile.absolutePath, "utf8") : undefined;
  const attributes = withGeneratedEntry(gitattributesText, template("gitattributes"));
  const gitattributes = { ...gitattributesFile, content: attributes.change === "present" ? undefined : attributes.content, change: attributes.change };

  let packageJson: InitPlan["packageJson"];
  const packageFile = at("package.json");
  if (changeable(packageFile) && existsSync(packageFile.absolutePath)) {
    // npm reads a package.json that starts with a byte-order mark; so does sit, and keeps the mark.
    const [byteOrderMark, text] = withoutByteOrderMark(readFileSync(packageFile.absolutePath, "utf8"));
    const edit = addScripts(text, PACKAGE_SCRIPTS);
    if ("error" in edit) {
      const where = edit.line === undefined ? packageFile.displayPath : `${packageFile.displayPath}:${edit.line}:${edit.column ?? 0}`;
      problems.push({ where, message: `cannot add the scripts: ${edit.error}` });
    } else {
      const content = edit.text === undefined ? undefined : byteOrderMark + edit.text;
      packageJson = { ...packageFile, content, edit, listed: listedPackages(JSON.parse(text) as Record<string, unknown>) };
    }
  }
  if (problems.length > 0) return refuse("usage", problems);
  return { refused: false, conventions, files, gitattributes, packageJson, conflicts };
}

const withoutByteOrderMark = (text: string): [string, string] => (text.startsWith("\uFEFF") ? ["\uFEFF", text.slice(1)] : ["", text]);

/**
 * Why init must not change the file at `path` (following a symbolic link), or `undefined` when it
 * may, or when there is nothing there. A file whose mode allows no one to write is left alone
 * even where the process could write it (as root): its owner made it read-only on purpose.
 */
function unchangeableFile(path: string): string | undefined {
  const link = lstatSync(path, { throwIfNoEntry: false });
  if (link === undefined) return undefined;
  const stats = statSync(path, { throwIfNoEntry: false });
  if (stats === undefined) return "it is a symbolic link to nothing";
  if (stats.isDirectory()) return "it is a folder, not a file";
  if (!stats.isFile()) return "it is not a regular file";
  if ((stats.mode & 0o222) === 0) {
    const mode = (stats.mode & 0o777).toString(8).padStart(4, "0");
    return `it is read-only (mode ${mode}), and sit init changes no read-only file: make it writable to let init change it`;
  }
  return undefined;
}

/** Where a package.json lists a package: production installs (`--omit=dev`) leave devDependencies out. */
export type DependencyList = "dependencies" | "devDependencies" | undefined;

/**
 * Where package.json lists sit's two packages: the CLI generates code and belongs in
 * devDependencies; the runtime is what the processor module imports when the app runs, so it
 * belongs in dependencies.
 */
export interface ListedPackages {
  readonly cli: DependencyList;
  readonly runtime: DependencyList;
}

function listedPackages(manifest: Record<string, unknown>): ListedPackages {
  const listedIn = (name: string): DependencyList => {
    const lists = (key: string): boolean => {
      const list = manifest[key];
      return typeof list === "object" && list !== null && Object.hasOwn(list, name);
    };
    return lists("dependencies") ? "dependencies" : lists("devDependencies") ? "devDependencies" : undefined;
  };
  return { cli: listedIn(CLI_PACKAGE), runtime: listedIn(RUNTIME_PACKAGE) };
}

/**
 * Writes what `planInit` worked out, each file atomically; existing files only with `force`. All
 * or nothing: when a write fails, what was written before it is undone (created files and folders
 * removed, replaced and edited files given back their content) and UndoneWriteError is thrown.
 */
export function applyInit(plan: InitPlan, force: boolean): void {
  const writes = new AllOrNothing();
  for (const file of plan.files) {
    writes.write(file.displayPath, () => {
      const folders = createFolders(dirname(file.absolutePath));
      const previous = file.exists ? readFileSync(file.absolutePath) : undefined;
      try {
        createFile(file.absolutePath, file.content, { overwrite: force });
      } catch (error) {
        removeEmptyFolders(folders);
        throw error;
      }
      return () => {
        if (previous === undefined) rmSync(file.absolutePath, { force: true });
        else replaceFile(file.absolutePath, previous);
        removeEmptyFolders(folders);
      };
    });
  }
  for (const edited of [plan.gitattributes, plan.packageJson]) {
    const content = edited?.content;
    if (edited === undefined || content === undefined) continue;
    writes.write(edited.displayPath, () => {
      if (!existsSync(edited.absolutePath)) {
        createFile(edited.absolutePath, content, { overwrite: false });
        return () => rmSync(edited.absolutePath, { force: true });
      }
      const previous = readFileSync(edited.absolutePath);
      replaceFile(edited.absolutePath, content);
      return () => replaceFile(edited.absolutePath, previous);
    });
  }
}
