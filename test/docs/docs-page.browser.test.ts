import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { REPO_ROOT, runCli } from "../helpers/project";
import { CHROMIUM, CHROMIUM_ARGS, describeInBrowser, expectSoon } from "./browser";
import { docsProject, HOSTILE_TEXT } from "./docs-fixture";

const SCREENSHOT = join(REPO_ROOT, "test", "artifacts", "events-dictionary.png");

describeInBrowser("the events dictionary page in headless Chromium", () => {
  let browser: Browser;
  let pageUrl: string;
  let page: Page;
  let requests: string[];
  let dialogs: string[];

  beforeAll(async () => {
    const project = docsProject();
    expect(runCli(["docs"], project).code).toBe(0);
    pageUrl = pathToFileURL(join(project, "docs/events/index.html")).href;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    requests = [];
    dialogs = [];
    page.on("request", (request) => requests.push(request.url()));
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(pageUrl);
  });

  afterEach(async () => {
    await page.close();
  });

  const row = (action: string) => page.locator(`#event-${action}`);
  /** The actions the list shows, once it shows `expected`. */
  const expectActions = (expected: unknown) => expectSoon(() => page.locator("#events > li.event summary > code").allTextContents(), expected);
  const expectText = (selector: string, expected: string) => expectSoon(() => page.locator(selector).textContent(), expected);

  it("loads nothing but itself and lists every event by action", async () => {
    await expectText("#count", "5 events");
    await expectActions(["click_banner", "create_snippet", "delete_snippet", "hostile_event", "view_dashboard"]);
    expect(requests).toEqual([pageUrl]);
  });

  it("narrows the list as the search text is typed, matching descriptions and properties", async () => {
    await page.fill("#search", "snippet");
    await expectActions(["click_banner", "create_snippet", "delete_snippet"]);
    await expectText("#count", "3 of 5 events match");
    await page.fill("#search", "PROMPT tokens");
    await expectActions(["create_snippet"]);
    await page.fill("#search", "no such words");
    await expectText("#events .empty", "No event matches.");
    await page.fill("#search", "");
    await expectActions(["click_banner", "create_snippet", "delete_snippet", "hostile_event", "view_dashboard"]);
  });

  it("filters by product group, tier, tracker, status and kind, alone and combined with the search", async () => {
    await page.selectOption("#filter-group", "source_code");
    await expectActions(["create_snippet", "delete_snippet"]);
    await page.fill("#search", "deleted");
    await expectActions(["delete_snippet"]);
    await expectSoon(async () => new URL(page.url()).hash, "#q=deleted&group=source_code");

    await page.fill("#search", "");
    await page.selectOption("#filter-group", "");
    await page.selectOption("#filter-tier", "ultimate");
    await expectActions(["create_snippet", "hostile_event"]);
    await page.selectOption("#filter-tracker", "Gitlab::Tracking::AiTracking");
    await expectActions(["create_snippet"]);
    await page.selectOption("#filter-tier", "");
    await page.selectOption("#filter-tracker", "");
    await page.selectOption("#filter-status", "removed");
    await expectActions(["delete_snippet"]);
    await page.selectOption("#filter-status", "");
    await page.selectOption("#filter-kind", "legacy");
    await expectActions(["click_banner"]);
  });

  it("restores the search and filters from the address", async () => {
    await page.goto(`${pageUrl}#q=snippet&status=active`);
    await expectActions(["click_banner", "create_snippet"]);
    expect(await page.inputValue("#search")).toBe("snippet");
    expect(await page.inputValue("#filter-status")).toBe("active");
  });

  it("marks legacy and removed events visibly, and shows an event's details when opened", async () => {
    await expectSoon(() => row("click_banner").locator(".badge.legacy").isVisible(), true);
    expect(await row("delete_snippet").locator(".badge.removed").textContent()).toBe("removed in 18.2");
    expect(await row("create_snippet").locator(".badge.legacy").count()).toBe(0);

    await row("click_banner").locator("summary").click();
    await expectSoon(() => row("click_banner").locator(".event-body").innerText(), expect.stringMatching(/^Legacy definition: documented only, no tracking function is generated\./));

    await row("create_snippet").locator("summary").click();
    const body = row("create_snippet").locator(".event-body");
    await expectSoon(() => body.locator("dl").innerText(), expect.stringMatching(/Trackers, in call order\s+InternalEvents → Gitlab::Tracking::AiTracking/));
    const table = async () => Promise.all((await body.locator("table tbody tr").all()).map((tr) => tr.locator("td").allInnerTexts()));
    await expectSoon(table, [
      ["label", "string", "no", '"private", "public"', "Visibility of the snippet"],
      ["value", "number (integer)", "yes", "", "Number of files"],
      ["language", "string | number", "no", "", "Main language | with a pipe"],
      ["prompt_tokens", "number (integer)", "no", "", "Tokens in the prompt\nProtected: sent only to Gitlab::Tracking::AiTracking."],
    ]);

    await row("delete_snippet").locator("summary").click();
    const removal = row("delete_snippet").locator("dd a");
    await expectSoon(() => removal.allTextContents(), ["introduced by", "removed by"]);
    expect(await removal.last().getAttribute("href")).toBe("https://gitlab.com/gitlab-org/gitlab/-/merge_requests/3");

    mkdirSync(join(REPO_ROOT, "test", "artifacts"), { recursive: true });
    await page.setViewportSize({ width: 1280, height: 1100 });
    await page.evaluate("window.scrollTo(0, 0)");
    await page.screenshot({ path: SCREENSHOT });
    expect(readFileSync(SCREENSHOT).subarray(1, 4).toString()).toBe("PNG");
  });

  it("shows hostile definition text as text: no script runs, no element is injected, no javascript: link", async () => {
    await row("hostile_event").locator("summary").click();
    const body = row("hostile_event").locator(".event-body");
    // Every count of what must be absent comes once the details are built, or it would prove nothing.
    await expectSoon(() => body.locator("dl").innerText(), expect.stringContaining("introduced by: javascript:alert(1)"));
    expect(await body.locator("p").first().textContent()).toBe(HOSTILE_TEXT);
    expect(await row("hostile_event").locator(".badge").first().textContent()).toBe(`"><img src=x onerror=alert(1)>`);
    expect(await page.evaluate("typeof window.__sitXss")).toBe("undefined");
    expect(await page.locator("img").count()).toBe(0);
    expect(await page.locator("script").count()).toBe(2);
    expect(await body.locator("a").count()).toBe(0);
    expect(dialogs).toEqual([]);
  });
});
