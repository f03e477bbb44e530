import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generate, writeGenerated } from "../../src/index";
import { enableTypeCheckOfGeneratedCode, makeProject, REPO_ROOT } from "../helpers/project";

const { createEventSet, writeSitProject } = require("../bench/lib/synthetic.js") as {
  createEventSet: (size: number, seed: number) => unknown;
  writeSitProject: (dir: string, set: unknown) => unknown;
};

const bin = (name: string): string => join(REPO_ROOT, "node_modules", name);

/**
 * Events whose extra tracker's name takes each length around the one that just fits a line: a
 * tracker with a protected property gets a properties object named after it, whose declaration
 * prettier breaks after its `=`, or in its type, depending on the length.
 */
function trackersOfEveryLength(): { files: Record<string, string>; processors: string } {
  const files: Record<string, string> = {};
  const processors: string[] = [];
  for (let length = 20; length <= 40; length++) {
    const word = `T${"a".repeat(length - 1)}`;
    processors.push(`  Acme::${word}: { module: ./src/tracking/${word}, export: Tracker }`);
    files[`src/tracking/${word}.ts`] = "export const Tracker = { trackEvent(): void {} };\n";
    files[`definitions/widths/event_${length}.yml`] = `description: an event
internal_events: true
action: event_${length}
additional_properties:
  label: { description: shared }
extra_trackers:
  - tracking_class: Acme::${word}
    protected_properties:
      secret: { description: for the tracker alone }
product_group: g
milestone: '1.0'
introduced_by_url: null
tiers: [free]
`;
  }
  return { files, processors: processors.join("\n") };
}

describe("golden output is valid, strict TypeScript and prettier-clean", () => {
  it("type-checks under strict, noUncheckedIndexedAccess and exactOptionalPropertyTypes", () => {
    const fixtures = makeProject({});
    cpSync(join(REPO_ROOT, "test/fixtures"), fixtures, { recursive: true });
    const cases = readdirSync(fixtures).filter((name) => existsSync(join(fixtures, name, "generated")));
    expect(cases.length).toBeGreaterThanOrEqual(3);
    for (const name of cases) enableTypeCheckOfGeneratedCode(join(fixtures, name, "generated"));
    const result = spawnSync(process.execPath, [bin("typescript/bin/tsc"), "-p", join(fixtures, "tsconfig.json")], {
      encoding: "utf8",
    });
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("passes prettier --check unchanged", () => {
    const result = spawnSync(process.execPath, [bin("prettier/bin/prettier.cjs"), "--check", "test/fixtures/*/generated/*.ts", "generated/*.ts", "test/corpus/gitlab/generated/*.ts"], {
      cwd: REPO_ROOT,
      encoding: "utf8",
    });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("is prettier-clean on a synthetic plan of GitLab's shapes too, whatever the names' lengths", () => {
    const widths = trackersOfEveryLength();
    const project = makeProject(widths.files);
    writeSitProject(project, createEventSet(600, 7));
    const configPath = join(project, "sit.config.yaml");
    writeFileSync(configPath, readFileSync(configPath, "utf8").replace("processors:\n", `processors:\n${widths.processors}\n`));
    const generated = generate({ cwd: project });
    expect(generated.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
    writeGenerated(join(project, "generated"), generated.files);
    const result = spawnSync(process.execPath, [bin("prettier/bin/prettier.cjs"), "--check", "generated/*.ts"], { cwd: project, encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });
});
