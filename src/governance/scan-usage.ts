import { readFileSync, statSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
import { ts } from "ts-morph";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { fileDiagnostic } from "../load/source-file";
import { findSourceFiles } from "./find-source-files";
import { readTsconfig } from "./read-tsconfig";

/** What to scan and what the generated SDK exports. */
export interface UsageScanOptions {
  /** Globs are relative to this folder (the config's); nothing outside it is scanned. */
  readonly rootDir: string;
  readonly globs: readonly string[];
  /** The project's tsconfig.json, for module resolution (paths aliases, extensions); `undefined`: sit's defaults. */
  readonly tsconfigPath: string | undefined;
  /** The generated SDK's entry point (`<output>/index.ts`). */
  readonly sdkEntry: string;
  /** Files in the output folder are the SDK itself, never scanned. */
  readonly outputDir: string;
  /** Each event's function name → its action. */
  readonly functions: ReadonlyMap<string, string>;
  /** An absolute path as diagnostics show it. */
  readonly shown: (absolutePath: string) => string;
}

/** Where an event is tracked: a call, or a reference passed along (a callback, an object of handlers). */
export interface UsageSite {
  /** Absolute path. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly event: string;
  readonly kind: "call" | "reference";
}

/** A use of an event function the SDK imports name but no definition defines: its definition was deleted (or renamed). */
export interface DeletedEventSite {
  /** Absolute path. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly functionName: string;
  readonly kind: "call" | "reference";
}

/** A use of the SDK whose event cannot be known without running the code. */
export interface DynamicSite {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly reason: string;
}

export interface UsageScan {
  /** Source files scanned (the SDK's own files, and files skipped with a warning, excepted). */
  readonly fileCount: number;
  readonly sites: readonly UsageSite[];
  readonly deleted: readonly DeletedEventSite[];
  readonly dynamic: readonly DynamicSite[];
  /** Event functions the SDK does not export: it is older than the definitions. */
  readonly notGenerated: readonly string[];
}

/** What an imported name stands for. */
type Binding =
  | { readonly kind: "event"; readonly event: string }
  | { readonly kind: "trackEvent" }
  /** An event function no definition defines: imported from the SDK without it exporting it, or exported by an SDK older than the definitions. */
  | { readonly kind: "deleted"; readonly functionName: string }
  /** A module object (`import * as sdk`, `require("./generated")`) whose members include SDK exports. */
  | { readonly kind: "module"; readonly members: ReadonlyMap<string, Binding>; readonly exported: ReadonlySet<string> };

/** When there is no tsconfig.json: resolution as bundlers do it. */
const DEFAULT_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  jsx: ts.JsxEmit.Preserve,
};

/**
 * Always: JavaScript is scanned too; nothing is emitted or type-checked, so neither the standard
 * library's declarations nor ambient `@types` packages are needed to resolve imports.
 */
const SCAN_OPTIONS: ts.CompilerOptions = { allowJs: true, checkJs: false, noEmit: true, noLib: true, types: [] };

/**
 * Larger files are not read: application code is far smaller, and a bundle or a generated table
 * of that size would cost more to parse than the rest of the application.
 */
export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;
/**
 * Deeper syntax trees are not scanned. TypeScript walks trees recursively, and from about 1,500
 * levels (nested blocks) its stack runs out; no application nests a tenth as deep.
 */
export const MAX_NESTING = 500;

/** `track` and PascalCase: the name of an event function (functionNameOf), never one of the SDK's own API (`trackEvent`). */
const EVENT_FUNCTION = /^track[A-Z0-9]/;
const isEventFunctionName = (name: string): boolean => EVENT_FUNCTION.test(name) && name !== "trackEvent";

/**
 * Finds every use of the SDK's event functions and of `trackEvent` in the files the globs match.
 * Names are resolved by TypeScript with the project's module resolution, and compared by symbol:
 * an import (renamed or not, through barrels and path aliases, `import * as`, `require`) counts
 * only when it resolves to a declaration of the SDK's entry file, so a local function of the same
 * name, a comment or a string never does. An event function asked of the SDK (or of a module that
 * re-exports it) that the SDK does not define, or that no definition defines, is a call to a
 * deleted event. The checker is asked only about imported names and about identifiers spelled
 * like one of them.
 *
 * Returns no scan when a glob or a file leads out of the project or the tsconfig.json cannot be
 * followed (errors); files too large or too deeply nested are skipped with a warning each.
 */
export function scanUsage(options: UsageScanOptions): { scan: UsageScan | undefined; diagnostics: Diagnostic[] } {
  const compilerOptions = options.tsconfigPath === undefined ? { options: DEFAULT_OPTIONS, diagnostics: [] } : readTsconfig(options.tsconfigPath, options.shown);
  const search = sourceFiles(options);
  const refusals = [
    ...search.globsOutside.map((glob) =>
      fileDiagnostic(glob, 0, 0, "error", "SIT047", "this glob reaches outside the project (the folder of the config): sit usage scans only inside it", "name files inside the project, relative to its folder"),
    ),
    ...search.linksOutside.map((path) =>
      fileDiagnostic(options.shown(path), 0, 0, "error", "SIT047", "a symbolic link to a place outside the project (the folder of the config): sit usage scans only inside it", "exclude it with a `!` glob, or copy the file into the project"),
    ),
  ];
  if (compilerOptions.options === undefined || refusals.length > 0) return { scan: undefined, diagnostics: [...compilerOptions.diagnostics, ...refusals] };

  const skipped = new Map<string, string>();
  const sdkEntry = resolve(options.sdkEntry);
  const outline = sdkOutline(readFileSync(sdkEntry, "utf8"));
  const files = search.files;
  const programOptions = { ...compilerOptions.options, ...SCAN_OPTIONS };
  let program = buildProgram(files, sdkEntry, outline.text, programOptions, skipped);
  let checker: ts.TypeChecker;
  try {
    checker = program.getTypeChecker();
  } catch (error) {
    // Binding (in getTypeChecker) ran out of stack on a file that parsed: skip the deep ones, then bind afresh.
    if (!isStackOverflow(error)) throw error;
    for (const file of program.getSourceFiles()) if (nestingDepth(file) > MAX_NESTING) skipped.set(resolve(file.fileName), TOO_DEEP);
    program = buildProgram(files, sdkEntry, outline.text, programOptions, skipped);
    checker = program.getTypeChecker();
  }

  const sdk = sdkBindings(checker, program.getSourceFile(sdkEntry), options.functions, outline.eventFunctions);
  const notGenerated = [...options.functions.keys()].filter((name) => !sdk.exported.has(name));
  const moduleBindings = new Map<ts.Symbol, Binding | undefined>();
  const bindingOf = (target: ts.Symbol): Binding | undefined => {
    const direct = sdk.bySymbol.get(target);
    if (direct !== undefined || (target.flags & ts.SymbolFlags.ValueModule) === 0) return direct;
    if (!moduleBindings.has(target)) moduleBindings.set(target, moduleBinding(checker, target, sdk.bySymbol));
    return moduleBindings.get(target);
  };
  const context: ScanContext = { checker, bindingOf, sdkModule: sdk.moduleSymbol, functions: options.functions };

  const sites: UsageSite[] = [];
  const deleted: DeletedEventSite[] = [];
  const dynamic: DynamicSite[] = [];
  let fileCount = 0;
  for (const fileName of files) {
    if (skipped.has(fileName)) continue;
    const file = program.getSourceFile(fileName);
    if (file === undefined) continue;
    const scanner = new FileScanner(file, context);
    try {
      scanner.scan();
    } catch (error) {
      // The checker ran out of stack on this file's expressions: skip it, keep scanning.
      if (!isStackOverflow(error)) throw error;
      skipped.set(fileName, TOO_DEEP);
      continue;
    }
    sites.push(...scanner.sites);
    deleted.push(...scanner.deleted);
    dynamic.push(...scanner.dynamic);
    fileCount++;
  }
  const warnings = [...skipped].map(([path, reason]) =>
    fileDiagnostic(options.shown(path), 0, 0, "warning", "SIT046", `not scanned: ${reason}`, "sit usage reports nothing of this file, nor of the SDK's uses through it"),
  );
  return { scan: { fileCount, sites, deleted, dynamic, notGenerated }, diagnostics: warnings };
}

const TOO_DEEP = `nested more than ${MAX_NESTING} levels deep`;
const tooLarge = (size: number): string => `${size} bytes, over sit usage's limit of ${MAX_SOURCE_BYTES} bytes (2 MiB)`;

const isStackOverflow = (error: unknown): boolean => error instanceof RangeError && /call stack/i.test(error.message);

/**
 * The program over the files to scan and the SDK's outline. Every other file it loads (imported
 * modules) passes the same guards: one too large or too deep to parse is read as an empty module
 * and recorded in `skipped`, as are those `skipped` already names.
 */
function buildProgram(files: readonly string[], sdkEntry: string, outline: string, options: ts.CompilerOptions, skipped: Map<string, string>): ts.Program {
  const host = ts.createCompilerHost(options);
  const readSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const path = resolve(fileName);
    if (path === sdkEntry) return ts.createSourceFile(fileName, outline, languageVersion);
    const empty = (reason: string): ts.SourceFile => {
      skipped.set(path, reason);
      return ts.createSourceFile(fileName, "", languageVersion);
    };
    if (skipped.has(path)) return empty(skipped.get(path)!);
    const size = fileSize(path);
    if (size > MAX_SOURCE_BYTES) return empty(tooLarge(size));
    try {
      return readSourceFile(fileName, languageVersion, onError, shouldCreate);
    } catch (error) {
      if (!isStackOverflow(error)) throw error;
      return empty(TOO_DEEP);
    }
  };
  // Comments are never uses: their JSDoc need not be parsed.
  host.jsDocParsingMode = ts.JSDocParsingMode.ParseNone;
  return ts.createProgram({ rootNames: [...files, sdkEntry], options, host });
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0; // TypeScript says what it cannot read.
  }
}

