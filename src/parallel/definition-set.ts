import { existsSync } from "node:fs";
import { join } from "node:path";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import type { DefinitionRef } from "../load/load-definitions";
import type { DefinitionCheckOptions } from "../validate/validate-definition";
import { checkShare, readShare, type CheckedShare, type ReadShare } from "./check-definitions";

export type WorkerReply =
  | { readonly type: "hashes"; readonly hashes: readonly (string | undefined)[] }
  | { readonly type: "checked"; readonly share: CheckedShare }
  | { readonly type: "error"; readonly message: string };

/**
 * From this many files on, a worker thread reads, parses and validates the second half while the
 * main thread does the first: on two cores that halves the largest phase of a run (YAML parsing
 * costs ~35 µs a file); below it, starting the worker costs more than it saves.
 */
export const PARALLEL_THRESHOLD = 1000;
/** A worker that has not answered by then is given up on; its share is then done in this thread. */
const WORKER_TIMEOUT_MS = 120_000;
const WORKER_SCRIPT = join(__dirname, "definition-worker.js");

/**
 * The definition files of a run, read (and hashed) as soon as the set is opened, checked on demand.
 * Results keep the files' order whatever thread did the work, so the output stays deterministic.
 */
export class DefinitionSet {
  private constructor(
    private readonly own: ReadShare,
    private readonly helper: WorkerShare | undefined,
    private readonly helperRefs: readonly DefinitionRef[],
    /** Per file, in order: the hash of its bytes, or `undefined` when unreadable. */
    readonly hashes: readonly (string | undefined)[],
  ) {}

  static open(refs: readonly DefinitionRef[]): DefinitionSet {
    const parallel = refs.length >= PARALLEL_THRESHOLD && process.env["SIT_THREADS"] !== "1" && existsSync(WORKER_SCRIPT);
    if (!parallel) {
      const own = readShare(refs);
      return new DefinitionSet(own, undefined, [], own.hashes);
    }
    const split = Math.ceil(refs.length / 2);
    const helperRefs = refs.slice(split);
    const helper = WorkerShare.start(helperRefs);
    const own = readShare(refs.slice(0, split));
    const reply = helper?.next();
    if (reply?.type === "hashes") return new DefinitionSet(own, helper, helperRefs, [...own.hashes, ...reply.hashes]);
    // The worker could not start or failed: read its share here instead.
    helper?.close();
    const rest = readShare(helperRefs);
    return new DefinitionSet({ files: [...own.files, ...rest.files], hashes: [...own.hashes, ...rest.hashes] }, undefined, [], [
      ...own.hashes,
      ...rest.hashes,
    ]);
  }

  /** Parses and validates every file; the worker, if any, is done afterwards. */
  check(options: DefinitionCheckOptions): CheckedShare {
    if (this.helper === undefined) return checkShare(this.own.files, options);
    this.helper.post(options);
    const own = checkShare(this.own.files, options);
    const reply = this.helper.next();
    this.helper.close();
    const other = reply?.type === "checked" ? reply.share : checkShare(readShare(this.helperRefs).files, options);
    return { diagnostics: [...own.diagnostics, ...other.diagnostics], definitions: [...own.definitions, ...other.definitions] };
  }

  /** Ends the worker when the files turn out not to be needed (the output is up to date). */
  close(): void {
    this.helper?.close();
  }
}

/** A worker thread answering synchronously: the main thread sleeps on a shared counter. */
class WorkerShare {
  private seen = 0;

  private constructor(
    private readonly worker: Worker,
    private readonly port: MessagePort,
    private readonly counter: Int32Array,
  ) {}

  static start(refs: readonly DefinitionRef[]): WorkerShare | undefined {
    try {
      const signal = new SharedArrayBuffer(4);
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(WORKER_SCRIPT, { workerData: { refs, port: port2, signal }, transferList: [port2] });
      worker.unref();
      // A failure inside the worker is answered as a message; this only keeps a crash from being fatal here.
      worker.on("error", () => undefined);
      return new WorkerShare(worker, port1, new Int32Array(signal));
    } catch {
      return undefined;
    }
  }

  post(options: DefinitionCheckOptions): void {
    this.port.postMessage(options);
  }

  /** The worker's next reply, or `undefined` if it failed or timed out. */
  next(): WorkerReply | undefined {
    const deadline = Date.now() + WORKER_TIMEOUT_MS;
    while (Atomics.load(this.counter, 0) === this.seen) {
      const left = deadline - Date.now();
      if (left <= 0 || Atomics.wait(this.counter, 0, this.seen, left) === "timed-out") return undefined;
    }
    this.seen++;
    const reply = receiveMessageOnPort(this.port)?.message as WorkerReply | undefined;
    return reply?.type === "error" ? undefined : reply;
  }

  close(): void {
    this.port.close();
    void this.worker.terminate();
  }
}
