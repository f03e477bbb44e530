/** Run after compiling: prints what the processor received and what onError heard, as JSON. */
import { configureTracking, flush, trackEvent, trackOrderCompleted, trackUnionType } from "../generated/index.js";
import { checkEvents } from "../generated/validation.js";
import { received } from "../src/processors.js";

declare const console: { log(text: string): void };

const errors: { readonly eventName: string | undefined; readonly message: string }[] = [];
configureTracking({
  onError: (error, { eventName }) => errors.push({ eventName, message: error instanceof Error ? error.message : String(error) }),
  validate: checkEvents,
});

trackOrderCompleted({ additionalProperties: { order_id: "o-1", products: [{ sku: "A1", quantity: 2 }], coupon: "SPRING24", shipping: { address: { city: "Lyon" } } } });
trackUnionType({ additionalProperties: { universe_name: null } });
// From JavaScript, what TypeScript would have refused: checkEvents names each violation.
trackEvent("Order Completed", JSON.parse('{"additionalProperties":{"order_id":"o-2","coupon":"no!","products":[{"sku":"A1","quantity":0}]}}'));
trackEvent("Union Type", JSON.parse('{"additionalProperties":{"universe_name":1.5}}'));

void flush().then(() => console.log(JSON.stringify({ received, errors })));
