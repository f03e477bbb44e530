export interface JsonProblem {
  readonly offset: number;
  readonly message: string;
  readonly hint?: string;
}

/**
 * What makes a sit.config.json not JSON, or `undefined` when it is JSON. Comments get a message of
 * their own: YAML would read `// note` as a key, and "unknown key" would say the wrong thing.
 */
export function jsonSyntaxProblem(text: string): JsonProblem | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const comment = firstCommentOffset(text);
    if (comment !== undefined) {
      return { offset: comment, message: "comments are not allowed in JSON", hint: "remove the comment, or write the config as sit.config.yaml, where comments are allowed" };
    }
    const reason = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(reason);
    return { offset: position === null ? 0 : Number(position[1]), message: `invalid JSON: ${reason.replace(/ in JSON at position \d+.*$/s, "")}` };
  }
}

/** The offset of the first `//` or `/*` outside a string. */
function firstCommentOffset(text: string): number | undefined {
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (inString) {
      if (char === "\\") index++;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
    } else if (char === "/" && (text[index + 1] === "/" || text[index + 1] === "*")) {
      return index;
    }
  }
  return undefined;
}
