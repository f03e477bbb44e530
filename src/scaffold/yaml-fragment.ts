import { dump } from "js-yaml";

/** A plain value that YAML can hold, as definitions use them. */
export type YamlValue = string | number | boolean | null | readonly YamlValue[] | { readonly [key: string]: YamlValue };

/** A value written as YAML, ready to be placed after a key. */
export interface YamlFragment {
  /** One string per line; a multi-line string's lines after the first are indented already. */
  readonly lines: readonly string[];
  /** A list or mapping: it goes below its key, indented, instead of after it. */
  readonly block: boolean;
}

/**
 * `value` as YAML. Strings are quoted only where YAML would read them otherwise (`'18.0'`,
 * `'yes'`, `'a: b'`), or always with `quoted`; lines are never folded. With `flow`, a list or
 * mapping is written on one line (`[string, 'null']`), after its key.
 */
export function yamlFragment(value: YamlValue, options: { readonly quoted?: boolean; readonly flow?: boolean } = {}): YamlFragment {
  const text = dump(value, {
    lineWidth: -1,
    noRefs: true,
    quoteStyle: "single",
    forceQuotes: options.quoted === true,
    ...(options.flow === true ? { flowLevel: 0 } : {}),
  });
  const isCollection = options.flow !== true && typeof value === "object" && value !== null && Object.keys(value).length > 0;
  return { lines: text.replace(/\n$/, "").split("\n"), block: isCollection };
}
