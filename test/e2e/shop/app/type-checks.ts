/**
 * Compiled, never run: the shop's plan as its code calls it. The correct calls must type-check and
 * every misuse must be rejected.
 */
import { EVENTS } from "../generated/catalog.js";
import {
  setTrackingContext,
  trackEventCollided,
  trackEventCollidedSnake,
  trackOrderCompleted,
  trackProductViewed,
} from "../generated/index.js";

setTrackingContext({ user: { id: "u1", plan: "pro" } });
trackOrderCompleted({
  account: "acme",
  additionalProperties: { quantity: 2, products: [{ sku: "A1", price: 9.5 }, { sku: "B2" }], coupon: "SPRING24" },
});
trackProductViewed({
  additionalProperties: { "Product ID": "p-1", referrer: null, context: { anything: [1, "x"] }, dimensions: { width: 10, height: 20 } },
});
trackEventCollided();
trackEventCollidedSnake();
setTrackingContext({ user: undefined });

const orderCompleted: "Order Completed" = EVENTS["Order Completed"].action;
const tiers: readonly ("starter" | "pro" | "enterprise")[] | undefined = EVENTS["Order Completed"].tiers;
void [orderCompleted, tiers];

// @ts-expect-error a custom identifier of the wrong type: account is a string
trackOrderCompleted({ account: 42, additionalProperties: { quantity: 1 } });
// @ts-expect-error an array item without its required key: sku
trackOrderCompleted({ account: "a", additionalProperties: { quantity: 1, products: [{ price: 1 }] } });
// @ts-expect-error a required property left out: quantity
trackOrderCompleted({ account: "a", additionalProperties: { coupon: "ABCD" } });
// @ts-expect-error a string for an integer
trackOrderCompleted({ account: "a", additionalProperties: { quantity: "2" } });
// @ts-expect-error a context identifier passed per call: user comes from setTrackingContext
trackOrderCompleted({ account: "a", user: { id: "u", plan: "pro" }, additionalProperties: { quantity: 1 } });
// @ts-expect-error a context value of the wrong type: the plan is free or pro
setTrackingContext({ user: { id: "u", plan: "enterprise" } });
// @ts-expect-error an undeclared key in an array item's object
trackOrderCompleted({ account: "a", additionalProperties: { quantity: 1, products: [{ sku: "x", colour: "red" }] } });
// @ts-expect-error null where the property does not allow it
trackProductViewed({ additionalProperties: { "Product ID": null } });
// @ts-expect-error an object without its required keys
trackProductViewed({ additionalProperties: { "Product ID": "p", dimensions: { width: 1 } } });
// @ts-expect-error the account is required
trackOrderCompleted({ additionalProperties: { quantity: 1 } });
