import {
  boolCoreTag,
  EVENT_ID,
  floatCoreTag,
  getScalarValue,
  intCoreTag,
  NOT_RESOLVED,
  nullCoreTag,
  parseEvents,
  SCALAR_STYLE,
  type Event,
  type ScalarEvent,
  type ScalarTagDefinition,
} from "js-yaml";
import type { DiagnosticCode } from "../diagnostics/codes";
import { resolvePlainScalar } from "./core-schema";
import type { YamlEntry, YamlNode, YamlScalar, YamlScalarValue } from "./yaml-tree";
import { parsePlainYaml } from "./plain-yaml";
import { locateSyntaxError } from "./yaml-syntax-error";

export interface YamlProblem {
  readonly code: DiagnosticCode;
  readonly offset: number;
  readonly message: string;
  readonly hint?: string;
  /** Where the earlier occurrence is, for a problem that repeats something (a duplicate key). */
  readonly firstOffset?: number;
}

export type YamlParseResult =
  | { readonly ok: true; readonly root: YamlNode | null; readonly problems: readonly YamlProblem[] }
  | { readonly ok: false; readonly problems: readonly YamlProblem[] };

/** Nodes a document may expand to through aliases; far beyond any real definition. */
export const MAX_EXPANDED_NODES = 10_000;
const MAX_DEPTH = 64;

