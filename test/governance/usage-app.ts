/**
 * A small application using a generated SDK in every way `sit usage` must follow (and some it
 * must not count), as files written into a temporary folder: the repository's tsconfig would
 * otherwise type-check it without the SDK generated and without its paths alias.
 */

const event = (action: string, extra = ""): string => `description: ${action.replace(/_/g, " ")} happens
internal_events: true
action: ${action}
product_group: source_code
milestone: '18.0'
introduced_by_url: https://gitlab.com/acme/app/-/merge_requests/1
tiers: [free]
${extra}`;

const removed = "status: removed\nmilestone_removed: '18.2'\nremoved_by_url: https://gitlab.com/acme/app/-/merge_requests/2\n";

export const USAGE_APP: Readonly<Record<string, string>> = {
  "sit.config.yaml": `definitions: definitions
output: generated
processors:
  InternalEvents: { module: ./src/tracking/internal-events, export: InternalEvents }
defaultProcessors: [InternalEvents]
`,
  "tsconfig.json": `${JSON.stringify(
    {
      compilerOptions: {
        target: "es2022",
        module: "esnext",
        moduleResolution: "bundler",
        strict: true,
        noEmit: true,
        allowJs: true,
        skipLibCheck: true,
        types: [],
        paths: { "@tracking": ["./generated/index.ts"] },
      },
      include: ["src", "generated"],
    },
    null,
    2,
  )}\n`,
  "definitions/create_snippet.yml": event("create_snippet"),
  "definitions/view_snippet.yml": event("view_snippet"),
  "definitions/star_snippet.yml": event("star_snippet"),
  "definitions/share_snippet.yml": event("share_snippet"),
  "definitions/fork_snippet.yml": event("fork_snippet"),
  "definitions/search_snippets.yml": event("search_snippets"),
  "definitions/run_snippet.yml": event("run_snippet"),
  "definitions/copy_snippet.yml": event("copy_snippet"),
  "definitions/open_palette.yml": event("open_palette"),
  "definitions/open_menu.yml": event("open_menu"),
  "definitions/delete_snippet.yml": event("delete_snippet"),
  "definitions/ping_server.yml": event("ping_server"),
  "definitions/removed/open_gallery.yml": event("open_gallery", removed),
  "definitions/removed/old_search.yml": event("old_search", removed),

  "src/tracking/internal-events.ts": `export const InternalEvents = {
  trackEvent(_eventName: string, _payload: unknown): void {},
};
`,
  // A direct call.
  "src/direct.ts": `import { trackCreateSnippet } from "../generated/index.js";

export function onCreate(): void {
  trackCreateSnippet();
}
`,
  // A renamed import.
  "src/renamed.ts": `import { trackViewSnippet as viewed } from "../generated/index.js";

export const onView = (): void => viewed();
`,
  // A namespace import, and a member picked by a computed name.
  "src/namespace.ts": `import * as tracking from "../generated/index.js";

export function onStar(): void {
  tracking.trackStarSnippet();
}

export function byName(key: "trackStarSnippet" | "trackCopySnippet"): void {
  tracking[key]();
}
`,
  // A barrel that re-exports under another name, and a file importing from it.
  "src/analytics/index.ts": `export { trackShareSnippet as shareTracked, trackEvent } from "../../generated/index.js";
`,
  "src/share.ts": `import { shareTracked } from "./analytics/index.js";

export function onShare(): void {
  shareTracked();
}
`,
  // A paths alias (tsconfig.json).
  "src/fork.ts": `import { trackForkSnippet } from "@tracking";

export function onFork(): void {
  trackForkSnippet();
}
`,
  // trackEvent with a literal, and with a constant whose type is a literal.
  "src/search.ts": `import { trackEvent } from "./analytics/index.js";

const RUN = "run_snippet";

export function onSearch(): void {
  trackEvent("search_snippets");
  trackEvent(RUN);
}
`,
  // A dynamic name.
  "src/dynamic.ts": `import { trackEvent, type EventName } from "../generated/index.js";

export function track(name: EventName): void {
  trackEvent(name);
}
`,
  // A reference passed along rather than called.
  "src/reference.ts": `import { trackCopySnippet } from "../generated/index.js";

export const handlers: Record<string, () => void> = { copy: trackCopySnippet };
`,
  // CommonJS and ES module JavaScript.
  "src/legacy.cjs": `const { trackOpenPalette } = require("../generated/index.js");

module.exports.onPalette = () => trackOpenPalette();
`,
  "src/menu.js": `import { trackOpenMenu, trackEvent } from "../generated/index.js";

export const onMenu = () => trackOpenMenu();
export const misspelled = () => trackEvent("no_such_event");
`,
  // Mentions that are no use: a comment, a string, a local function of the same name, and an
  // import shadowed by a parameter.
  "src/decoys.ts": `// trackDeleteSnippet() runs when a snippet is deleted (not here).
const label = "trackDeleteSnippet";

function trackDeleteSnippet(): string {
  return label;
}

export const decoy = trackDeleteSnippet();
`,
  "src/shadowed.ts": `import { trackPingServer } from "../generated/index.js";

export type Ping = typeof trackPingServer;

export function withCallback(trackPingServer: () => void): void {
  trackPingServer();
}
`,
  // A call to a removed event.
  "src/gallery.ts": `import { trackOpenGallery } from "../generated/index.js";

export function onGallery(): void {
  trackOpenGallery();
}
`,
};

/**
 * A team's own plan (issue 19): free event names, one of them with spaces, functions named by
 * `function_name` (one not even starting with `track`), an identifier from the tracking context.
 */
export const SHOP_USAGE_APP: Readonly<Record<string, string>> = {
  "sit.config.yaml": `definitions: definitions
output: generated
processors:
  Shop::Collector: { module: ./src/processors, export: Collector }
defaultProcessors: [Shop::Collector]
identifiers:
  user: { type: "{ readonly id: string }", fromContext: true }
rules:
  eventNames: any
  propertyNames: any
  required: [description, action]
`,
  "tsconfig.json": USAGE_APP["tsconfig.json"]!,
  "definitions/order_completed.yml": "description: An order is paid\ninternal_events: true\naction: Order Completed\nidentifiers: [user]\n",
  "definitions/product_viewed.yml": "description: A product page is shown\ninternal_events: true\naction: Product Viewed\nfunction_name: recordProductView\n",
  "definitions/cart_emptied.yml": `description: The cart is emptied
internal_events: true
action: Cart Emptied
function_name: noteEmptyCart
${removed}`,
  "definitions/coupon_applied.yml": "description: A coupon is applied\ninternal_events: true\naction: Coupon Applied\nfunction_name: applyCoupon\n",
  "definitions/wish_listed.yml": "description: A product is wished for\ninternal_events: true\naction: Wish Listed\nfunction_name: trackWish\n",

  "src/processors.ts": `export const Collector = {
  trackEvent(_eventName: string, _payload: unknown): void {},
};
`,
  "src/shop.ts": `import { applyCoupon, noteEmptyCart, recordProductView, setTrackingContext, trackEvent } from "../generated/index.js";

setTrackingContext({ user: { id: "u1" } });

export function onPaid(): void {
  trackEvent("Order Completed");
}

export function onView(): void {
  recordProductView();
}

export function onEmpty(): void {
  noteEmptyCart();
}

export const onCoupon = applyCoupon;
`,
};
