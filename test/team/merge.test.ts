import { readFileSync } from "node:fs";
import { join } from "node:path";
import { git } from "../governance/git-project";
import { runCli } from "../helpers/project";
import { BASE_ACTIONS, CONFIG, commitOnBranch, definitionPath, definitionWithProperty, mergeBranch, teamRepository } from "./team-repository";

/**
 * Teams commit the SDK and merge many requests a day: two branches that add or change different
 * events (not neighbours in sorted order) must merge without a conflict in any file, generated ones
 * included, and leave an SDK that `sit generate --check` accepts. A config change on one side is
 * merged with an added event on the other.
 */

const UP_TO_DATE = { code: 0, stdout: "", stderr: "generated/ is up to date" };

/** The premise of these tests: between any two touched actions, in sorted order, lies an untouched one. */
function expectNoNeighbours(touched: readonly string[]): void {
  const all = [...new Set([...BASE_ACTIONS, ...touched])].sort();
  const positions = touched.map((action) => all.indexOf(action)).sort((a, b) => a - b);
  for (let index = 1; index < positions.length; index += 1) {
    expect((positions[index] ?? 0) - (positions[index - 1] ?? 0)).toBeGreaterThan(1);
  }
}

const generatedText = (root: string, name: string): string => readFileSync(join(root, "generated", name), "utf8");

/** The generated files a branch changed since `main`. */
const generatedChangedOn = (root: string, branch: string): string[] =>
  git(root, "diff", "--name-only", "main", branch, "--", "generated")
    .split("\n")
    .filter((line) => line !== "");

describe("merging two branches that each changed the plan", () => {
  it("merges an added and a changed event on each side without conflict, and --check passes on the result", () => {
    // A adds export_report and changes pin_snippet; B adds share_snippet and changes browse_catalog.
    expectNoNeighbours(["browse_catalog", "export_report", "pin_snippet", "share_snippet"]);
    const root = teamRepository();
    commitOnBranch(root, "add-export-report", "main", {
      [definitionPath("export_report")]: definitionWithProperty("export_report", "row_count"),
      [definitionPath("pin_snippet")]: definitionWithProperty("pin_snippet", "position"),
    });
    commitOnBranch(root, "add-share-snippet", "main", {
      [definitionPath("share_snippet")]: definitionWithProperty("share_snippet", "recipient_count"),
      [definitionPath("browse_catalog")]: definitionWithProperty("browse_catalog", "page_number"),
    });

    const merge = mergeBranch(root, "add-export-report", "add-share-snippet");
    expect({ conflicts: merge.conflicts, clean: merge.clean }).toEqual({ conflicts: [], clean: true });
    // The merge joins both sides' changes in each file that holds events (else it would prove little).
    for (const branch of ["add-export-report", "add-share-snippet"]) {
      expect(generatedChangedOn(root, branch)).toEqual(["generated/catalog.ts", "generated/index.ts", "generated/validation.ts"]);
    }
    for (const fragment of ["trackExportReport(", "trackShareSnippet(", "readonly position?: number", "readonly page_number?: number"]) {
      expect(generatedText(root, "index.ts")).toContain(fragment);
    }

    expect(runCli(["generate", "--check"], root)).toEqual(UP_TO_DATE);
    expect(runCli(["generate", "--check", "--no-cache"], root)).toEqual(UP_TO_DATE);
  });

  it("merges a changed identifier type on one side with an added event on the other", () => {
    const root = teamRepository();
    commitOnBranch(root, "typed-user", "main", {
      "sit.config.yaml": `${CONFIG}identifiers:\n  user: { type: User, module: ./src/models }\n`,
      "src/models.ts": "export interface User { readonly id: number; readonly username: string }\n",
    });
    commitOnBranch(root, "add-share-snippet", "main", {
      [definitionPath("share_snippet")]: definitionWithProperty("share_snippet", "recipient_count"),
    });

    expect(generatedChangedOn(root, "typed-user")).toContain("generated/runtime.ts");
    const merge = mergeBranch(root, "typed-user", "add-share-snippet");
    expect({ conflicts: merge.conflicts, clean: merge.clean }).toEqual({ conflicts: [], clean: true });
    expect(runCli(["generate", "--check"], root)).toEqual(UP_TO_DATE);
  });

  // A new default processor changes what every event sends, and so every event's code and catalog
  // line: an event added beside that change conflicts in the SDK or merges stale. The sources merge
  // cleanly, --check refuses the result, and `sit generate` on the merge resolves the SDK.
  it("merges a new default processor on one side with an added event on the other: the defaults live in runtime.ts and one catalog line", () => {
    const root = teamRepository();
    commitOnBranch(root, "add-metrics", "main", {
      "sit.config.yaml": CONFIG.replace("defaultProcessors: [InternalEvents]", "defaultProcessors: [InternalEvents, Team::Metrics]").replace(
        "processors:\n",
        "processors:\n  Team::Metrics: { module: ./src/metrics, export: Metrics }\n",
      ),
      "src/metrics.ts": "export const Metrics = { trackEvent(): void {} };\n",
    });
    commitOnBranch(root, "add-share-snippet", "main", {
      [definitionPath("share_snippet")]: definitionWithProperty("share_snippet", "recipient_count"),
    });

    const merge = mergeBranch(root, "add-metrics", "add-share-snippet");
    expect(merge.conflicts).toEqual([]);
    expect(generatedText(root, "runtime.ts")).toContain("sendToTeamMetrics(eventName, payload);");
    expect(generatedText(root, "index.ts")).toContain('sendToDefaultProcessors("share_snippet", defaultPayload);');
    expect(git(root, "status", "--porcelain")).toBe("");
    expect(runCli(["generate", "--check", "--no-cache"], root)).toEqual(UP_TO_DATE);
  });
});
