import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { packRuntime, packSit } from "../helpers/packed-package";
import { makeProject, REPO_ROOT } from "../helpers/project";
import { readDocSteps, runStep, startBackground, type BackgroundProcess, type DocStep } from "./doc-steps";

/**
 * docs/walkthrough-node.md, followed to the letter: its commands and files, in its order, in an
 * empty folder with the packed sit-tracking; then the collector and the service it starts, an
 * order placed, and Ctrl-C (SIGINT) to the service, which must deliver the queued event before it
 * exits. The processor holds events for five seconds and its timers do not keep the process
 * alive: without the doc's flush() the order would not arrive.
 */

const DOC = readFileSync(join(REPO_ROOT, "docs", "walkthrough-node.md"), "utf8");

describe("docs/walkthrough-node.md", () => {
  it("takes an empty folder to a service whose event reaches the collector when it stops", async () => {
    const project = join(makeProject({}), "shop");
    mkdirSync(project);
    const steps = readDocSteps(DOC);
    const background = steps.filter((step): step is DocStep & { kind: "background" } => step.kind === "background");
    expect(background.map((step) => step.script.trim())).toEqual(["node collector.mjs", "node dist/src/server.js"]);

    const tarballs = { "sit-tracking": packSit(), "sit-tracking-runtime": packRuntime() };
    for (const step of steps) if (step.kind !== "background") runStep(step, { project, tarballs });

    const started: BackgroundProcess[] = [];
    try {
      const collector = startBackground(background[0]!, project, { PORT: "0" });
      started.push(collector);
      const [, eventsUrl] = await collector.waitFor(/Collecting on (http:\/\/127\.0\.0\.1:\d+\/events)/);
      const service = startBackground(background[1]!, project, { PORT: "0", EVENTS_URL: eventsUrl });
      started.push(service);
      const [, serviceUrl] = await service.waitFor(/Listening on (http:\/\/127\.0\.0\.1:\d+\/)/);

      // What the doc's curl does.
      const response = await fetch(new URL("orders", serviceUrl!), { method: "POST", body: JSON.stringify({ total: 1999 }) });
      expect(response.status).toBe(201);

      expect(await service.signal("SIGINT")).toBe(0);
      const [received] = await collector.waitFor(/^place_order .*$/m, 10_000);
      expect(received).toBe('place_order {"user":7,"additionalProperties":{"total":1999}}');
      expect(DOC).toContain(`\`\`\`text\n${received}\n\`\`\``);
    } finally {
      for (const running of started) await running.stop();
    }
  }, 600_000);
});
