/** Run after compiling: prints what the processors received and what onError heard, as JSON. */
import { configureTracking, flush, setTrackingContext, trackEvent, trackOrderCompleted, trackProductViewed } from "../generated/index.js";
import { checkEvents } from "../generated/validation.js";
import { received } from "../src/processors.js";

declare const console: { log(text: string): void };

const errors: { readonly eventName: string | undefined; readonly message: string }[] = [];
configureTracking({
  onError: (error, { eventName }) => errors.push({ eventName, message: error instanceof Error ? error.message : String(error) }),
  validate: checkEvents,
});

// Before login: the context has no user yet.
trackOrderCompleted({ account: "acme", additionalProperties: { quantity: 1 } });
setTrackingContext({ user: { id: "u1", plan: "pro" } });
// Passed through a variable, an undeclared key inside an item is allowed by TypeScript: it is not sent.
const products = [{ sku: "A1", price: 9.5, internal: "not sent" }];
trackOrderCompleted({ account: "acme", additionalProperties: { quantity: 2, products, coupon: "SPRING24" } });
// From JavaScript, what TypeScript would have refused: checkEvents names each violation.
trackEvent("Order Completed", JSON.parse('{"account":"acme","additionalProperties":{"quantity":0,"coupon":"no!","products":[{"sku":"A1","price":-1}]}}'));
trackProductViewed({ additionalProperties: { "Product ID": "p-1", referrer: null, dimensions: { width: 3, height: 4 } } });
setTrackingContext({ user: undefined });

void flush().then(() => console.log(JSON.stringify({ received, errors })));
