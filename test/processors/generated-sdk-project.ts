import { mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { generate, writeGenerated } from "../../src/index";
import { definition, makeProject, RUNTIME_ROOT } from "../helpers/project";

/**
 * An application whose config names sit's built-in processors, with its SDK generated through
 * the library API: what the processors' SDK and browser tests compile, bundle and run.
 */
export interface GeneratedSdkProject {
  readonly root: string;
  readonly outputDir: string;
}

/** Two events: one for the default processors only, one with an extra tracker and a protected property. */
const DEFINITIONS = {
  "definitions/create_snippet.yml": definition(
    "create_snippet",
    `additional_properties:
  label:
    description: visibility
  value:
    description: number of files
  language:
    description: language of the first file
`,
  ).replace("  - user\n", "  - user\n  - project\n"),
  "definitions/request_ai_explanation.yml": definition(
    "request_ai_explanation",
    `additional_properties:
  label:
    description: where it was asked
extra_trackers:
  - tracking_class: Gitlab::Tracking::AiTracking
    protected_properties:
      model_name:
        description: the model that answered
`,
  ),
};

export interface ProjectSpec {
  /** Tracking class → the export of tracking.ts that implements it. */
  readonly processors: Readonly<Record<string, string>>;
  readonly defaultProcessors: readonly string[];
  /** tracking.ts: the application's one-line modules that create the processors. */
  readonly trackingModule: string;
  /** Lines appended to sit.config.yaml (e.g. `identifiers:`). */
  readonly configExtra?: string;
  readonly files?: Readonly<Record<string, string>>;
}

/**
 * Writes sit.config.yaml, the two definitions, tracking.ts and any further files, then generates
 * the SDK into generated/. The project has installed sit-tracking: node_modules/sit-tracking links
 * to this repository, so its imports resolve through package.json "exports" to dist/.
 */
export function generatedSdkProject(spec: ProjectSpec): GeneratedSdkProject {
  const config = [
    "definitions: definitions",
    "output: generated",
    "processors:",
    ...Object.entries(spec.processors).map(([className, exportName]) => `  ${className}: { module: ./tracking, export: ${exportName} }`),
    `defaultProcessors: [${spec.defaultProcessors.join(", ")}]`,
    spec.configExtra ?? "",
  ].join("\n");
  const root = makeProject({ "sit.config.yaml": config, "tracking.ts": spec.trackingModule, ...DEFINITIONS, ...spec.files });
  mkdirSync(join(root, "node_modules"));
  symlinkSync(RUNTIME_ROOT, join(root, "node_modules", "sit-tracking-runtime"), "dir");
  const result = generate({ cwd: root });
  const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
  if (errors.length > 0 || result.outputDir === undefined) throw new Error(`sit generate failed:\n${errors.map((error) => `${error.file}:${error.line}: ${error.message}`).join("\n")}`);
  writeGenerated(result.outputDir, result.files);
  return { root, outputDir: result.outputDir };
}