/** How deep the syntax tree goes; a chain of binary operators counts once, as TypeScript walks those iteratively. */
function nestingDepth(file: ts.SourceFile): number {
  let deepest = 0;
  const nodes: ts.Node[] = [file];
  const depths: number[] = [0];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const depth = depths.pop()!;
    deepest = Math.max(deepest, depth);
    ts.forEachChild(node, (child) => {
      nodes.push(child);
      depths.push(ts.isBinaryExpression(node) && child === node.left ? depth : depth + 1);
    });
  }
  return deepest;
}

/**
 * The SDK's entry file as TypeScript needs to see it here: its exported functions and values, by
 * name, without their bodies; and which of them, not named like `trackSomething`, track an
 * event all the same (sit documents each with an `@event` tag: a `function_name` of any form). For a large plan, parsing and binding the whole file would
 * cost more than scanning the application. The names are read from the top-level `export`
 * lines sit writes (`export function trackCreateSnippet(`, `export const flush`).
 */
function sdkOutline(text: string): { readonly text: string; readonly eventFunctions: ReadonlySet<string> } {
  const names: string[] = [];
  const eventFunctions = new Set<string>();
  for (const match of text.matchAll(/^export (?:declare )?(?:async )?(?:function\*? ?|const |let |var )([A-Za-z_$][\w$]*)/gm)) {
    const name = match[1]!;
    names.push(name);
    if (!isEventFunctionName(name) && EVENT_DOC.test(docBefore(text, match.index))) eventFunctions.add(name);
  }
  return { text: names.map((name) => `export declare function ${name}(...args: any[]): any;\n`).join(""), eventFunctions };
}

