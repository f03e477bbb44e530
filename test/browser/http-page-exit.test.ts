import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { buildSync } from "esbuild";
import { chromium, type Browser, type Page } from "playwright-core";
import { REPO_ROOT } from "../helpers/project";
import { assertPackageBuilt } from "../processors/built-package";
import { generatedSdkProject } from "../processors/generated-sdk-project";
import { range, startTestCollector, type CollectedEvent, type TestCollector } from "../processors/test-collector";

/**
 * The HTTP processor in a real headless Chromium: a page that bundles a generated SDK and the
 * processor (esbuild, as an application's build would), served by a local server that is also
 * the collector, tracks events and then navigates away. Events still waiting in the queue, or
 * waiting out a retry, must leave on page exit (sendBeacon) and arrive, each exactly once.
 */

const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const SCREENSHOT = join(REPO_ROOT, "test", "artifacts", "browser-http.png");

const runnable = existsSync(CHROMIUM) || process.env["CI"] !== undefined;
if (!runnable) console.warn(`test/browser skipped: ${CHROMIUM} is not installed (in CI, where CI is set, this test runs and fails instead)`);

/**
 * The application's page script: tracks `?events=N` events, each with a `language` of
 * `?padding=P` characters when given, then says so on the page. `flushTracking()` is the SDK's flush.
 */
const PAGE_SCRIPT = `import { flush, trackCreateSnippet } from "./generated/index";

const query = new URLSearchParams(location.search);
const count = Number(query.get("events"));
const padding = Number(query.get("padding") ?? 0);
for (let seq = 0; seq < count; seq += 1) {
  const language = padding > 0 ? { language: "x".repeat(padding) } : {};
  trackCreateSnippet({ user: { id: 7 }, project: { id: 42 }, additionalProperties: { label: "public", value: seq, ...language } });
}
document.body.textContent = "Tracked " + count + " events; they leave when this page is left.";
Object.assign(window, { tracked: count, flushTracking: flush });
`;

