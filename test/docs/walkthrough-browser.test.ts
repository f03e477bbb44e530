import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { packRuntime, packSit } from "../helpers/packed-package";
import { makeProject, REPO_ROOT } from "../helpers/project";
import { CHROMIUM, CHROMIUM_ARGS, describeInBrowser } from "./browser";
import { readDocSteps, runStep, startBackground, type BackgroundProcess, type DocStep } from "./doc-steps";

/**
 * docs/walkthrough-browser.md, followed to the letter: its commands and files, in its order, in
 * an empty folder with the packed sit-tracking (Vite builds the page); then its collector, which
 * serves the built page, and the page opened in headless Chromium. The event must reach the
 * collector exactly as the doc shows it. The README's example is this project's, so it is held
 * to the same files.
 */

const DOC = readFileSync(join(REPO_ROOT, "docs", "walkthrough-browser.md"), "utf8");
const README = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
const SCREENSHOT = join(REPO_ROOT, "test", "artifacts", "walkthrough-browser.png");

/** The contents of the README's fenced blocks of a language. */
const readmeBlocks = (language: string): string[] => [...README.matchAll(new RegExp(`^\`\`\`${language}\n([\\s\\S]*?)^\`\`\`$`, "gm"))].map((match) => match[1]!);

describeInBrowser("docs/walkthrough-browser.md", () => {
  it("takes an empty folder to a Vite page whose first event reaches the collector", async () => {
    const project = join(makeProject({}), "hello-sit");
    mkdirSync(project);
    const steps = readDocSteps(DOC);
    const background = steps.filter((step): step is DocStep & { kind: "background" } => step.kind === "background");
    expect(background.map((step) => step.script.trim())).toEqual(["node collector.mjs"]);

    const tarballs = { "sit-tracking": packSit(), "sit-tracking-runtime": packRuntime() };
    for (const step of steps) if (step.kind !== "background") runStep(step, { project, tarballs });

    // The README's definition, generated function, typo and compile error are this project's.
    expect(readmeBlocks("yaml")).toContain(readFileSync(join(project, "definitions", "view_home_page.yml"), "utf8"));
    const generated = readFileSync(join(project, "generated", "index.ts"), "utf8");
    const declaration = readmeBlocks("ts").find((block) => block.includes("export interface ViewHomePageArgs"));
    expect(generated).toContain(declaration!.replace(/\): void;\n$/, "): void {\n"));
    const typo = steps.find((step): step is DocStep & { kind: "file" } => step.kind === "file" && step.path === "src/typo.ts");
    const error = steps.find((step): step is DocStep & { kind: "console" } => step.kind === "console" && step.command === "npx tsc");
    expect(readmeBlocks("ts")).toContain(typo!.content);
    expect(readmeBlocks("text")).toContain(`${error!.output}\n`);

    let collector: BackgroundProcess | undefined;
    let browser: Browser | undefined;
    try {
      collector = startBackground(background[0]!, project, { PORT: "0" });
      const [, pageUrl] = await collector.waitFor(/Open (http:\/\/127\.0\.0\.1:\d+\/)/);
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      const page = await browser.newPage({ viewport: { width: 800, height: 300 } });
      await page.goto(pageUrl!);
      await page.waitForFunction("document.querySelector('#status').textContent === 'Tracked view_home_page.'");

      // The processor sends within five seconds while the page stays open.
      const [received] = await collector.waitFor(/^view_home_page .*$/m, 20_000);
      expect(received).toBe('view_home_page {"user":7,"additionalProperties":{"label":"direct"}}');
      expect(DOC).toContain(`\`\`\`text\n${received}\n\`\`\``);

      mkdirSync(join(REPO_ROOT, "test", "artifacts"), { recursive: true });
      await page.screenshot({ path: SCREENSHOT });
      expect(readFileSync(SCREENSHOT).subarray(1, 4).toString()).toBe("PNG");
    } finally {
      await browser?.close();
      await collector?.stop();
    }
  }, 600_000);
});