/** The tag of an event function's documentation: `@event Order Completed · definitions/order_completed.yml`. */
const EVENT_DOC = /^ \* @event /m;

/** The JSDoc block that ends right before `at` (whitespace between), or "". */
function docBefore(text: string, at: number): string {
  // Only back over the whitespace: a search for the last "*/" could cross every body before it.
  let end = at;
  while (end > 0 && /\s/.test(text.charAt(end - 1))) end--;
  if (!text.startsWith("*/", end - 2)) return "";
  const start = text.lastIndexOf("/**", end - 2);
  return start < 0 ? "" : text.slice(start, end - 2);
}

/** The files the globs match; never the SDK's own files, declaration files, `node_modules` or hidden folders. */
function sourceFiles(options: UsageScanOptions) {
  const outputFolder = relative(options.rootDir, options.outputDir).split(sep).join("/");
  const skipFolder = (path: string): boolean => {
    const name = path.slice(path.lastIndexOf("/") + 1);
    return path === outputFolder || name === "node_modules" || (name.startsWith(".") && name !== "." && name !== "..");
  };
  const search = findSourceFiles(options.rootDir, options.globs, skipFolder);
  return { ...search, files: search.files.filter((path) => !/\.d\.[mc]?ts$/.test(path)) };
}

/**
 * The SDK's exports by symbol, and the names of the defined events' functions among them. An event
 * function it exports that no definition defines is a deleted event's, left by an older generate:
 * one named like `trackSomething`, or one of `eventFunctions`.
 */
