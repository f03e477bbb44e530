import { workerData, type MessagePort } from "node:worker_threads";
import type { DefinitionRef } from "../load/load-definitions";
import type { DefinitionCheckOptions } from "../validate/validate-definition";
import { checkShare, readShare, type ReadShare } from "./check-definitions";
import type { WorkerReply } from "./definition-set";

/**
 * The worker's half of the definition files: read and hash them at once, then parse and validate
 * them when asked. Every reply is followed by a bump of the shared counter, which is what the main
 * thread sleeps on (it waits synchronously, so the library API stays synchronous).
 */
const { refs, port, signal } = workerData as { refs: DefinitionRef[]; port: MessagePort; signal: SharedArrayBuffer };
const counter = new Int32Array(signal);

function reply(message: WorkerReply): void {
  port.postMessage(message);
  Atomics.add(counter, 0, 1);
  Atomics.notify(counter, 0);
}

function failure(error: unknown): WorkerReply {
  return { type: "error", message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}

let share: ReadShare | undefined;
try {
  share = readShare(refs);
  reply({ type: "hashes", hashes: share.hashes });
} catch (error) {
  reply(failure(error));
}

port.on("message", (options: DefinitionCheckOptions) => {
  try {
    reply({ type: "checked", share: checkShare(share!.files, options) });
  } catch (error) {
    reply(failure(error));
  }
  port.close();
});
