import { dirname, isAbsolute } from "node:path";
import { ts } from "ts-morph";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { fileDiagnostic } from "../load/source-file";

/**
 * What TypeScript reports when it cannot follow `extends`: a file it cannot read (5083), a package
 * it cannot find (6053), a circle (18000), a bare path (18001). Its other complaints (an option
 * it does not know, say from a newer TypeScript) do not change how imports resolve.
 */
const EXTENDS_PROBLEMS: ReadonlySet<number> = new Set([5083, 6053, 18000, 18001]);
/** TypeScript's JSON syntax errors, in the file or in one it extends. */
const isSyntaxError = (code: number): boolean => code >= 1000 && code < 2000;

const HINT = "sit usage resolves imports with this file, as tsc does; fix it, or name another with --tsconfig";

/**
 * The compiler options of a tsconfig.json, its `extends` followed; or, when that cannot be done
 * faithfully (a syntax error, an `extends` that is missing or goes round in a circle), the
 * diagnostics that say why: without the options it extends, path aliases are lost, and uses of the
 * SDK through them would go unreported. Paths in messages are shown with `shown`.
 */
export function readTsconfig(path: string, shown: (absolutePath: string) => string): { options: ts.CompilerOptions | undefined; diagnostics: Diagnostic[] } {
  const read = ts.readConfigFile(path, ts.sys.readFile);
  if (read.error !== undefined) return { options: undefined, diagnostics: [located(read.error, path, undefined, shown)] };
  const source = ts.readJsonConfigFile(path, ts.sys.readFile);
  // The globs say what to scan: the tsconfig's own file list is not read (no folder walk).
  const host: ts.ParseConfigHost = { ...ts.sys, readDirectory: () => [] };
  const parsed = ts.parseJsonSourceFileConfigFileContent(source, host, dirname(path), undefined, path);
  const diagnostics = parsed.errors
    .filter((error) => EXTENDS_PROBLEMS.has(error.code) || isSyntaxError(error.code))
    .map((error) => located(error, path, extendsValue(source), shown));
  return { options: diagnostics.length === 0 ? parsed.options : undefined, diagnostics };
}

/** A TypeScript diagnostic as sit's: where TypeScript says, else at the `extends` value of the file. */
function located(error: ts.Diagnostic, path: string, fallback: { readonly source: ts.SourceFile; readonly node: ts.Node } | undefined, shown: (absolutePath: string) => string): Diagnostic {
  const file = error.file ?? fallback?.source;
  const start = error.file !== undefined ? error.start : fallback?.node.getStart(fallback.source);
  const { line, character } = file !== undefined && start !== undefined ? file.getLineAndCharacterOfPosition(start) : { line: -1, character: -1 };
  return fileDiagnostic(shown(file?.fileName ?? path), line + 1, character + 1, "error", "SIT045", messageOf(error, shown), HINT);
}

function messageOf(error: ts.Diagnostic, shown: (absolutePath: string) => string): string {
  const text = ts.flattenDiagnosticMessageText(error.messageText, " ");
  const quoted = /'([^']*)'/.exec(text)?.[1];
  const show = (path: string): string => (isAbsolute(path) ? shown(path) : path);
  switch (error.code) {
    case 5083:
    case 6053:
      return `\`extends\` names ${quoted === undefined ? "a file" : show(quoted)}, which cannot be read: the options it holds (path aliases among them) would be lost`;
    case 18000:
      return `\`extends\` goes round in a circle: ${text
        .slice(text.indexOf(":") + 1)
        .split(" -> ")
        .map((step) => show(step.trim()))
        .join(" → ")}`;
    default:
      return text.replace(/'([^']*)'/g, (_, inner: string) => `'${show(inner)}'`);
  }
}

/** The value of the top-level `extends` key, where a problem in following it is reported. */
function extendsValue(source: ts.TsConfigSourceFile): { source: ts.SourceFile; node: ts.Node } | undefined {
  const root = source.statements[0]?.expression;
  if (root === undefined || !ts.isObjectLiteralExpression(root)) return undefined;
  const property = root.properties.find((candidate) => ts.isPropertyAssignment(candidate) && ts.isStringLiteral(candidate.name) && candidate.name.text === "extends");
  return property !== undefined && ts.isPropertyAssignment(property) ? { source, node: property.initializer } : undefined;
}
