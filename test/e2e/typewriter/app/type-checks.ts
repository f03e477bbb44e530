/**
 * Compiled, never run: every event of the imported plans as an application calls it. The correct
 * calls must type-check and every misuse must be rejected.
 */
import {
  track42TerribleEventName3,
  trackEmptyEvent,
  trackEvent,
  trackEventCollided,
  trackEventCollided2,
  trackEveryOptionalType,
  trackEveryRequiredType,
  trackNestedArrays,
  trackOrderCompleted,
  trackPhotoViewed,
  trackPropertiesCollided,
  trackSignedUp1,
  trackSignInFailed,
  trackSignInSucceeded,
  trackUnionType,
} from "../generated/index.js";

trackOrderCompleted({
  additionalProperties: {
    order_id: "o-1",
    products: [{ sku: "A1", quantity: 2, price: 9.5, tags: ["sale"] }, { sku: "B2", quantity: 1 }],
    revenue: 19,
    currency: "EUR",
    coupon: null,
    shipping: { address: { city: "Lyon", zip: null }, express: true },
  },
});
const every = {
  any: { anything: [1] },
  array: [1, "two", null],
  boolean: true,
  integer: 3,
  number: 2.5,
  object: { name: "Rick" },
  string: "s",
  "string with pattern": "Evil Morty",
  "nullable any": null,
  "nullable array": null,
  "nullable boolean": null,
  "nullable integer": null,
  "nullable number": null,
  "nullable object": null,
  "nullable string": null,
  "nullable string with pattern": null,
} as const;
trackEveryRequiredType({ additionalProperties: every });
trackEveryOptionalType();
trackEveryOptionalType({ additionalProperties: { "nullable object": { name: "Morty" }, integer: 1 } });
trackEventCollided();
trackEventCollided2();
trackPropertiesCollided({ additionalProperties: { "Property Collided": "title case", property_collided: "snake case" } });
track42TerribleEventName3({ additionalProperties: { "0000---terrible-property-name~!3": "kept as written" } });
trackUnionType({ additionalProperties: { universe_name: 137 } });
trackUnionType({ additionalProperties: { universe_name: null } });
trackNestedArrays({ additionalProperties: { universeCharacters: [[{ name: "Rick" }], []] } });
trackSignedUp1({ additionalProperties: { plan: "pro" } });
trackEmptyEvent();
trackSignInFailed({ additionalProperties: { id: "u1", numAttempts: 3, rememberMe: false } });
trackSignInSucceeded({ additionalProperties: { id: "u1" } });
trackPhotoViewed({ additionalProperties: { photo_id: "p1", filters: ["mono"] } });
trackEvent("Signed Up #1", { additionalProperties: { plan: "free" } });
trackEvent("42_--terrible==\\\"event'++name~!3", { additionalProperties: { "0000---terrible-property-name~!3": "x" } });

// @ts-expect-error a required property left out: order_id
trackOrderCompleted({ additionalProperties: { products: [] } });
// @ts-expect-error an array item without its required key: quantity
trackOrderCompleted({ additionalProperties: { order_id: "o", products: [{ sku: "A1" }] } });
// @ts-expect-error a value outside the enum
trackOrderCompleted({ additionalProperties: { order_id: "o", products: [], currency: "GBP" } });
// @ts-expect-error null where the plan does not allow it
trackOrderCompleted({ additionalProperties: { order_id: "o", products: [], revenue: null } });
// @ts-expect-error a nested object without its required key: city
trackOrderCompleted({ additionalProperties: { order_id: "o", products: [], shipping: { address: {} } } });
// @ts-expect-error an undeclared property
trackOrderCompleted({ additionalProperties: { order_id: "o", products: [], discount: 5 } });
// @ts-expect-error a required property of every type left out: "nullable object"
trackEveryRequiredType({ additionalProperties: { ...every, "nullable object": undefined } });
// @ts-expect-error a string where the plan says integer
trackEveryOptionalType({ additionalProperties: { integer: "1" } });
// @ts-expect-error a boolean where the union has none
trackUnionType({ additionalProperties: { universe_name: true } });
// @ts-expect-error an item of the inner array that is no object
trackNestedArrays({ additionalProperties: { universeCharacters: [["Rick"]] } });
// @ts-expect-error one of the two colliding properties left out
trackPropertiesCollided({ additionalProperties: { "Property Collided": "only one" } });
// @ts-expect-error the event's name as the plan's key, not as it is sent
trackEvent("Signed Up 1");
// @ts-expect-error the required id of the Typewriter 7 plan
trackSignInFailed({ additionalProperties: { numAttempts: 1 } });
// @ts-expect-error a filter outside the local plan's enum
trackPhotoViewed({ additionalProperties: { photo_id: "p", filters: ["sepia"] } });