const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>sit HTTP processor</title></head>
<body style="font: 24px sans-serif; padding: 2em"><script src="/page.js"></script></body></html>
`;

/** The page script bundled for the browser, with the generated SDK and sit-tracking-runtime/processors/http. */
function bundlePage(): string {
  const { root } = generatedSdkProject({
    processors: { InternalEvents: "Collector", "Gitlab::Tracking::AiTracking": "Collector" },
    defaultProcessors: ["InternalEvents"],
    trackingModule: `import { createHttpProcessor } from "sit-tracking-runtime/processors/http";\n\nexport const Collector = createHttpProcessor({ url: "/collect", batchSize: 50, flushIntervalMs: 60_000 });\n`,
    files: { "page.ts": PAGE_SCRIPT },
  });
  const result = buildSync({ entryPoints: [join(root, "page.ts")], bundle: true, platform: "browser", format: "iife", target: "chrome120", write: false, logLevel: "error" });
  return result.outputFiles[0]!.text;
}

(runnable ? describe : describe.skip)("the HTTP processor in headless Chromium", () => {
  let browser: Browser;
  let collector: TestCollector;
  let page: Page;

  beforeAll(async () => {
    assertPackageBuilt();
    collector = await startTestCollector({
      "/": { contentType: "text/html", body: PAGE },
      "/page.js": { contentType: "text/javascript", body: bundlePage() },
      "/next": { contentType: "text/html", body: "<!doctype html><title>next</title><p>Another page</p>" },
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await collector?.close();
  });

  beforeEach(async () => {
    collector.requests.length = 0;
    collector.accepted.length = 0;
    collector.answerWith(() => ({ status: 200 }));
    page = await browser.newPage();
  });

  afterEach(async () => {
    await page.close();
  });

  const origin = (): string => new URL(collector.url).origin;
  /** The page numbers its events through the \`value\` property. */
  const valuesReceived = (): unknown[] => collector.accepted.map((event) => event.additionalProperties["value"]);

  async function trackOnPage(events: number, padding = 0): Promise<void> {
    await page.goto(`${origin()}/?events=${events}&padding=${padding}`);
    await page.waitForFunction((count) => (globalThis as { tracked?: number }).tracked === count, events);
  }

  /** What a switch to another tab does to the page, without leaving it. */
  async function setVisibility(state: "hidden" | "visible"): Promise<void> {
    await page.evaluate((value) => {
      const { document } = globalThis as unknown as { document: EventTarget };
      Object.defineProperty(document, "visibilityState", { configurable: true, get: () => value });
      document.dispatchEvent(new Event("visibilitychange"));
    }, state);
  }

  /** The `value` of each event in a request's body. */
  const valuesIn = (body: string): unknown[] => (JSON.parse(body) as { events: CollectedEvent[] }).events.map((event) => event.additionalProperties["value"]);

  /** Leaves the page and waits until the collector has `expected` events. */
  async function leaveAndCollect(expected: number): Promise<number> {
    const leftAt = performance.now();
    await page.goto(`${origin()}/next`);
    await collector.waitForEvents(expected);
    return leftAt;
  }

  it("sends the events waiting in the queue when the page is left", async () => {
    await trackOnPage(30);
    // Fewer than a batch, and a minute before the interval: nothing leaves while the page stays.
    await page.waitForTimeout(300);
    expect(collector.requests).toHaveLength(0);
    mkdirSync(join(REPO_ROOT, "test", "artifacts"), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });

    const leftAt = await leaveAndCollect(30);
    expect(valuesReceived()).toEqual(range(0, 30));
    expect(collector.accepted[0]).toEqual({ event: "create_snippet", sentAt: expect.any(String), user: 7, project: 42, additionalProperties: { label: "public", value: 0 } });
    for (const request of collector.requests) {
      expect(request.at).toBeGreaterThanOrEqual(leftAt);
      expect(request.headers["content-type"]).toBe("application/json");
    }
  });

  it("lets full batches already in flight finish (keepalive) and sends the rest on page exit, each event once", async () => {
    collector.answerWith(() => ({ status: 200, delayMs: 400 }));
    await trackOnPage(120);
    await leaveAndCollect(120);
    expect(valuesReceived()).toEqual(range(0, 120));
    expect(collector.requests.length).toBeGreaterThanOrEqual(3);
  });

  // Browsers refuse a beacon or keepalive request once those in flight from the page would carry
  // more than 64 KiB together: a first batch of 50 events of ~0.5 KB is in flight (keepalive) when
  // the page is hidden, and 250 more (~130 KB) wait.
  it("sends on page exit only the oldest waiting events the browsers' keepalive quota still holds, in one body", async () => {
    collector.answerWith((request) => (request.index === 0 ? { status: 200, delayMs: 1500 } : { status: 200 }));
    await trackOnPage(300, 400);
    await page.goto(`${origin()}/next`);
    await collector.waitForRequests(2);

    const [inFlight, beacon] = collector.requests;
    expect(valuesIn(inFlight!.body)).toEqual(range(0, 50));
    const carried = valuesIn(beacon!.body);
    expect(carried.length).toBeGreaterThan(0);
    expect(carried).toEqual(range(50, 50 + carried.length));
    expect(Buffer.byteLength(inFlight!.body) + Buffer.byteLength(beacon!.body)).toBeLessThanOrEqual(64 * 1024);
  });

  it("keeps what the quota cannot carry when the page is hidden, and delivers it if the page lives on, each event once", async () => {
    collector.answerWith((request) => (request.index === 0 ? { status: 200, delayMs: 1500 } : { status: 200 }));
    await trackOnPage(300, 400);
    await setVisibility("hidden");
    await collector.waitForRequests(2);
    await setVisibility("visible");
    await page.evaluate(() => (globalThis as unknown as { flushTracking(): Promise<void> }).flushTracking());

    await collector.waitForEvents(300);
    expect([...valuesReceived()].sort((a, b) => Number(a) - Number(b))).toEqual(range(0, 300));
  });

  it("sends a batch that waits to be retried on page exit instead of losing it", async () => {
    collector.answerWith((request) => (request.index === 0 ? { status: 503, headers: { "Retry-After": "30" } } : { status: 200 }));
    await trackOnPage(60);
    await collector.waitForRequests(1);
    await leaveAndCollect(60);
    expect(valuesReceived()).toEqual(range(0, 60));
  });
});
