/**
 * The few browser APIs the HTTP processor uses on page exit, declared here so that sit compiles
 * without the DOM library and runs unchanged in Node.js, where they are absent.
 */
interface BrowserGlobals {
  readonly document?: {
    readonly visibilityState: string;
    addEventListener(type: "visibilitychange", listener: () => void): void;
    removeEventListener(type: "visibilitychange", listener: () => void): void;
  };
  readonly addEventListener?: (type: "pagehide", listener: () => void) => void;
  readonly removeEventListener?: (type: "pagehide", listener: () => void) => void;
  readonly navigator?: { sendBeacon?(url: string, data: Blob): boolean };
  readonly location?: { readonly href: string };
}

const browser = globalThis as BrowserGlobals;

/**
 * Browsers refuse a beacon or keepalive request when the bodies of all those in flight from the
 * page, itself included, would exceed 64 KiB together (the Fetch standard's keepalive quota).
 */
export const PAGE_EXIT_LIMIT_BYTES = 64 * 1024;

/** True in a page (not in Node.js or a worker): where page exit exists. */
export function isBrowserPage(): boolean {
  return browser.document !== undefined && typeof browser.addEventListener === "function";
}

/** The page's address, against which a relative collector URL resolves. */
export function pageHref(): string | undefined {
  return browser.location?.href;
}

/**
 * Calls `onLeave` when the page is hidden or left: `visibilitychange` to hidden is the last
 * moment that is reliable on mobile, `pagehide` covers navigation where it is not fired. Calls
 * `onReturn` when a hidden page is shown again (it was not left after all). Returns a function
 * that removes the listeners.
 */
export function onPageExit(onLeave: () => void, onReturn: () => void): () => void {
  const document = browser.document;
  if (document === undefined || !isBrowserPage()) return () => {};
  const onVisibilityChange = (): void => {
    if (document.visibilityState === "hidden") onLeave();
    else onReturn();
  };
  browser.addEventListener?.("pagehide", onLeave);
  document.addEventListener("visibilitychange", onVisibilityChange);
  return () => {
    browser.removeEventListener?.("pagehide", onLeave);
    document.removeEventListener("visibilitychange", onVisibilityChange);
  };
}

/**
 * Sends `body` in a way that survives the page: `navigator.sendBeacon` (which cannot carry custom
 * headers), else `fetch` with `keepalive`. `onFailure` hears when neither was accepted.
 */
export function sendWhileLeaving(url: string, body: string, headers: Readonly<Record<string, string>>, onFailure: (error: unknown) => void): void {
  const sendBeacon = browser.navigator?.sendBeacon;
  if (Object.keys(headers).length === 0 && typeof sendBeacon === "function") {
    try {
      if (sendBeacon.call(browser.navigator, url, new Blob([body], { type: "application/json" }))) return;
    } catch {
      // Some browsers refuse a JSON beacon to another origin; keepalive fetch can still go.
    }
  }
  fetch(url, { method: "POST", headers: { ...headers, "Content-Type": "application/json" }, body, keepalive: true }).then(
    (response) => {
      if (!response.ok) onFailure(new Error(`the collector answered ${response.status} ${response.statusText}`.trimEnd()));
    },
    onFailure,
  );
}