function sdkBindings(checker: ts.TypeChecker, sdkFile: ts.SourceFile | undefined, functions: ReadonlyMap<string, string>, eventFunctions: ReadonlySet<string>) {
  const bySymbol = new Map<ts.Symbol, Binding>();
  const exported = new Set<string>();
  const moduleSymbol = sdkFile === undefined ? undefined : checker.getSymbolAtLocation(sdkFile);
  for (const symbol of moduleSymbol === undefined ? [] : checker.getExportsOfModule(moduleSymbol)) {
    const name = symbol.getName();
    const event = functions.get(name);
    const binding: Binding | undefined =
      event !== undefined
        ? { kind: "event", event }
        : name === "trackEvent"
          ? { kind: "trackEvent" }
          : isEventFunctionName(name) || eventFunctions.has(name)
            ? { kind: "deleted", functionName: name }
            : undefined;
    if (binding === undefined) continue;
    exported.add(name);
    bySymbol.set(resolveAlias(checker, symbol), binding);
  }
  return { bySymbol, exported, moduleSymbol };
}

/** A module's exports that are the SDK's (a barrel's, or the SDK's own), by the name the module exports them under. */
function moduleBinding(checker: ts.TypeChecker, moduleSymbol: ts.Symbol, sdk: ReadonlyMap<ts.Symbol, Binding>): Binding | undefined {
  const members = new Map<string, Binding>();
  const exported = new Set<string>();
  for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
    exported.add(symbol.getName());
    const binding = sdk.get(resolveAlias(checker, symbol));
    if (binding !== undefined) members.set(symbol.getName(), binding);
  }
  return members.size === 0 ? undefined : { kind: "module", members, exported };
}

const resolveAlias = (checker: ts.TypeChecker, symbol: ts.Symbol): ts.Symbol =>
  (symbol.flags & ts.SymbolFlags.Alias) !== 0 ? checker.getAliasedSymbol(symbol) : symbol;

/** What every file's scan shares. */
interface ScanContext {
  readonly checker: ts.TypeChecker;
  /** What a symbol an import resolves to stands for, if it is the SDK's. */
  readonly bindingOf: (target: ts.Symbol) => Binding | undefined;
  /** The SDK's entry module. */
  readonly sdkModule: ts.Symbol | undefined;
  readonly functions: ReadonlyMap<string, string>;
}

/** The uses of the SDK in one file. */
class FileScanner {
  readonly sites: UsageSite[] = [];
  readonly deleted: DeletedEventSite[] = [];
  readonly dynamic: DynamicSite[] = [];
  /** Local symbols (imported names) that stand for SDK exports. */
  private readonly bindings = new Map<ts.Symbol, Binding>();
  /** Their names, to ask the checker only about identifiers spelled like one. */
  private readonly names = new Set<string>();
  /** Imports of deleted event functions: reported themselves when the file never uses them. */
  private readonly deletedImports = new Map<ts.Symbol, { readonly name: ts.Identifier; readonly functionName: string }>();
  private readonly checker: ts.TypeChecker;

  constructor(
    private readonly file: ts.SourceFile,
    private readonly context: ScanContext,
  ) {
    this.checker = context.checker;
  }

  scan(): void {
    for (const statement of this.file.statements) this.collectImports(statement);
    // Each place the text spells an imported name is looked at, rather than every node of the file.
    for (const name of this.names) {
      for (let at = this.file.text.indexOf(name); at >= 0; at = this.file.text.indexOf(name, at + name.length)) {
        const identifier = wholeWordAt(this.file.text, at, name) ? identifierAt(this.file, at) : undefined;
        if (identifier !== undefined) this.use(identifier);
      }
    }
    for (const { name, functionName } of this.deletedImports.values()) this.deletedSite(name, functionName, "reference");
  }

