const CONTEXT = 3;
const NO_FINAL_NEWLINE = "\\ No newline at end of file";
/** How far ahead to look for the lines to line up again after a difference. */
const RESYNC_WINDOW = 200;

type Edit = { readonly kind: " " | "-" | "+"; readonly text: string; readonly oldLine: number; readonly newLine: number };

/**
 * A unified diff of two texts, cut after `maxLines` lines of output. Linear in the file size: it
 * lines the texts up again after a difference by looking a bounded window ahead, which is exact
 * for the small edits drift usually is and still readable for large ones.
 */
export function unifiedDiff(oldName: string, newName: string, before: string, after: string, maxLines = 40): string {
  const oldLines = toLines(before);
  const newLines = toLines(after);
  const edits = diffLines(oldLines, newLines);
  const output = [`--- ${oldName}`, `+++ ${newName}`];
  let printed = 0;
  let truncated = false;
  for (const hunk of hunks(edits)) {
    if (printed >= maxLines) {
      truncated = true;
      break;
    }
    const first = hunk[0]!;
    const oldCount = hunk.filter((edit) => edit.kind !== "+").length;
    const newCount = hunk.filter((edit) => edit.kind !== "-").length;
    output.push(`@@ -${oldCount === 0 ? first.oldLine - 1 : first.oldLine},${oldCount} +${newCount === 0 ? first.newLine - 1 : first.newLine},${newCount} @@`);
    for (const edit of hunk) {
      if (printed >= maxLines) {
        truncated = true;
        break;
      }
      output.push(edit.text.endsWith("\n") ? `${edit.kind}${edit.text.slice(0, -1)}\n${NO_FINAL_NEWLINE}` : `${edit.kind}${edit.text}`);
      printed++;
    }
    if (truncated) break;
  }
  if (truncated) output.push(`... (diff cut after ${maxLines} lines)`);
  return output.join("\n");
}

/**
 * The lines of a text. A last line without a final newline keeps a "\n" of its own (no real line
 * holds one), so it differs from the same line with a newline, as in `diff`, and prints the marker.
 */
function toLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  else lines[lines.length - 1] += "\n";
  return lines;
}

function diffLines(oldLines: readonly string[], newLines: readonly string[]): Edit[] {
  const edits: Edit[] = [];
  let i = 0;
  let j = 0;
  const keep = () => edits.push({ kind: " ", text: oldLines[i]!, oldLine: ++i, newLine: ++j });
  const remove = () => edits.push({ kind: "-", text: oldLines[i]!, oldLine: ++i, newLine: j + 1 });
  const add = () => edits.push({ kind: "+", text: newLines[j]!, oldLine: i + 1, newLine: ++j });
  while (i < oldLines.length || j < newLines.length) {
    if (i < oldLines.length && j < newLines.length && oldLines[i] === newLines[j]) {
      keep();
      continue;
    }
    const resync = findResync(oldLines, newLines, i, j);
    if (resync === undefined) {
      while (i < oldLines.length) remove();
      while (j < newLines.length) add();
      break;
    }
    while (i < resync.oldIndex) remove();
    while (j < resync.newIndex) add();
  }
  return edits;
}

/** The nearest pair of equal lines ahead, preferring the smallest total skip. */
function findResync(oldLines: readonly string[], newLines: readonly string[], i: number, j: number) {
  for (let distance = 1; distance <= RESYNC_WINDOW * 2; distance++) {
    for (let skipOld = Math.max(0, distance - RESYNC_WINDOW); skipOld <= Math.min(distance, RESYNC_WINDOW); skipOld++) {
      const oldIndex = i + skipOld;
      const newIndex = j + distance - skipOld;
      if (oldIndex > oldLines.length || newIndex > newLines.length) continue;
      if (oldIndex === oldLines.length && newIndex === newLines.length) return { oldIndex, newIndex };
      if (oldIndex < oldLines.length && newIndex < newLines.length && oldLines[oldIndex] === newLines[newIndex]) {
        return { oldIndex, newIndex };
      }
    }
  }
  return undefined;
}

function hunks(edits: readonly Edit[]): Edit[][] {
  const result: Edit[][] = [];
  let current: Edit[] = [];
  let lastChange = -Infinity;
  edits.forEach((edit, index) => {
    if (edit.kind === " ") return;
    const start = Math.max(0, index - CONTEXT);
    if (current.length > 0 && start <= lastChange + CONTEXT + 1) {
      for (let k = lastChange + 1; k <= index; k++) current.push(edits[k]!);
    } else {
      if (current.length > 0) result.push(closeHunk(current, edits, lastChange));
      current = edits.slice(start, index + 1);
    }
    lastChange = index;
  });
  if (current.length > 0) result.push(closeHunk(current, edits, lastChange));
  return result;
}

function closeHunk(hunk: Edit[], edits: readonly Edit[], lastChange: number): Edit[] {
  return [...hunk, ...edits.slice(lastChange + 1, lastChange + 1 + CONTEXT).filter((edit) => edit.kind === " ")];
}
