import type { ValidDefinition } from "../validate/validate-definition";
import { buildDictionary, type DictionaryConfig } from "./dictionary-model";
import { emitHtml } from "./emit-html";
import { emitMarkdown } from "./emit-markdown";

/** The files `sit docs` writes, relative to its output folder. */
export const DOCS_FILES = { html: "index.html", markdown: "events.md" } as const;

export interface DocsFile {
  /** Relative to the docs folder. */
  readonly path: string;
  readonly content: string;
}

/** Valid definitions and the config → the dictionary's files. Pure: writing is the caller's. */
export function renderEventsDictionary(definitions: readonly ValidDefinition[], config: DictionaryConfig): DocsFile[] {
  const dictionary = buildDictionary(definitions, config);
  return [
    { path: DOCS_FILES.markdown, content: emitMarkdown(dictionary) },
    { path: DOCS_FILES.html, content: emitHtml(dictionary) },
  ];
}
