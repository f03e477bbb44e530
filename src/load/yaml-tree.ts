/**
 * A YAML tree that remembers where every node and key starts, so any problem found later can
 * be reported at `file:line:column`. Built from js-yaml's offset-carrying event stream.
 */
export type YamlNode = YamlScalar | YamlSequence | YamlMapping;
export type YamlScalarValue = string | number | boolean | null;

export interface YamlScalar {
  readonly kind: "scalar";
  readonly start: number;
  /** End of the value as written (exclusive): messages quote the source, `18.0` rather than `18`. */
  readonly end: number;
  readonly value: YamlScalarValue;
}
export interface YamlSequence {
  readonly kind: "sequence";
  readonly start: number;
  readonly items: readonly YamlNode[];
}
export interface YamlMapping {
  readonly kind: "mapping";
  readonly start: number;
  readonly entries: readonly YamlEntry[];
}
export interface YamlEntry {
  readonly key: string;
  readonly keyStart: number;
  readonly value: YamlNode;
}

/** A mapping of plain data (`toPlainValue` of a YAML mapping, or parsed JSON): an object, not a list. */
export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Converts a tree to plain data; keys are defined as own properties so `__proto__` stays data. */
export function toPlainValue(node: YamlNode): unknown {
  switch (node.kind) {
    case "scalar":
      return node.value;
    case "sequence":
      return node.items.map(toPlainValue);
    case "mapping": {
      const result: Record<string, unknown> = {};
      for (const entry of node.entries) {
        // Plain assignment is several times faster; only `__proto__` needs defining as data.
        if (entry.key === "__proto__") {
          Object.defineProperty(result, entry.key, { value: toPlainValue(entry.value), enumerable: true, writable: true, configurable: true });
        } else {
          result[entry.key] = toPlainValue(entry.value);
        }
      }
      return result;
    }
  }
}

/** The node at a path of keys and indexes, or the deepest existing ancestor. */
export function nodeAtPath(root: YamlNode, path: readonly PropertyKey[]): { node: YamlNode; keyStart?: number; exact: boolean } {
  let node = root;
  let keyStart: number | undefined;
  for (const segment of path) {
    if (node.kind === "mapping") {
      const entry = node.entries.find((candidate) => candidate.key === String(segment));
      if (entry === undefined) return keyStart === undefined ? { node, exact: false } : { node, keyStart, exact: false };
      node = entry.value;
      keyStart = entry.keyStart;
    } else if (node.kind === "sequence" && typeof segment === "number" && node.items[segment] !== undefined) {
      node = node.items[segment];
      keyStart = undefined;
    } else {
      return keyStart === undefined ? { node, exact: false } : { node, keyStart, exact: false };
    }
  }
  return keyStart === undefined ? { node, exact: true } : { node, keyStart, exact: true };
}
