import { statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { makeProject, runCli } from "../helpers/project";
import { CHROMIUM, CHROMIUM_ARGS, describeInBrowser, expectSoon } from "./browser";

describeInBrowser("the events dictionary page at 10,000 events", () => {
  let browser: Browser;

  afterAll(async () => {
    await browser?.close();
  });

  it("stays light and searchable", async () => {
    const files: Record<string, string> = {};
    for (let index = 0; index < 10_000; index++) {
      const action = `event_${String(index).padStart(5, "0")}`;
      files[`definitions/group_${index % 40}/${action}.yml`] = `description: Event number ${index} of the load test
internal_events: true
action: ${action}
identifiers: [user, project]
additional_properties:
  label:
    description: Where it happened
  value:
    description: How many
  custom_${index % 7}:
    description: A custom property
product_group: group_${index % 40}
milestone: '18.${index % 10}'
introduced_by_url: https://gitlab.com/gitlab-org/gitlab/-/merge_requests/${index}
tiers: [free, premium, ultimate]
${index % 50 === 0 ? "status: removed\nmilestone_removed: '18.9'\nremoved_by_url: https://gitlab.com/gitlab-org/gitlab/-/merge_requests/1\n" : ""}`;
    }
    const project = makeProject({ "sit.config.yaml": "defaultProcessors: []\n", ...files });
    const started = performance.now();
    const result = runCli(["docs"], project);
    const docsMilliseconds = performance.now() - started;
    expect(result.code).toBe(0);
    const html = join(project, "docs/events/index.html");

    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const opened = performance.now();
    await page.goto(pathToFileURL(html).href);
    await page.locator("#events > li.event").first().waitFor();
    const loadMilliseconds = performance.now() - opened;
    await expectSoon(() => page.locator("#count").textContent(), "10000 events");
    await expectSoon(() => page.locator("#events > li.event").count(), 100);

    const searched = performance.now();
    await page.fill("#search", "number 4321 ");
    await expectSoon(() => page.locator("#events > li.event summary > code").allTextContents(), ["event_04321"]);
    const searchMilliseconds = performance.now() - searched;

    await page.fill("#search", "");
    await page.selectOption("#filter-group", "group_3");
    await expectSoon(() => page.locator("#count").textContent(), "250 of 10000 events match");
    // Scrolling to the end of the list renders the next rows, a page at a time, until all are there.
    let rows = 100;
    for (let scrolls = 0; scrolls < 5 && (await page.locator("#more").isVisible()); scrolls++) {
      await page.locator("#more").scrollIntoViewIfNeeded();
      await page.locator("#events > li.event").nth(rows).waitFor({ state: "attached" });
      rows = await page.locator("#events > li.event").count();
    }
    expect(rows).toBe(250);
    expect(await page.locator("#more").isHidden()).toBe(true);

    console.log(
      `10,000 events: sit docs ${Math.round(docsMilliseconds)} ms, index.html ${(statSync(html).size / 1e6).toFixed(2)} MB, ` +
        `events.md ${(statSync(join(project, "docs/events/events.md")).size / 1e6).toFixed(2)} MB, ` +
        `page shows its first rows after ${Math.round(loadMilliseconds)} ms, a search in ${Math.round(searchMilliseconds)} ms`,
    );
  });
});
