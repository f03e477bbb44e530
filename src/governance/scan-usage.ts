import { readFileSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import { ts } from "ts-morph";
import { findSourceFiles } from "./find-source-files";

/** What to scan and what the generated SDK exports. */
export interface UsageScanOptions {
  /** Globs are relative to this folder (the config's). */
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

/** A use of the SDK whose event cannot be known without running the code. */
export interface DynamicSite {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly reason: string;
}

export interface UsageScan {
  /** Source files scanned (the SDK's own files excepted). */
  readonly fileCount: number;
  readonly sites: readonly UsageSite[];
  readonly dynamic: readonly DynamicSite[];
  /** Event functions the SDK does not export: it is older than the definitions. */
  readonly notGenerated: readonly string[];
}

/** What an imported name stands for. */
type Binding =
  | { readonly kind: "event"; readonly event: string }
  | { readonly kind: "trackEvent" }
  /** A module object (`import * as sdk`, `require("./generated")`) whose members include SDK exports. */
  | { readonly kind: "module"; readonly members: ReadonlyMap<string, Binding> };

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
 * Finds every use of the SDK's event functions and of `trackEvent` in the files the globs match.
 * Names are resolved by TypeScript with the project's module resolution, and compared by symbol:
 * an import (renamed or not, through barrels and path aliases, `import * as`, `require`) counts
 * only when it resolves to a declaration of the SDK's entry file, so a local function of the same
 * name, a comment or a string never does. The checker is asked only about imported names and
 * about identifiers spelled like one of them.
 */
export function scanUsage(options: UsageScanOptions): { ok: true; scan: UsageScan } | { ok: false; message: string } {
  const compilerOptions = readCompilerOptions(options.tsconfigPath);
  if (!compilerOptions.ok) return compilerOptions;
  const outline = sdkOutline(readFileSync(options.sdkEntry, "utf8"));
  const files = sourceFiles(options);
  const host = ts.createCompilerHost(compilerOptions.value);
  const readSourceFile = host.getSourceFile.bind(host);
  const sdkEntry = resolve(options.sdkEntry);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) =>
    resolve(fileName) === sdkEntry ? ts.createSourceFile(fileName, outline, languageVersion) : readSourceFile(fileName, languageVersion, onError, shouldCreate);
  // Comments are never uses: their JSDoc need not be parsed.
  host.jsDocParsingMode = ts.JSDocParsingMode.ParseNone;
  const program = ts.createProgram({ rootNames: [...files, sdkEntry], options: compilerOptions.value, host });
  const checker = program.getTypeChecker();

  const sdk = sdkBindings(checker, program.getSourceFile(sdkEntry), options.functions);
  const notGenerated = [...options.functions.keys()].filter((name) => !sdk.exported.has(name));
  const moduleBindings = new Map<ts.Symbol, Binding | undefined>();
  const bindingOf = (target: ts.Symbol): Binding | undefined => {
    const direct = sdk.bySymbol.get(target);
    if (direct !== undefined || (target.flags & ts.SymbolFlags.ValueModule) === 0) return direct;
    if (!moduleBindings.has(target)) moduleBindings.set(target, moduleBinding(checker, target, sdk.bySymbol));
    return moduleBindings.get(target);
  };

  const sites: UsageSite[] = [];
  const dynamic: DynamicSite[] = [];
  for (const fileName of files) {
    const file = program.getSourceFile(fileName);
    if (file !== undefined) new FileScanner(file, checker, bindingOf, options.functions.size, sites, dynamic).scan();
  }
  return { ok: true, scan: { fileCount: files.length, sites, dynamic, notGenerated } };
}

/** The compiler options of the project's tsconfig.json (its `extends` followed), with sit's own on top. */
function readCompilerOptions(tsconfigPath: string | undefined): { ok: true; value: ts.CompilerOptions } | { ok: false; message: string } {
  if (tsconfigPath === undefined) return { ok: true, value: { ...DEFAULT_OPTIONS, ...SCAN_OPTIONS } };
  const read = ts.readConfigFile(tsconfigPath, ts.sys.readFile);
  if (read.error !== undefined) return { ok: false, message: ts.flattenDiagnosticMessageText(read.error.messageText, " ") };
  // The globs say what to scan: the tsconfig's own file list is not read (no folder walk).
  const host: ts.ParseConfigHost = { ...ts.sys, readDirectory: () => [] };
  const parsed = ts.parseJsonConfigFileContent(read.config, host, dirname(tsconfigPath), undefined, tsconfigPath);
  return { ok: true, value: { ...parsed.options, ...SCAN_OPTIONS } };
}

/**
 * The SDK's entry file as TypeScript needs to see it here: its exported functions and values, by
 * name, without their bodies. For a large plan, parsing and binding the whole file would cost more
 * than scanning the application. The names are read from the top-level `export`
 * lines sit writes (`export function trackCreateSnippet(`, `export const flush`).
 */
function sdkOutline(text: string): string {
  const names = [...text.matchAll(/^export (?:declare )?(?:async )?(?:function\*? ?|const |let |var )([A-Za-z_$][\w$]*)/gm)].map((match) => match[1]!);
  return names.map((name) => `export declare function ${name}(...args: any[]): any;\n`).join("");
}

/** The files the globs match, sorted; never the SDK's own files, declaration files, `node_modules` or hidden folders. */
function sourceFiles(options: UsageScanOptions): string[] {
  const outputFolder = relative(options.rootDir, options.outputDir).split(sep).join("/");
  const skipFolder = (path: string): boolean => {
    const name = path.slice(path.lastIndexOf("/") + 1);
    return path === outputFolder || name === "node_modules" || (name.startsWith(".") && name !== "." && name !== "..");
  };
  return findSourceFiles(options.rootDir, options.globs, skipFolder).filter((path) => !/\.d\.[mc]?ts$/.test(path));
}

/** The SDK's exports by name and by symbol. */
function sdkBindings(checker: ts.TypeChecker, sdkFile: ts.SourceFile | undefined, functions: ReadonlyMap<string, string>) {
  const bySymbol = new Map<ts.Symbol, Binding>();
  const exported = new Set<string>();
  const moduleSymbol = sdkFile === undefined ? undefined : checker.getSymbolAtLocation(sdkFile);
  for (const symbol of moduleSymbol === undefined ? [] : checker.getExportsOfModule(moduleSymbol)) {
    const name = symbol.getName();
    const event = functions.get(name);
    const binding: Binding | undefined = event !== undefined ? { kind: "event", event } : name === "trackEvent" ? { kind: "trackEvent" } : undefined;
    if (binding === undefined) continue;
    exported.add(name);
    bySymbol.set(resolveAlias(checker, symbol), binding);
  }
  return { bySymbol, exported };
}

/** A module's exports that are the SDK's (a barrel's, or the SDK's own), by the name the module exports them under. */
function moduleBinding(checker: ts.TypeChecker, moduleSymbol: ts.Symbol, sdk: ReadonlyMap<ts.Symbol, Binding>): Binding | undefined {
  const members = new Map<string, Binding>();
  for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
    const binding = sdk.get(resolveAlias(checker, symbol));
    if (binding !== undefined) members.set(symbol.getName(), binding);
  }
  return members.size === 0 ? undefined : { kind: "module", members };
}

