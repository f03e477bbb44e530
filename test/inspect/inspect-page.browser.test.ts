import { mkdirSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { buildSync } from "esbuild";
import { chromium, type Browser, type Page } from "playwright-core";
import { createHttpProcessor } from "../../packages/runtime/src/processors/http";
import type { TrackedPayload } from "../../packages/runtime/src/processors/processor-types";
import { CHROMIUM, CHROMIUM_ARGS, describeInBrowser, expectSoon } from "../docs/browser";
import { REPO_ROOT } from "../helpers/project";
import { frozenCli } from "../watch/watch-process";
import { inspectedProject } from "./inspected-project";
import { InspectProcess } from "./inspect-process";

/**
 * The inspector's page in a real headless Chromium: it lists the events received and each new one
 * without a reload, filters them, shows an event's payload on click, and shows hostile names and
 * values as text. A page served from another origin, as a development server is, sends its
 * events with sit's HTTP processor on page exit (the beacon): they arrive through CORS.
 */

const SCREENSHOT = join(REPO_ROOT, "test", "artifacts", "inspect-page.png");
const HOSTILE_NAME = '<img src=x onerror="window.pwned=1">';
const HOSTILE_KEY = "</script><script>window.pwned=2</script>";

/** The development server's page: tracks two events with the HTTP processor, which leave on page exit. */
function devPageScript(inspectorUrl: string): string {
  const source = `import { createHttpProcessor } from "./packages/runtime/src/processors/http";
const beacons = [];
const send = navigator.sendBeacon.bind(navigator);
navigator.sendBeacon = (url, data) => { beacons.push(url); return send(url, data); };
const processor = createHttpProcessor({ url: ${JSON.stringify(`${inspectorUrl}/v1/events`)}, flushIntervalMs: 60000 });
processor.trackEvent("create_snippet", { project: { id: 7 }, user: { id: "dev" }, additionalProperties: { label: "from the page" } });
processor.trackEvent("create_snippet", { project: { id: 7 }, additionalProperties: { label: "from the page" } });
Object.assign(window, { tracked: true, beacons });
`;
  const result = buildSync({ stdin: { contents: source, resolveDir: REPO_ROOT, loader: "ts" }, bundle: true, platform: "browser", format: "iife", target: "chrome120", write: false, logLevel: "error" });
  return result.outputFiles[0]!.text;
}

async function send(url: string, events: readonly [string, TrackedPayload][]): Promise<void> {
  const processor = createHttpProcessor({ url: `${url}/v1/events`, flushIntervalMs: 60_000, retry: false });
  for (const [name, payload] of events) processor.trackEvent(name, payload);
  await processor.shutdown();
}

describeInBrowser("the inspector's page in headless Chromium", () => {
  let browser: Browser;
  let sit: InspectProcess;
  let url: string;
  let page: Page;
  let devServer: Server | undefined;

  beforeAll(async () => {
    sit = new InspectProcess(frozenCli(), ["--port", "0"], inspectedProject());
    url = await sit.url();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    devServer?.closeAllConnections();
    devServer?.close();
    sit?.kill();
  });

  beforeEach(async () => {
    await fetch(`${url}/sit/events`, { method: "DELETE" });
    page = await browser.newPage();
  });

  afterEach(async () => {
    await page.close();
  });

  /** Each row's cells but the time. */
  const rows = async (): Promise<string[][]> => {
    const cells = await Promise.all((await page.locator("#events tr").all()).map((row) => row.locator("td").allTextContents()));
    return cells.map((row) => row.slice(1));
  };

  it("lists the events received, adds new ones live, filters them, shows a payload on click, and never runs what an event holds", async () => {
    await send(url, [
      ["create_snippet", { project: { id: 42 }, user: { id: "u1" }, additionalProperties: { label: "public", value: 2 } }],
      ["create_snippet", { project: { id: 42 }, user: { id: "u1" }, additionalProperties: { colour: "red" } }],
    ]);
    await sit.eventsReceived(2);
    await page.goto(`${url}/`);
    await expectSoon(rows, [
      ["bad", "create_snippet", "HTTP", "property colour is not declared"],
      ["good", "create_snippet", "HTTP", ""],
    ]);
    await expectSoon(() => page.textContent("#connection"), "live");

    await send(url, [[HOSTILE_NAME, { additionalProperties: { [HOSTILE_KEY]: "<b>bold</b>" } }]]);
    await expectSoon(rows, [
      ["bad", HOSTILE_NAME, "HTTP", `${JSON.stringify(HOSTILE_NAME)} is not an event of the definitions`],
      ["bad", "create_snippet", "HTTP", "property colour is not declared"],
      ["good", "create_snippet", "HTTP", ""],
    ]);
    expect(await page.textContent("#count")).toBe("3 events: 1 good, 2 bad");

    await page.selectOption("#filter-status", "good");
    await expectSoon(rows, [["good", "create_snippet", "HTTP", ""]]);
    await page.selectOption("#filter-status", "");
    await page.selectOption("#filter-event", HOSTILE_NAME);
    await expectSoon(rows, [["bad", HOSTILE_NAME, "HTTP", `${JSON.stringify(HOSTILE_NAME)} is not an event of the definitions`]]);
    await page.click("#events tr");
    await expectSoon(async () => JSON.parse((await page.textContent("#details-payload")) || "null") as unknown, { event: HOSTILE_NAME, sentAt: expect.any(String), additionalProperties: { [HOSTILE_KEY]: "<b>bold</b>" } });
    expect(await page.textContent("#details-problems")).toBe(`${JSON.stringify(HOSTILE_NAME)} is not an event of the definitions`);
    expect(await page.evaluate(() => (globalThis as { pwned?: unknown }).pwned)).toBeUndefined();
    expect(await page.$$("img, b, main script")).toHaveLength(0);
    await page.selectOption("#filter-event", "");

    mkdirSync(join(REPO_ROOT, "test", "artifacts"), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    await page.click("#clear");
    await expectSoon(rows, []);
    expect((await sit.events()).events).toEqual([]);
  });

  it("receives the HTTP processor's page-exit beacon from a development server on another origin", async () => {
    const script = devPageScript(url);
    devServer = createServer((request, response) => {
      if (request.url === "/page.js") response.writeHead(200, { "Content-Type": "text/javascript" }).end(script);
      else response.writeHead(200, { "Content-Type": "text/html" }).end('<!doctype html><title>app</title><script src="/page.js"></script>');
    });
    await new Promise<void>((resolve) => devServer!.listen(0, "127.0.0.1", resolve));
    const devOrigin = `http://localhost:${(devServer.address() as AddressInfo).port}`;

    await page.goto(`${devOrigin}/`);
    await page.waitForFunction(() => (globalThis as { tracked?: boolean }).tracked === true);
    await page.evaluate(() => {
      const { document } = globalThis as unknown as { document: EventTarget };
      Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
      document.dispatchEvent(new Event("visibilitychange"));
    });
    const list = await sit.eventsReceived(2);
    expect(await page.evaluate(() => (globalThis as { beacons?: string[] }).beacons)).toEqual([`${url}/v1/events`]);
    expect(list.events.map(({ event, status, problems }) => ({ event, status, problems }))).toEqual([
      { event: "create_snippet", status: "good", problems: [] },
      { event: "create_snippet", status: "bad", problems: ["identifier user is missing (it comes from the tracking context: is setTrackingContext called first?)"] },
    ]);
  });
});
