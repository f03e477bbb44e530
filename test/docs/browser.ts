import { existsSync } from "node:fs";

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
 * Reads until the value matches `expected` (as `toEqual` matches) or `timeoutMs` passes, then
 * asserts it. The page changes after the action a test awaits (search text is applied in an
 * animation frame, an event's details are built in its `toggle` event), and playwright-core's
 * reads of several elements (`allTextContents`, `count`, `all`) return what is there at once.
 */
export async function expectSoon(read: () => Promise<unknown>, expected: unknown, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    try {
      expect(value).toEqual(expected);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
