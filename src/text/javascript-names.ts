/** An ASCII JavaScript identifier: what sit accepts as an export name and writes as a generated name. */
export const JAVASCRIPT_IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export const isJavaScriptIdentifier = (name: string): boolean => JAVASCRIPT_IDENTIFIER.test(name);

/** JavaScript's reserved words, which no function may be named. */
export const RESERVED_WORDS: ReadonlySet<string> = new Set(
  "await break case catch class const continue debugger default delete do else enum export extends false finally for function if implements import in instanceof interface let new null package private protected public return static super switch this throw true try typeof var void while with yield".split(" "),
);