const resolveAlias = (checker: ts.TypeChecker, symbol: ts.Symbol): ts.Symbol =>
  (symbol.flags & ts.SymbolFlags.Alias) !== 0 ? checker.getAliasedSymbol(symbol) : symbol;

/** The uses of the SDK in one file. */
class FileScanner {
  /** Local symbols (imported names) that stand for SDK exports. */
  private readonly bindings = new Map<ts.Symbol, Binding>();
  /** Their names, to ask the checker only about identifiers spelled like one. */
  private readonly names = new Set<string>();

  constructor(
    private readonly file: ts.SourceFile,
    private readonly checker: ts.TypeChecker,
    private readonly bindingOf: (target: ts.Symbol) => Binding | undefined,
    private readonly eventCount: number,
    private readonly sites: UsageSite[],
    private readonly dynamic: DynamicSite[],
  ) {}

  scan(): void {
    for (const statement of this.file.statements) this.collectImports(statement);
    // Each place the text spells an imported name is looked at, rather than every node of the file.
    for (const name of this.names) {
      for (let at = this.file.text.indexOf(name); at >= 0; at = this.file.text.indexOf(name, at + name.length)) {
        const identifier = wholeWordAt(this.file.text, at, name) ? identifierAt(this.file, at) : undefined;
        if (identifier !== undefined) this.use(identifier);
      }
    }
  }

