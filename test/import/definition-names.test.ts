import { definitionNames } from "../../src/import/definition-names";

const names = (actions: string[], existing: Parameters<typeof definitionNames>[1] = []) =>
  Object.fromEntries([...definitionNames(actions, existing)].map(([action, named]) => [action, [named.relativePath, named.functionName ?? `(${named.generatedFunction})`]]));

describe("definitionNames", () => {
  it("names files after the action's slug and keeps the derived function name", () => {
    expect(names(["Order Completed", "sign_in", "42_--terrible==\\\"event'++name~!3"])).toEqual({
      "Order Completed": ["order_completed.yml", "(trackOrderCompleted)"],
      sign_in: ["sign_in.yml", "(trackSignIn)"],
      "42_--terrible==\\\"event'++name~!3": ["42_terrible_event_name_3.yml", "(track42TerribleEventName3)"],
    });
  });

  it("keeps both events whose names collide once normalised, whatever order the plan lists them in", () => {
    const expected = {
      "Event Collided": ["Event Collided.yml", "(trackEventCollided)"],
      event_collided: ["event_collided.yml", "trackEventCollided2"],
    };
    expect(names(["Event Collided", "event_collided"])).toEqual(expected);
    expect(names(["event_collided", "Event Collided"])).toEqual(expected);
  });

  it("numbers files when the action cannot be a file name everywhere, and compares file names as a case-insensitive file system does", () => {
    expect(names(["Order: Completed", "order completed", "Order Completed"])).toEqual({
      "Order Completed": ["order_completed.yml", "(trackOrderCompleted)"],
      "Order: Completed": ["order_completed_2.yml", "trackOrderCompleted2"],
      "order completed": ["order completed.yml", "trackOrderCompleted3"],
    });
  });

  it("gives a function name to an action without a word, and to one whose name the SDK uses itself", () => {
    expect(names(["!!!", "Event", "Café Ordered", "Cafe Ordered"])).toEqual({
      "!!!": ["!!!.yml", "trackEvent2"],
      Event: ["event.yml", "trackEvent3"],
      "Cafe Ordered": ["cafe_ordered.yml", "(trackCafeOrdered)"],
      "Café Ordered": ["café_ordered.yml", "(trackCaféOrdered)"],
    });
  });

  it("replaces the file of an event the project has, and avoids the names other files take (in any letter case)", () => {
    const existing = [
      { action: "Order Completed", relativePath: "shop/order.yml", generatedNames: ["trackOrderCompleted", "OrderCompletedArgs", "OrderCompletedShapes"] },
      { action: "sign_in", relativePath: "sign_in.yml", generatedNames: ["trackSignIn", "SignInArgs", "SignInShapes"] },
      { action: undefined, relativePath: "broken.yml", generatedNames: [] },
    ];
    expect(names(["Order Completed", "Sign In", "Broken"], existing)).toEqual({
      "Order Completed": ["shop/order.yml", "(trackOrderCompleted)"],
      "Sign In": ["Sign In.yml", "trackSignIn2"],
      Broken: ["broken_2.yml", "(trackBroken)"],
    });
    const renamed = definitionNames(["Sign In"], existing).get("Sign In")!;
    expect(renamed.renamedBecause).toBe('"sign_in" makes `trackSignIn` too');
  });
});