const STRING_TAGS = new Set(["!", "!!str", "tag:yaml.org,2002:str"]);
/** The only tags a list or a mapping may carry: they say what it is already. */
const COLLECTION_TAGS = new Set(["!", "!!seq", "!!map", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"]);
const EXPLICIT_TAGS = new Map<string, ScalarTagDefinition<YamlScalarValue>>([
  ["!!null", nullCoreTag],
  ["!!bool", boolCoreTag],
  ["!!int", intCoreTag],
  ["!!float", floatCoreTag],
]);


class YamlBuildError extends Error {
  constructor(readonly problem: YamlProblem) {
    super(problem.message);
  }
}

export function parseYaml(source: string, filename: string): YamlParseResult {
  const plain = parsePlainYaml(source, MAX_EXPANDED_NODES);
  return plain === undefined ? parseYamlEvents(source, filename) : { ok: true, root: plain, problems: [] };
}

/** The full YAML parser, for whatever is not plain (see plain-yaml.ts), and its problems. */
export function parseYamlEvents(source: string, filename: string): YamlParseResult {
  let events: Event[];
  try {
    events = parseEvents(source, { filename, maxDepth: MAX_DEPTH });
  } catch (error) {
    return { ok: false, problems: [parserProblem(error, source)] };
  }
  try {
    return new TreeBuilder(source, events).build();
  } catch (error) {
    if (error instanceof YamlBuildError) return { ok: false, problems: [error.problem] };
    throw error;
  }
}

/**
 * The parser's own position, taken as an offset so that line and column are counted the same way
 * as for every other diagnostic (js-yaml and sit disagree on some line breaks, e.g. U+2028), and
 * moved to where the mistake is when the parser noticed it only later.
 */
function parserProblem(error: unknown, source: string): YamlProblem {
  const exception = error as { reason?: unknown; mark?: { position?: unknown } };
  const reason = typeof exception.reason === "string" ? exception.reason : String(error);
  const position = exception.mark?.position;
  return { code: "SIT001", ...locateSyntaxError(source, typeof position === "number" ? position : 0, reason) };
}

class TreeBuilder {
  private index = 0;
  private lastOffset = 0;
  private expanded = 0;
  private aliased = false;
  private readonly anchors = new Map<string, { node: YamlNode; size: number }>();
  private readonly problems: YamlProblem[] = [];

  constructor(
    private readonly source: string,
    private readonly events: readonly Event[],
  ) {}

  build(): YamlParseResult {
    const documentCount = this.events.reduce((count, event) => count + (event.type === EVENT_ID.DOCUMENT ? 1 : 0), 0);
    if (documentCount === 0) return { ok: true, root: null, problems: [] };
    this.index = 1;
    const first = this.events[this.index];
    const root = first === undefined || first.type === EVENT_ID.POP ? null : this.node();
    if (documentCount > 1) {
      // Document events carry no offset: the second document starts at the first marker line that
      // does not open the first document.
      const markers = [...this.source.matchAll(/^(?:---|\.\.\.)(?=[ \t\r\n]|$)/gm)];
      const firstDocument = this.events[0];
      if (firstDocument?.type === EVENT_ID.DOCUMENT && firstDocument.explicitStart && markers[0]?.[0] === "---") markers.shift();
      const secondDocument = markers[0];
      this.problems.push({
        code: "SIT008",
        offset: secondDocument?.index ?? this.lastOffset,
        message: `the file holds ${documentCount} YAML documents; a definition is exactly one`,
      });
    }
    return { ok: true, root, problems: this.problems };
  }

  /** Reads the node starting at the current event and returns it with its expanded size. */
  private node(): YamlNode {
    const { node } = this.sizedNode();
    return node;
  }

  private sizedNode(): { node: YamlNode; size: number } {
    const event = this.events[this.index++];
    if (event === undefined) throw new Error("YAML event stream ended inside a node");
    switch (event.type) {
      case EVENT_ID.SCALAR: {
        const node = this.scalar(event);
        return this.registered(event, node, 1);
      }
      case EVENT_ID.SEQUENCE: {
        this.lastOffset = event.start;
        this.refuseCollectionTag(event);
        const items: YamlNode[] = [];
        let size = 1;
        this.count(1, event.start);
        while (this.events[this.index]?.type !== EVENT_ID.POP) {
          const item = this.sizedNode();
          items.push(item.node);
          size += item.size;
        }
        this.index++;
        return this.registered(event, { kind: "sequence", start: event.start, items }, size);
      }
      case EVENT_ID.MAPPING: {
        this.lastOffset = event.start;
        this.refuseCollectionTag(event);
        const entries: YamlEntry[] = [];
        const seen = new Map<string, number>();
        let size = 1;
        this.count(1, event.start);
        while (this.events[this.index]?.type !== EVENT_ID.POP) {
          const keyEvent = this.events[this.index];
          const keyNode = this.sizedNode();
          // An aliased key's node is the anchored one, elsewhere in the file: point at the alias.
          const keyStart = keyEvent?.type === EVENT_ID.ALIAS ? Math.max(0, keyEvent.anchorStart - 1) : keyNode.node.start;
          if (keyNode.node.kind !== "scalar") {
            throw new YamlBuildError({ code: "SIT001", offset: keyStart, message: "a mapping key must be a plain value, not a list or mapping" });
          }
          const key = keyEvent?.type === EVENT_ID.SCALAR ? this.scalarText(keyEvent) : String(keyNode.node.value);
          const value = this.sizedNode();
          size += keyNode.size + value.size;
          const firstStart = seen.get(key);
          if (firstStart !== undefined) {
            this.problems.push({ code: "SIT009", offset: keyStart, firstOffset: firstStart, message: `duplicate key "${key}": the first one is kept` });
            continue;
          }
          seen.set(key, keyStart);
          entries.push({ key, keyStart, value: value.node });
        }
        this.index++;
        return this.registered(event, { kind: "mapping", start: event.start, entries }, size);
      }
      case EVENT_ID.ALIAS: {
        const name = this.source.slice(event.anchorStart, event.anchorEnd);
        const anchored = this.anchors.get(name);
        // The event's range is the name; the alias as written starts at its `*`.
        const start = Math.max(0, event.anchorStart - 1);
        if (anchored === undefined) {
          throw new YamlBuildError({ code: "SIT001", offset: start, message: `unknown alias "*${name}"` });
        }
        this.aliased = true;
        this.count(anchored.size, start);
        return anchored;
      }
      default:
        throw new Error(`unexpected YAML event ${event.type}`);
    }
  }

  private count(nodes: number, offset: number): void {
    this.expanded += nodes;
    if (this.expanded <= MAX_EXPANDED_NODES) return;
    throw new YamlBuildError(
      this.aliased
        ? { code: "SIT006", offset, message: `the document expands to more than ${MAX_EXPANDED_NODES} nodes through aliases` }
        : { code: "SIT005", offset, message: `the document holds more than ${MAX_EXPANDED_NODES} values; a definition holds a few dozen` },
    );
  }

  /** Tags on a list or mapping (`!!python/object/apply`) are refused as on values: sit builds no objects from them. */
  private refuseCollectionTag(event: { tagStart: number; tagEnd: number }): void {
    if (event.tagStart < 0) return;
    const tag = this.source.slice(event.tagStart, event.tagEnd);
    if (!COLLECTION_TAGS.has(tag)) throw new YamlBuildError({ code: "SIT001", offset: event.tagStart, message: `unsupported YAML tag "${tag}"` });
  }

  private registered(event: { anchorStart: number; anchorEnd: number }, node: YamlNode, size: number) {
    if (event.anchorStart >= 0) this.anchors.set(this.source.slice(event.anchorStart, event.anchorEnd), { node, size });
    return { node, size };
  }

  private scalarText(event: ScalarEvent): string {
    return event.valueStart < 0 ? "" : getScalarValue(this.source, event);
  }

  private scalar(event: ScalarEvent): YamlScalar {
    // A quoted value's range excludes its quotes; positions and quoted source include them.
    const quoted = event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED ? 1 : 0;
    const start = event.valueStart >= 0 ? event.valueStart - quoted : this.lastOffset;
    const end = event.valueStart >= 0 ? event.valueEnd + quoted : start;
    this.lastOffset = end;
    this.count(1, start);
    const text = this.scalarText(event);
    if (event.tagStart >= 0) {
      const tag = this.source.slice(event.tagStart, event.tagEnd);
      if (STRING_TAGS.has(tag)) return { kind: "scalar", start, end, value: text };
      const resolver = EXPLICIT_TAGS.get(tag);
      const value = resolver?.resolve(text, true, tag);
      if (resolver === undefined || value === NOT_RESOLVED || value === undefined) {
        throw new YamlBuildError({ code: "SIT001", offset: event.tagStart, message: `unsupported or mismatched YAML tag "${tag}"` });
      }
      return { kind: "scalar", start, end, value };
    }
    if (event.style !== SCALAR_STYLE.PLAIN) return { kind: "scalar", start, end, value: text };
    return { kind: "scalar", start, end, value: resolvePlainScalar(text) };
  }
}
