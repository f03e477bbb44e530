import { readFileSync } from "node:fs";
import { extname } from "node:path";
import type { ts as TypeScript } from "ts-morph";
import { loadTypeScript } from "../load-typescript";
import { relativeSourceFile } from "./module-source";

/**
 * The names a module exports, read from its source without running it, to check the `export` of
 * each processor in the config. The usual forms (`export const|function|class X`, `export { a as
 * X }`, `export default`, `export * from "./x"`, `exports.X =`) are recognised by a scan of the
 * text; only when that scan does not find the name is the file parsed by TypeScript (loaded then),
 * which reads every form exactly. What cannot be told for sure (`export =`, `module.exports = x`,
 * a re-export from a package, a syntax error) counts as unknown: then nothing is reported.
 */

/** The names `file` exports when `name` is certainly not one of them, sorted; `undefined` when it is one, or when that cannot be told. */
export function exportsLacking(file: string, name: string): readonly string[] | undefined {
  if (scannedExports(file, new Set()).has(name)) return undefined;
  const exports = parsedExports(file, new Set());
  return exports === undefined || exports.has(name) ? undefined : [...exports].sort();
}

const IDENTIFIER = String.raw`[A-Za-z_$][\w$]*`;
const DECLARED = new RegExp(
  String.raw`^export\s+(?:declare\s+)?(?:abstract\s+)?(?:async\s+)?(?:const\s+enum|const|let|var|function\s*\*?|class|enum|interface|type|namespace)\s+(${IDENTIFIER})`,
  "gm",
);
const DEFAULT = /^export\s+default\b/m;
const LISTED = /^export\s+(?:type\s+)?\{([^}]*)\}/gm;
const LISTED_NAME = new RegExp(String.raw`^(?:type\s+)?${IDENTIFIER}(?:\s+as\s+(${IDENTIFIER}))?$`);
const STAR = /^export\s+\*\s+from\s+["']([^"']+)["']/gm;
const COMMON_JS = new RegExp(String.raw`^(?:module\.)?exports\.(${IDENTIFIER})\s*=`, "gm");

/** The names the usual forms export, at the start of a line: enough to confirm a name, never to deny one. */
function scannedExports(file: string, seen: Set<string>): Set<string> {
  const names = new Set<string>();
  const text = readText(file);
  if (text === undefined || seen.has(file)) return names;
  seen.add(file);
  for (const match of text.matchAll(DECLARED)) names.add(match[1]!);
  if (DEFAULT.test(text)) names.add("default");
  for (const match of text.matchAll(LISTED)) {
    for (const entry of match[1]!.split(",")) {
      const listed = LISTED_NAME.exec(entry.trim());
      if (listed !== null) names.add(listed[1] ?? entry.trim().replace(/^type\s+/, ""));
    }
  }
  for (const match of text.matchAll(COMMON_JS)) names.add(match[1]!);
  for (const match of text.matchAll(STAR)) {
    const target = relativeSourceFile(file, match[1]!);
    if (target !== undefined) for (const name of scannedExports(target, seen)) if (name !== "default") names.add(name);
  }
  return names;
}

const SCRIPT_KINDS: Readonly<Record<string, "TS" | "TSX" | "JS" | "JSX">> = {
  ".ts": "TS",
  ".mts": "TS",
  ".cts": "TS",
  ".tsx": "TSX",
  ".js": "JS",
  ".mjs": "JS",
  ".cjs": "JS",
  ".jsx": "JSX",
};

/** Every name `file` exports, as TypeScript's parser reads it; `undefined` when that cannot be told. */
function parsedExports(file: string, seen: Set<string>): Set<string> | undefined {
  const kind = SCRIPT_KINDS[extname(file)];
  const text = readText(file);
  // A cycle of `export *` adds nothing the first visit does not.
  if (seen.has(file)) return new Set();
  if (kind === undefined || text === undefined) return undefined;
  seen.add(file);
  const ts = loadTypeScript();
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind[kind]);
  if (hasSyntaxErrors(ts, source)) return undefined;

  const names = new Set<string>();
  let isModule = false;
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) isModule = true;
    if (ts.isExportDeclaration(statement)) {
      isModule = true;
      const clause = statement.exportClause;
      if (clause === undefined) {
        const specifier = statement.moduleSpecifier;
        const target = specifier !== undefined && ts.isStringLiteral(specifier) ? relativeSourceFile(file, specifier.text) : undefined;
        const reexported = target === undefined ? undefined : parsedExports(target, seen);
        if (reexported === undefined) return undefined;
        for (const name of reexported) if (name !== "default") names.add(name);
      } else if (ts.isNamespaceExport(clause)) {
        names.add(clause.name.text);
      } else {
        for (const element of clause.elements) names.add(element.name.text);
      }
    } else if (ts.isExportAssignment(statement)) {
      if (statement.isExportEquals === true) return undefined;
      isModule = true;
      names.add("default");
    } else if (hasModifier(ts, statement, ts.SyntaxKind.ExportKeyword)) {
      isModule = true;
      const declared = declaredNames(ts, statement, hasModifier(ts, statement, ts.SyntaxKind.DefaultKeyword));
      if (declared === undefined) return undefined;
      for (const name of declared) names.add(name);
    }
  }
  if (kind === "JS" || kind === "JSX") {
    const commonJs = commonJsExports(ts, source);
    if (commonJs === undefined) return undefined;
    // A CommonJS module's `module.exports` is its default export when ES modules import it.
    if (!isModule) for (const name of [...commonJs, "default"]) names.add(name);
  } else if (!isModule && source.isDeclarationFile) {
    return undefined; // a global script (`declare module "x" { … }`): not read here
  }
  return names;
}

