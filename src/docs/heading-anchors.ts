/** Characters GitHub leaves out of a heading's anchor: all but letters, marks, digits, `_`, `-` and spaces. */
const NOT_IN_ANCHOR = /[^\p{L}\p{M}\p{Nd}\p{Pc} -]/gu;

/** GitHub's anchor of a heading's text: `Order Completed` → `order-completed`, `create_snippet` as it is. */
export const headingAnchorOf = (text: string): string => text.toLowerCase().replace(NOT_IN_ANCHOR, "").replace(/ /g, "-");

/**
 * The anchors of a document's headings, in document order, as GitHub numbers repeats (`-1`,
 * `-2`…); a numbered anchor that another heading already has is skipped, so every anchor is unique.
 * `taken`: the anchors of the headings before the first one asked for.
 */
export function headingAnchors(taken: readonly string[]): (text: string) => string {
  const used = new Set(taken);
  const repeats = new Map<string, number>();
  return (text) => {
    const base = headingAnchorOf(text);
    let anchor = base;
    while (used.has(anchor)) {
      const count = (repeats.get(base) ?? 0) + 1;
      repeats.set(base, count);
      anchor = `${base}-${count}`;
    }
    used.add(anchor);
    return anchor;
  };
}
