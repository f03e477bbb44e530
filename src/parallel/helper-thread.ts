import { existsSync } from "node:fs";
import { join } from "node:path";
import type { MessagePort, Worker } from "node:worker_threads";
import type { DefinitionRef } from "../load/load-definitions";
import type { EventModel } from "../model/event-model";
import type { DefinitionCheckOptions } from "../validate/validate-definition";
import type { CheckedShare } from "./check-definitions";

/** What the main thread asks of the helper thread, in this order, each at most once. */
export type HelperTask =
  | { readonly task: "read"; readonly refs: readonly DefinitionRef[] }
  | { readonly task: "check"; readonly options: DefinitionCheckOptions }
  | { readonly task: "emit-functions"; readonly events: readonly EventModel[]; readonly senders: readonly (readonly [string, string])[] };

export type HelperReply =
  | { readonly task: "read"; readonly hashes: readonly (string | undefined)[] }
  | { readonly task: "check"; readonly share: CheckedShare }
  | { readonly task: "emit-functions"; readonly text: readonly Uint8Array[] }
  | { readonly task: "error"; readonly message: string };

/**
 * From this many definition files on, a second thread takes half of the work of the largest phases
 * (reading and hashing, YAML parsing and validation, writing the event functions): on two cores
 * that nearly halves them. Below it, starting the thread costs more than it saves.
 */
export const PARALLEL_THRESHOLD = 1000;
/** A helper that has not answered by then is given up on; its share is then done in this thread. */
const REPLY_TIMEOUT_MS = 120_000;
const WORKER_SCRIPT = join(__dirname, "helper-worker.js");

/**
 * A worker thread the main thread talks to synchronously: it posts a task, goes on with its own
 * share, then sleeps on a shared counter until the reply is there. So the library API stays
 * synchronous, and a helper that fails or is missing (running from sources under ts-jest) only
 * means the main thread does all the work itself.
 */
export class HelperThread {
  private seen = 0;

  private constructor(
    private readonly worker: Worker,
    private readonly port: MessagePort,
    private readonly counter: Int32Array,
  ) {}

  /** A helper for a run over `fileCount` definition files, when one pays off and can start. */
  static forFiles(fileCount: number): HelperThread | undefined {
    // Opt-in: measured on the 2-core benchmark machine, one thread was still faster (2.9 s against
    // 3.5 s at 10,000 events), so the helper runs only with SIT_THREADS=2 until it wins.
    if (fileCount < PARALLEL_THRESHOLD || process.env["SIT_THREADS"] !== "2" || !existsSync(WORKER_SCRIPT)) return undefined;
    try {
      // Loaded only here: most runs never start a helper (the module costs ~3 ms to load).
      const { MessageChannel, Worker } = require("node:worker_threads") as typeof import("node:worker_threads");
      const signal = new SharedArrayBuffer(4);
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(WORKER_SCRIPT, { workerData: { port: port2, signal }, transferList: [port2] });
      worker.unref();
      // Failures inside the worker come back as replies; this only keeps a crash from being fatal here.
      worker.on("error", () => undefined);
      return new HelperThread(worker, port1, new Int32Array(signal));
    } catch {
      return undefined;
    }
  }

  post(task: HelperTask): void {
    this.port.postMessage(task);
  }

  /** The reply to the task posted last, or `undefined` if the helper failed or timed out. */
  reply<T extends HelperReply["task"]>(task: T): Extract<HelperReply, { task: T }> | undefined {
    const deadline = Date.now() + REPLY_TIMEOUT_MS;
    while (Atomics.load(this.counter, 0) === this.seen) {
      const left = deadline - Date.now();
      if (left <= 0 || Atomics.wait(this.counter, 0, this.seen, left) === "timed-out") return undefined;
    }
    this.seen++;
    const { receiveMessageOnPort } = require("node:worker_threads") as typeof import("node:worker_threads");
    const reply = receiveMessageOnPort(this.port)?.message as HelperReply | undefined;
    return reply?.task === task ? (reply as Extract<HelperReply, { task: T }>) : undefined;
  }

  close(): void {
    this.port.close();
    void this.worker.terminate();
  }
}
