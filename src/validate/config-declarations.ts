import type { Diagnostic } from "../diagnostics/diagnostic";
import type { PathSegment } from "./schema-diagnostics";
import type { Vocabulary } from "./vocabulary";

/**
 * What the config declares about processors and the words of definitions, known even when the
 * config has errors: the checks of the definitions against it still run, so one run reports both.
 */
export interface ConfigDeclarations {
  /** What definitions may say (GitLab's words where the config's rules cannot be read). */
  readonly vocabulary: Vocabulary;
  /** Every tracking class the config defines, valid or not. */
  readonly classNames: ReadonlySet<string>;
  readonly defaultProcessors: readonly string[];
  readonly configFile: string | undefined;
  readonly locate: (path: readonly PathSegment[]) => Pick<Diagnostic, "file" | "line" | "column">;
}
