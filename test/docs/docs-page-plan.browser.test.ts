import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { REPO_ROOT, runCli } from "../helpers/project";
import { CHROMIUM, CHROMIUM_ARGS, describeInBrowser, expectSoon } from "./browser";
import { HOSTILE_NAME, shopProject } from "./docs-fixture";

const SCREENSHOT = join(REPO_ROOT, "test", "artifacts", "events-dictionary-plan.png");

describeInBrowser("the events dictionary page of a team's plan in headless Chromium", () => {
  let browser: Browser;
  let pageUrl: string;
  let page: Page;

  beforeAll(async () => {
    const project = shopProject();
    expect(runCli(["docs"], project).code).toBe(0);
    pageUrl = pathToFileURL(join(project, "docs/events/index.html")).href;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(pageUrl);
  });

  afterEach(async () => {
    await page.close();
  });

  const row = (anchor: string) => page.locator(`[id="event-${anchor}"]`);
  const open = async (anchor: string) => {
    await row(anchor).locator("summary").click();
    await row(anchor).locator(".event-body").waitFor();
    return row(anchor).locator(".event-body");
  };
  const facts = async (body: ReturnType<Page["locator"]>) => {
    const terms = await body.locator("dt").allInnerTexts();
    const values = await body.locator("dd").allInnerTexts();
    return terms.map((term, index) => [term, values[index]]);
  };

  it("lists the events by name as written, each under its own valid id, and filters by the plan's own groups and tiers", async () => {
    const actions = ["Cart Updated", "Event Collided", "Events Dictionary", HOSTILE_NAME.replace("a|b", "Hostile |"), "Order Completed", "Product Viewed", "event_collided", "order completed"];
    await expectSoon(() => page.locator("#events > li.event summary > code").allTextContents(), actions);
    const ids = await page.locator("#events > li.event").evaluateAll((items) => items.map((item) => item.id));
    expect(ids).toEqual([
      "event-cart-updated",
      "event-event-collided",
      "event-events-dictionary-1",
      "event-hostile--c-scriptwindow__sitxss--namescript",
      "event-order-completed",
      "event-product-viewed",
      "event-event_collided",
      "event-order-completed-1",
    ]);
    expect(await page.locator("#filter-group option").allTextContents()).toEqual(["all", "checkout"]);
    expect(await page.locator("#filter-tier option").allTextContents()).toEqual(["all", "starter", "pro", "enterprise"]);
    await page.selectOption("#filter-tier", "starter");
    await expectSoon(() => page.locator("#events > li.event summary > code").allTextContents(), ["Cart Updated", "event_collided"]);
    await page.selectOption("#filter-tier", "");
    await page.selectOption("#filter-group", "checkout");
    await expectSoon(() => page.locator("#events > li.event summary > code").allTextContents(), ["Cart Updated"]);
  });

  it("shows nested properties as indented rows, with required-ness at each level, values and constraints", async () => {
    const body = await open("cart-updated");
    const cells = async () => Promise.all((await body.locator("table tbody tr").all()).map((tr) => tr.locator("td").allInnerTexts()));
    await expectSoon(cells, [
      ["lines", "object[]", "yes", "", "the cart's lines"],
      ["lines[].sku", "string", "yes", "2 ≤ length ≤ 12", "stock keeping unit"],
      ["lines[].options", "object | null", "no", "", "what the buyer chose"],
      ['lines[].options["Gift Wrap"]', "boolean", "no", "", "wrapped as a gift"],
      ["lines[].options.sizes", "string[]", "no", "", ""],
      ["lines[].options.sizes[]", "string", "—", '"S", "M", "L"', "a size"],
      ["scores", "number[]", "no", "", "ratings shown"],
      ["scores[]", "number (integer)", "—", "0 ≤ scores[] ≤ 10", ""],
      [HOSTILE_NAME, "string", "no", "length ≤ 3", "a name with a pipe, backticks and a script"],
    ]);
    const indents = (await page.evaluate(
      `[...document.querySelectorAll('[id="event-cart-updated"] tbody td:first-child')].map((cell) => parseFloat(getComputedStyle(cell).paddingLeft))`,
    )) as number[];
    const [top, first, second, third] = [indents[0]!, indents[1]!, indents[3]!, indents[5]!];
    expect(top < first && first < second && second < third).toBe(true);
    expect(indents[6]).toBe(top);
    expect(await facts(body)).toEqual([
      ["Function", "trackCartUpdated()"],
      ["Product group", "checkout"],
      ["Tiers", "starter"],
      ["Milestone", "2.1"],
      ["Status", "active"],
      ["Identifiers", "account: string"],
      ["Trackers, in call order", "Shop::Collector"],
      ["Source", "definitions/cart_updated.yml"],
    ]);

    const order = await open("order-completed");
    await expectSoon(
      () => order.locator("dd ul.identifiers li").allInnerTexts(),
      ["account: string", "user: { readonly id: string; readonly plan: 'free' | 'pro' } (set once with setTrackingContext)"],
    );
    await page.setViewportSize({ width: 1280, height: 1300 });
    await page.evaluate("window.scrollTo(0, 0)");
    mkdirSync(join(REPO_ROOT, "test", "artifacts"), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    expect(readFileSync(SCREENSHOT).subarray(1, 4).toString()).toBe("PNG");
  });

  it("leaves out the product group, tiers and milestone a definition does not give, badge included", async () => {
    const body = await open("event-collided");
    expect(await facts(body)).toEqual([
      ["Function", "trackEventCollided()"],
      ["Status", "active"],
      ["Identifiers", "none"],
      ["Trackers, in call order", "Shop::Collector"],
      ["Source", "definitions/Event Collided.yml"],
    ]);
    expect(await row("event-collided").locator(".badge").count()).toBe(0);
  });

  it("shows hostile event and property names as text, and runs none of them", async () => {
    const body = await open("hostile--c-scriptwindow__sitxss--namescript");
    expect(await row("hostile--c-scriptwindow__sitxss--namescript").locator("summary > code").textContent()).toBe(HOSTILE_NAME.replace("a|b", "Hostile |"));
    await expectSoon(() => body.locator("dd").first().innerText(), "trackHostileName()");
    await open("cart-updated");
    await expectSoon(() => row("cart-updated").locator("tbody tr").last().locator("td code").first().textContent(), HOSTILE_NAME);
    expect(await page.evaluate("typeof window.__sitXss")).toBe("undefined");
    expect(await page.locator("script").count()).toBe(2);
  });
});
