import { headingAnchorOf, headingAnchors } from "../../src/docs/heading-anchors";

describe("heading anchors, as GitHub makes them", () => {
  it.each([
    ["create_snippet", "create_snippet"],
    ["Order Completed", "order-completed"],
    ["Événement créé", "événement-créé"],
    ["Hostile | `c` <script>x.y = 'z'</script>", "hostile--c-scriptxy--zscript"],
    ["order-completed", "order-completed"],
    ["!!!", ""],
  ])("the anchor of %j is %j", (text, expected) => {
    expect(headingAnchorOf(text)).toBe(expected);
  });

  it("numbers repeats in document order, after the headings already taken, and never gives one anchor twice", () => {
    const anchorOf = headingAnchors(["events-dictionary"]);
    expect(["Events Dictionary", "Order Completed", "order completed", "Order-Completed", "order-completed-1", "Order Completed"].map(anchorOf)).toEqual([
      "events-dictionary-1",
      "order-completed",
      "order-completed-1",
      "order-completed-2",
      "order-completed-1-1",
      "order-completed-3",
    ]);
  });
});
