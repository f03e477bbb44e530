import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHeader, type ParsedHeader } from "./ownership-header";

/** Prefix of the temporary files a write creates beside their targets before renaming them. */
export const TEMP_PREFIX = ".sit-tmp-";

export interface ExistingFile {
  readonly path: string;
  readonly content: string;
  /** Set when sit generated the file: only such files may be replaced or deleted. */
  readonly header: ParsedHeader | undefined;
}

export interface OutputTree {
  readonly exists: boolean;
  /** Top-level `*.ts` files, by name. */
  readonly files: ReadonlyMap<string, ExistingFile>;
  /** Temporary files an interrupted run left behind. */
  readonly leftovers: readonly string[];
}

/** Reads what is in the output folder now; sit only ever writes top-level `.ts` files there. */
export function readOutputTree(outputDir: string): OutputTree {
  let names: string[];
  try {
    names = readdirSync(outputDir);
  } catch (error) {
    if ((error as { code?: unknown }).code === "ENOENT") return { exists: false, files: new Map(), leftovers: [] };
    throw error;
  }
  const files = new Map<string, ExistingFile>();
  const leftovers: string[] = [];
  for (const name of names.sort()) {
    if (name.startsWith(TEMP_PREFIX)) {
      leftovers.push(name);
      continue;
    }
    if (!name.endsWith(".ts")) continue;
    let content: string;
    try {
      content = readFileSync(join(outputDir, name), "utf8");
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === "EISDIR") continue;
      throw error;
    }
    files.set(name, { path: name, content, header: parseHeader(content) });
  }
  return { exists: true, files, leftovers };
}
