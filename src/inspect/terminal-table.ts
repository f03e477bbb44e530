import { terminalSafe } from "../text/terminal-text";
import type { InspectedEvent } from "./event-ring";
import type { InspectorListener } from "./inspector";

const COLUMNS = [
  { title: "TIME (UTC)", width: 12 },
  { title: "STATUS", width: 6 },
  { title: "EVENT", width: 28 },
  { title: "PROCESSOR", width: 9 },
] as const;

/** Where the problems start, under their own title. */
const PROBLEMS_INDENT = COLUMNS.reduce((width, column) => width + column.width + 2, 0);

/** The table's title line. */
export function tableHeader(): string {
  return [...COLUMNS.map((column) => column.title.padEnd(column.width)), "PROBLEMS"].join("  ");
}

/**
 * An event as rows of the terminal's live table: time, status, event, processor and its first
 * problem, then one line per further problem under the first. Every field is terminal-safe, so an
 * event's name or a problem quoting a key cannot start a line of its own or drive the terminal.
 */
export function tableRows(event: InspectedEvent): string {
  const cells = [event.receivedAt.slice(11, 23), event.status, terminalSafe(event.event), event.processor];
  const [first, ...rest] = event.problems.map(terminalSafe);
  const line = [...cells.map((cell, index) => cell.padEnd(COLUMNS[index]!.width)), first ?? ""].join("  ").trimEnd();
  return [line, ...rest.map((problem) => `${" ".repeat(PROBLEMS_INDENT)}${problem}`)].join("\n");
}

/** The live output of `sit inspect` on stdout: the table, or one JSON line per event (`--json`). */
export class LiveOutput implements InspectorListener {
  constructor(
    private readonly write: (text: string) => void,
    private readonly json: boolean,
  ) {}

  /** What comes after the address: the table's title. */
  start(): void {
    if (!this.json) this.write(tableHeader());
  }

  received(events: readonly InspectedEvent[]): void {
    // One write per request: at thousands of events a second, a write per line costs more than the checks.
    this.write(events.map((event) => (this.json ? JSON.stringify(event) : tableRows(event))).join("\n"));
  }

  cleared(): void {
    if (!this.json) this.write("(events cleared: DELETE /sit/events)");
  }
}