  /** Import declarations, `import x = require()`, and in JavaScript `const x = require()` at the top level. */
  private collectImports(statement: ts.Statement): void {
    if (ts.isImportDeclaration(statement)) {
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
    const binding = this.bindingOf(this.checker.getAliasedSymbol(local));
    if (binding === undefined) return;
    this.bindings.set(local, binding);
    this.names.add(name.text);
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
    if (binding !== undefined) this.useBinding(binding, identifier);
  }

  private useBinding(binding: Binding, expression: ts.Expression): void {
    switch (binding.kind) {
      case "event":
        this.site(expression, binding.event, calledExpression(expression) === undefined ? "reference" : "call");
        return;
      case "trackEvent":
        this.useTrackEvent(expression);
        return;
      case "module":
        this.useModule(binding, expression);
        return;
    }
  }

  private useModule(binding: Extract<Binding, { kind: "module" }>, expression: ts.Expression): void {
    const parent = expression.parent;
    if (ts.isPropertyAccessExpression(parent) && parent.expression === expression) {
      const member = binding.members.get(parent.name.text);
      if (member !== undefined) this.useBinding(member, parent);
    } else if (ts.isElementAccessExpression(parent) && parent.expression === expression) {
      const key = parent.argumentExpression;
      if (!ts.isStringLiteralLike(key)) {
        this.dynamicSite(parent, "an SDK member picked by a computed name: the event cannot be known");
        return;
      }
      const member = binding.members.get(key.text);
      if (member !== undefined) this.useBinding(member, parent);
    } else if (ts.isVariableDeclaration(parent) && parent.initializer === expression && ts.isObjectBindingPattern(parent.name)) {
      for (const element of parent.name.elements) {
        const name = element.propertyName ?? element.name;
        const member = ts.isIdentifier(name) ? binding.members.get(name.text) : undefined;
        if (member?.kind === "event") this.site(element, member.event, "reference");
        else if (member?.kind === "trackEvent") this.dynamicSite(element, "trackEvent taken out of the SDK module: the events it tracks cannot be known");
      }
    } else {
      this.dynamicSite(expression, "the SDK module passed along as a whole: the events it tracks cannot be known");
    }
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
      this.dynamicSite(call, `trackEvent(${argument.getText(this.file)}): the event name is not a literal`);
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
    return names.length >= this.eventCount ? undefined : names;
  }

  private site(node: ts.Node, event: string, kind: UsageSite["kind"]): void {
    const { line, character } = this.file.getLineAndCharacterOfPosition(node.getStart(this.file));
    this.sites.push({ file: this.file.fileName, line: line + 1, column: character + 1, event, kind });
  }

  private dynamicSite(node: ts.Node, reason: string): void {
    const { line, character } = this.file.getLineAndCharacterOfPosition(node.getStart(this.file));
    this.dynamic.push({ file: this.file.fileName, line: line + 1, column: character + 1, reason });
  }
}

const IDENTIFIER_PART = /[\p{ID_Continue}$\u200c\u200d]/u;

/** `name` at `at` is not part of a longer identifier. */
function wholeWordAt(text: string, at: number, name: string): boolean {
  return !IDENTIFIER_PART.test(text.charAt(at - 1)) && !IDENTIFIER_PART.test(text.charAt(at + name.length));
}

/** The identifier that starts at `position`, found by descending through the nodes that contain it; none in a comment or a string. */
function identifierAt(file: ts.SourceFile, position: number): ts.Identifier | undefined {
  let node: ts.Node = file;
  for (;;) {
    const child: ts.Node | undefined = ts.forEachChild(node, (candidate) => (candidate.pos <= position && position < candidate.end ? candidate : undefined));
    if (child === undefined) return undefined;
    if (ts.isIdentifier(child)) return child.getStart(file) === position ? child : undefined;
    node = child;
  }
}

/** The call whose callee is `expression` (`f()`, `f?.()`, `(f)()`), if any. */
function calledExpression(expression: ts.Expression): ts.CallExpression | undefined {
  let callee: ts.Node = expression;
  while (ts.isParenthesizedExpression(callee.parent) || ts.isNonNullExpression(callee.parent)) callee = callee.parent;
  const parent = callee.parent;
  return ts.isCallExpression(parent) && parent.expression === callee ? parent : undefined;
}

/** `require("…")`, as JavaScript modules import. */
function isRequireCall(node: ts.Expression | undefined): boolean {
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
