import { existsSync } from "node:fs";
import type { Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

// In CI a missing browser fails the tests; on a developer machine without it they are skipped, loudly.
const runInBrowser = existsSync(CHROMIUM) || process.env["CI"] !== undefined;
if (!runInBrowser) console.warn(`Skipping the events dictionary browser tests: ${CHROMIUM} is not installed (apt-get install chromium).`);
export const describeInBrowser = runInBrowser ? describe : describe.skip;

/**
 * Resolves after the next frame: the page applies typed search text in an animation frame.
 * (Page code is passed as text: sit's tests compile without the DOM's types.)
 */
export const nextFrame = async (page: Page): Promise<void> => {
  await page.evaluate("new Promise((resolve) => requestAnimationFrame(() => resolve()))");
};