  /**
   * Import declarations, `import x = require()`, in JavaScript `const x = require()` at the top
   * level, and re-exports of the SDK's names (`export { trackX } from`), which name a deleted
   * event's function as surely as an import does.
   */
  private collectImports(statement: ts.Statement): void {
    if (ts.isExportDeclaration(statement)) {
      if (statement.isTypeOnly || statement.moduleSpecifier === undefined || statement.exportClause === undefined || !ts.isNamedExports(statement.exportClause)) return;
      for (const element of statement.exportClause.elements) {
        const exported = element.isTypeOnly ? undefined : this.checker.getSymbolAtLocation(element.name);
        const binding = exported === undefined ? undefined : this.aliasBinding(exported);
        if (binding?.kind === "deleted") this.deletedSite(element, binding.functionName, "reference");
      }
    } else if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause === undefined || clause.phaseModifier === ts.SyntaxKind.TypeKeyword) return;
      if (clause.name !== undefined) this.bind(clause.name);
      const named = clause.namedBindings;
      if (named !== undefined && ts.isNamespaceImport(named)) this.bind(named.name);
      else if (named !== undefined) for (const element of named.elements) if (!element.isTypeOnly) this.bind(element.name);
    } else if (ts.isImportEqualsDeclaration(statement) && !statement.isTypeOnly) {
      this.bind(statement.name);
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (!isRequireCall(declaration.initializer)) continue;
        if (ts.isIdentifier(declaration.name)) this.bind(declaration.name);
        else if (ts.isObjectBindingPattern(declaration.name)) {
          for (const element of declaration.name.elements) if (ts.isIdentifier(element.name)) this.bind(element.name);
        }
      }
    }
  }

  private bind(name: ts.Identifier): void {
    const local = this.checker.getSymbolAtLocation(name);
    if (local === undefined || (local.flags & ts.SymbolFlags.Alias) === 0) return;
    const binding = this.aliasBinding(local);
    if (binding === undefined) return;
    this.bindings.set(local, binding);
    this.names.add(name.text);
    if (binding.kind === "deleted") this.deletedImports.set(local, { name, functionName: binding.functionName });
  }

  /** What an alias (an import, a re-export) stands for: what it resolves to, or the event function it asks of the SDK in vain. */
  private aliasBinding(alias: ts.Symbol): Binding | undefined {
    const target = this.checker.getAliasedSymbol(alias);
    if (target.declarations !== undefined) return this.context.bindingOf(target);
    const functionName = this.deletedFunctionName(alias);
    return functionName === undefined ? undefined : this.eventOrDeleted(functionName);
  }

  /**
   * The event function an alias that resolves to nothing asks of the SDK, if it does. Follows the
   * alias step by step (an import of a barrel's re-export of the SDK's name…) to the step that
   * fails: an import, a re-export or a `require` destructuring of an event function's name from a
   * module that is the SDK, or that re-exports it, and does not export that name.
   */
  private deletedFunctionName(alias: ts.Symbol): string | undefined {
    let current = alias;
    for (let steps = 0; steps < 100; steps++) {
      const next = this.checker.getImmediateAliasedSymbol(current);
      if (next === undefined) return this.missingSdkName(current.declarations?.[0]);
      if ((next.flags & ts.SymbolFlags.Alias) === 0) return undefined;
      current = next;
    }
    return undefined;
  }

  private missingSdkName(declaration: ts.Declaration | undefined): string | undefined {
    if (declaration === undefined) return undefined;
    let asked: ts.Identifier | ts.StringLiteral | ts.ModuleExportName | undefined;
    let moduleName: ts.Expression | undefined;
    if (ts.isImportSpecifier(declaration)) {
      asked = declaration.propertyName ?? declaration.name;
      moduleName = declaration.parent.parent.parent.moduleSpecifier;
    } else if (ts.isExportSpecifier(declaration)) {
      asked = declaration.propertyName ?? declaration.name;
      moduleName = declaration.parent.parent.moduleSpecifier;
    } else if (ts.isBindingElement(declaration) && ts.isObjectBindingPattern(declaration.parent)) {
      const name = declaration.propertyName ?? declaration.name;
      asked = ts.isIdentifier(name) || ts.isStringLiteral(name) ? name : undefined;
      const initializer = ts.isVariableDeclaration(declaration.parent.parent) ? declaration.parent.parent.initializer : undefined;
      moduleName = isRequireCall(initializer) ? initializer.arguments[0] : undefined;
    }
    if (asked === undefined || moduleName === undefined || !isEventFunctionName(asked.text)) return undefined;
    const module = this.checker.getSymbolAtLocation(moduleName);
    return module !== undefined && this.isSdkModule(module) ? asked.text : undefined;
  }

  /** The SDK's entry, or a module re-exporting any of its names (a barrel). */
  private isSdkModule(module: ts.Symbol): boolean {
    return module === this.context.sdkModule || this.context.bindingOf(module)?.kind === "module";
  }

  /** A function the SDK lacks is a defined event's when the SDK is only older than the definitions (reported as such). */
  private eventOrDeleted(functionName: string): Binding {
    const event = this.context.functions.get(functionName);
    return event !== undefined ? { kind: "event", event } : { kind: "deleted", functionName };
  }

  /** An identifier spelled like an imported SDK name: counted only when it is that import. */
  private use(identifier: ts.Identifier): void {
    const parent = identifier.parent;
    if (isDeclarationName(identifier) || ts.isTypeQueryNode(parent) || ts.isQualifiedName(parent)) return;
    const symbol =
      ts.isShorthandPropertyAssignment(parent) && parent.name === identifier
        ? this.checker.getShorthandAssignmentValueSymbol(parent)
        : this.checker.getSymbolAtLocation(identifier);
    const binding = symbol === undefined ? undefined : this.bindings.get(symbol);
    if (binding === undefined) return;
    this.deletedImports.delete(symbol!);
    this.useBinding(binding, identifier);
  }

  private useBinding(binding: Binding, expression: ts.Expression): void {
    switch (binding.kind) {
      case "event":
        this.site(expression, binding.event, calledExpression(expression) === undefined ? "reference" : "call");
        return;
      case "trackEvent":
        this.useTrackEvent(expression);
        return;
      case "deleted":
        this.deletedSite(expression, binding.functionName, calledExpression(expression) === undefined ? "reference" : "call");
        return;
      case "module":
        this.useModule(binding, expression);
        return;
    }
  }

  private useModule(binding: Extract<Binding, { kind: "module" }>, expression: ts.Expression): void {
    const parent = expression.parent;
    if (ts.isPropertyAccessExpression(parent) && parent.expression === expression) {
      const member = this.memberOf(binding, parent.name.text);
      if (member !== undefined) this.useBinding(member, parent);
    } else if (ts.isElementAccessExpression(parent) && parent.expression === expression) {
      const key = parent.argumentExpression;
      if (!ts.isStringLiteralLike(key)) {
        this.dynamicSite(parent, "an SDK member picked by a computed name: the event cannot be known");
        return;
      }
      const member = this.memberOf(binding, key.text);
      if (member !== undefined) this.useBinding(member, parent);
    } else if (ts.isVariableDeclaration(parent) && parent.initializer === expression && ts.isObjectBindingPattern(parent.name)) {
      for (const element of parent.name.elements) {
        const name = element.propertyName ?? element.name;
        const member = ts.isIdentifier(name) ? this.memberOf(binding, name.text) : undefined;
        if (member?.kind === "event") this.site(element, member.event, "reference");
        else if (member?.kind === "deleted") this.deletedSite(element, member.functionName, "reference");
        else if (member?.kind === "trackEvent") this.dynamicSite(element, "trackEvent taken out of the SDK module: the events it tracks cannot be known");
      }
    } else {
      this.dynamicSite(expression, "the SDK module passed along as a whole: the events it tracks cannot be known");
    }
  }

  /** The SDK's member of that name; an event function the module does not export at all is a deleted event's. */
  private memberOf(binding: Extract<Binding, { kind: "module" }>, name: string): Binding | undefined {
    const member = binding.members.get(name);
    if (member !== undefined || binding.exported.has(name) || !isEventFunctionName(name)) return member;
    return this.eventOrDeleted(name);
  }

  /** `trackEvent("name")` tracks that event; a name whose type is a literal (or a few) too; anything else is dynamic. */
  private useTrackEvent(expression: ts.Expression): void {
    const call = calledExpression(expression);
    const argument = call?.arguments[0];
    if (call === undefined || argument === undefined) {
      this.dynamicSite(expression, "trackEvent passed along: the events it tracks cannot be known");
      return;
    }
    const names = ts.isStringLiteralLike(argument) ? [argument.text] : this.literalNames(argument);
    if (names === undefined) {
      this.dynamicSite(call, `trackEvent(${shortSource(argument.getText(this.file))}): the event name is not a literal`);
      return;
    }
    for (const name of names) this.site(call, name, "call");
  }

  /** The string literals an expression's type allows, unless it allows every event (`EventName`). */
  private literalNames(expression: ts.Expression): string[] | undefined {
    const type = this.checker.getTypeAtLocation(expression);
    const parts = type.isUnion() ? type.types : [type];
    if (!parts.every((part) => part.isStringLiteral())) return undefined;
    const names = parts.map((part) => (part as ts.StringLiteralType).value);
    return names.length >= this.context.functions.size ? undefined : names;
  }

  private site(node: ts.Node, event: string, kind: UsageSite["kind"]): void {
    const { line, character } = this.file.getLineAndCharacterOfPosition(node.getStart(this.file));
    this.sites.push({ file: this.file.fileName, line: line + 1, column: character + 1, event, kind });
  }

  private deletedSite(node: ts.Node, functionName: string, kind: DeletedEventSite["kind"]): void {
    const { line, character } = this.file.getLineAndCharacterOfPosition(node.getStart(this.file));
    this.deleted.push({ file: this.file.fileName, line: line + 1, column: character + 1, functionName, kind });
  }

  private dynamicSite(node: ts.Node, reason: string): void {
    const { line, character } = this.file.getLineAndCharacterOfPosition(node.getStart(this.file));
    this.dynamic.push({ file: this.file.fileName, line: line + 1, column: character + 1, reason });
  }
}

