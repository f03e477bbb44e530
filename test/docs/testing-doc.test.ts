import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { packRuntime, packSit } from "../helpers/packed-package";
import { makeProject, REPO_ROOT } from "../helpers/project";
import { readDocSteps, runStep } from "./doc-steps";

/**
 * docs/testing.md's recipes install and pass on a fresh project: the doc's opening commands
 * (TypeScript as `npm install -D typescript` gives it today, sit init's example event), then one
 * recipe's commands and files, in a project of its own. A recipe whose packages refuse each other
 * (ts-jest and TypeScript 7: ERESOLVE) or whose test fails, fails here.
 */

const DOC = readFileSync(join(REPO_ROOT, "docs", "testing.md"), "utf8");
const [opening = "", ...sections] = DOC.split(/^(?=## )/m);
const recipe = (heading: string): string => {
  const section = sections.find((text) => text.startsWith(`## ${heading}\n`));
  if (section === undefined) throw new Error(`docs/testing.md has no section "## ${heading}"`);
  return section;
};

function followRecipe(heading: string): void {
  const project = join(makeProject({}), "app");
  mkdirSync(project);
  const tarballs = { "sit-tracking": packSit(), "sit-tracking-runtime": packRuntime() };
  for (const step of [...readDocSteps(opening), ...readDocSteps(recipe(heading))]) runStep(step, { project, tarballs });
}

describe("docs/testing.md", () => {
  it("With Vitest: installs and passes", () => {
    followRecipe("With Vitest");
  }, 600_000);

  it("With Jest: installs and passes", () => {
    followRecipe("With Jest");
  }, 600_000);
});
