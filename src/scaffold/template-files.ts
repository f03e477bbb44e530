import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../version";

/** sit's own templates, shipped in its package. */
export const SIT_TEMPLATES_DIR = join(PACKAGE_ROOT, "templates");

/** The definition template `sit new` fills. */
export const DEFINITION_TEMPLATE = "event-definition.yml";

/**
 * Where template `name` is: in the project's templates folder (the config's `templates:`) when
 * that folder has it, otherwise sit's own. `undefined` when the project's folder does not exist,
 * which is a mistake in the config rather than a reason to fall back silently.
 */
export function findTemplate(name: string, projectTemplatesDir: string | undefined): string | undefined {
  if (projectTemplatesDir === undefined) return join(SIT_TEMPLATES_DIR, name);
  if (!existsSync(projectTemplatesDir) || !statSync(projectTemplatesDir).isDirectory()) return undefined;
  const own = join(projectTemplatesDir, name);
  return existsSync(own) ? own : join(SIT_TEMPLATES_DIR, name);
}