function hasSyntaxErrors(ts: typeof TypeScript, source: TypeScript.SourceFile): boolean {
  const options: TypeScript.CompilerOptions = { noLib: true, noResolve: true, types: [], allowJs: true };
  const host = ts.createCompilerHost(options);
  host.getSourceFile = (name) => (name === source.fileName ? source : undefined);
  return ts.createProgram({ rootNames: [source.fileName], options, host }).getSyntacticDiagnostics(source).length > 0;
}

const hasModifier = (ts: typeof TypeScript, node: TypeScript.Node, kind: TypeScript.SyntaxKind): boolean =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((modifier) => modifier.kind === kind) ?? false);

/** The names an `export …` declaration adds; `undefined` for one not read here. */
function declaredNames(ts: typeof TypeScript, statement: TypeScript.Statement, isDefault: boolean): string[] | undefined {
  if (isDefault) return ["default"];
  if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.flatMap((declaration) => bindingNames(ts, declaration.name));
  if (ts.isImportEqualsDeclaration(statement)) return [statement.name.text];
  if (
    ts.isFunctionDeclaration(statement) ||
    ts.isClassDeclaration(statement) ||
    ts.isInterfaceDeclaration(statement) ||
    ts.isTypeAliasDeclaration(statement) ||
    ts.isEnumDeclaration(statement) ||
    ts.isModuleDeclaration(statement)
  ) {
    return statement.name === undefined || !ts.isIdentifier(statement.name) ? undefined : [statement.name.text];
  }
  return undefined;
}

function bindingNames(ts: typeof TypeScript, name: TypeScript.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : bindingNames(ts, element.name)));
}

/**
 * The names a CommonJS file exports: `exports.X = …`, `module.exports.X = …`,
 * `module.exports = { X, … }` and `Object.defineProperty(exports, "X", …)` at the top level.
 * `undefined` when `exports` is used in any other way (`module.exports = someValue`, a helper that
 * copies names in, an assignment inside a function): then the names depend on running it.
 */
function commonJsExports(ts: typeof TypeScript, source: TypeScript.SourceFile): Set<string> | undefined {
  const names = new Set<string>();
  const understood = new Set<TypeScript.Node>();
  const isExportsObject = (node: TypeScript.Node): boolean =>
    (ts.isIdentifier(node) && node.text === "exports") ||
    (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "module" && node.name.text === "exports");
  const exportedName = (node: TypeScript.Expression): string | undefined => {
    if (ts.isPropertyAccessExpression(node) && isExportsObject(node.expression)) return node.name.text;
    if (ts.isElementAccessExpression(node) && isExportsObject(node.expression) && ts.isStringLiteral(node.argumentExpression)) return node.argumentExpression.text;
    return undefined;
  };

  for (const statement of source.statements) {
    if (!ts.isExpressionStatement(statement)) continue;
    const expression = statement.expression;
    if (ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const name = exportedName(expression.left);
      if (name !== undefined && !isExportsObject(expression.left)) {
        names.add(name);
        understood.add((expression.left as TypeScript.PropertyAccessExpression | TypeScript.ElementAccessExpression).expression);
      } else if (isExportsObject(expression.left) && ts.isObjectLiteralExpression(expression.right)) {
        for (const property of expression.right.properties) {
          const key = property.name;
          if (ts.isSpreadAssignment(property) || key === undefined || !(ts.isIdentifier(key) || ts.isStringLiteral(key))) return undefined;
          names.add(key.text);
        }
        understood.add(expression.left);
      }
    } else if (ts.isCallExpression(expression) && expression.arguments.length >= 2) {
      const [target, key] = expression.arguments;
      const callee = expression.expression.getText(source);
      if (callee === "Object.defineProperty" && isExportsObject(target!) && ts.isStringLiteral(key!)) {
        if (key.text !== "__esModule") names.add(key.text);
        understood.add(target!);
      }
    }
  }
  // Every other mention of `exports` may add or replace names in ways only running the file shows.
  let unexplained = false;
  const visit = (node: TypeScript.Node): void => {
    if (unexplained || understood.has(node)) return;
    if (isExportsObject(node) && !(ts.isPropertyAccessExpression(node.parent) && node.parent.name === node)) {
      unexplained = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return unexplained ? undefined : names;
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}