/** Source text quoted in a reason: on one line, and cut after 60 characters. */
function shortSource(text: string): string {
  const oneLine = text.replace(/\s+/g, " ");
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}...` : oneLine;
}

const IDENTIFIER_PART = /[\p{ID_Continue}$\u200c\u200d]/u;

/** `name` at `at` is not part of a longer identifier. */
function wholeWordAt(text: string, at: number, name: string): boolean {
  return !IDENTIFIER_PART.test(text.charAt(at - 1)) && !IDENTIFIER_PART.test(text.charAt(at + name.length));
}

/**
 * The identifier that starts at `position`, found by descending through the nodes that contain it;
 * none in a comment or a string. Lists of children (statements, elements, arguments) are searched
 * by bisection: a file of 100,000 statements is looked into 100,000 times.
 */
function identifierAt(file: ts.SourceFile, position: number): ts.Identifier | undefined {
  const contains = (candidate: ts.Node): ts.Node | undefined => (candidate.pos <= position && position < candidate.end ? candidate : undefined);
  let node: ts.Node = file;
  for (;;) {
    const child: ts.Node | undefined = ts.forEachChild(node, contains, (list) => {
      const index = lastStartingAtOrBefore(list, position);
      return index < 0 ? undefined : contains(list[index]!);
    });
    if (child === undefined) return undefined;
    if (ts.isIdentifier(child)) return child.getStart(file) === position ? child : undefined;
    node = child;
  }
}

/** The index of the last node of `list` (ordered, not overlapping) that starts at or before `position`; -1 if none. */
function lastStartingAtOrBefore(list: ts.NodeArray<ts.Node>, position: number): number {
  let low = 0;
  let high = list.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (list[middle]!.pos <= position) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/** The call whose callee is `expression` (`f()`, `f?.()`, `(f)()`), if any. */
function calledExpression(expression: ts.Expression): ts.CallExpression | undefined {
  let callee: ts.Node = expression;
  while (ts.isParenthesizedExpression(callee.parent) || ts.isNonNullExpression(callee.parent)) callee = callee.parent;
  const parent = callee.parent;
  return ts.isCallExpression(parent) && parent.expression === callee ? parent : undefined;
}

/** `require("…")`, as JavaScript modules import. */
function isRequireCall(node: ts.Expression | undefined): node is ts.CallExpression {
  return (
    node !== undefined &&
    ts.isCallExpression(node) &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === "require" &&
    node.arguments.length === 1 &&
    ts.isStringLiteralLike(node.arguments[0]!)
  );
}

/** The name a declaration introduces (an import, a variable, a parameter): not a use. */
function isDeclarationName(identifier: ts.Identifier): boolean {
  const parent = identifier.parent;
  if (ts.isImportSpecifier(parent) || ts.isImportClause(parent) || ts.isNamespaceImport(parent) || ts.isExportSpecifier(parent)) return true;
  if (ts.isPropertyAccessExpression(parent) && parent.name === identifier) return true;
  if (ts.isBindingElement(parent) && parent.propertyName === identifier) return true;
  if (ts.isPropertyAssignment(parent) && parent.name === identifier) return true;
  return (
    (ts.isImportEqualsDeclaration(parent) ||
      ts.isVariableDeclaration(parent) ||
      ts.isBindingElement(parent) ||
      ts.isParameter(parent) ||
      ts.isFunctionDeclaration(parent)) &&
    parent.name === identifier
  );
}
