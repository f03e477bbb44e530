import type { ts as TypeScript } from "ts-morph";
import { loadTypeScript } from "../load-typescript";
import { isSimpleType } from "./simple-type";

const PREFIX = "type Checked = ";
const FILE_NAME = "identifier-type.ts";

/**
 * Why `type` is not exactly one TypeScript type on one line, or `undefined` when it is. It is
 * pasted into the generated code as `export type UserIdentifier = <type>;`, so anything more (a
 * second statement, an unclosed brace, a comment that swallows the `;`) would break the SDK or run
 * code on import. The common forms are recognised without TypeScript; anything else is parsed by
 * TypeScript itself, loaded only then.
 */
export function typeExpressionProblem(type: string): string | undefined {
  if (/[\r\n\u2028\u2029]/.test(type)) return "must be written on one line";
  return isSimpleType(type) ? undefined : typeScriptProblem(type);
}

/** What TypeScript's parser finds wrong with `type` as exactly one type. */
export function typeScriptProblem(type: string): string | undefined {
  const ts = loadTypeScript();
  const text = `${PREFIX}${type};\n`;
  const file = ts.createSourceFile(FILE_NAME, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const syntaxError = syntacticDiagnostics(ts, file)[0];
  if (syntaxError !== undefined) {
    return `is not a TypeScript type: ${ts.flattenDiagnosticMessageText(syntaxError.messageText, " ")} (at column ${Math.max(1, (syntaxError.start ?? PREFIX.length) - PREFIX.length + 1)})`;
  }
  if (hasComment(ts, file, text)) return "must not contain comments";
  const [statement, ...more] = file.statements;
  if (statement === undefined || more.length > 0 || !ts.isTypeAliasDeclaration(statement) || statement.type.end !== PREFIX.length + type.length) {
    return "is not exactly one TypeScript type: it must hold a type and nothing else (no `;`, no second statement)";
  }
  return undefined;
}

function syntacticDiagnostics(ts: typeof TypeScript, file: TypeScript.SourceFile): readonly TypeScript.Diagnostic[] {
  const options: TypeScript.CompilerOptions = { noLib: true, noResolve: true, types: [] };
  const host = ts.createCompilerHost(options);
  host.getSourceFile = (name) => (name === FILE_NAME ? file : undefined);
  return ts.createProgram({ rootNames: [FILE_NAME], options, host }).getSyntacticDiagnostics(file);
}

function hasComment(ts: typeof TypeScript, file: TypeScript.SourceFile, text: string): boolean {
  const visit = (node: TypeScript.Node): boolean =>
    (ts.getLeadingCommentRanges(text, node.pos)?.length ?? 0) > 0 ||
    (ts.getTrailingCommentRanges(text, node.end)?.length ?? 0) > 0 ||
    node.getChildren(file).some(visit);
  return visit(file);
}
