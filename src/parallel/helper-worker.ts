import { workerData, type MessagePort } from "node:worker_threads";
import { emitEventFunctions } from "../emit/emit-events";
import { checkShare, readShare, type ReadShare } from "./check-definitions";
import type { HelperReply, HelperTask } from "./helper-thread";

/**
 * The helper thread: does the tasks the main thread posts, keeping the files it read for the
 * check that follows. Every reply is followed by a bump of the shared counter the main thread
 * sleeps on.
 */
const { port, signal } = workerData as { port: MessagePort; signal: SharedArrayBuffer };
const counter = new Int32Array(signal);
let share: ReadShare | undefined;

function run(message: HelperTask): HelperReply {
  switch (message.task) {
    case "read":
      share = readShare(message.refs);
      return { task: "read", hashes: share.hashes };
    case "check":
      return { task: "check", share: checkShare(share?.files ?? [], message.options) };
    case "emit-functions":
      return { task: "emit-functions", text: emitEventFunctions(message.events, new Map(message.senders)) };
  }
}

port.on("message", (message: HelperTask) => {
  let reply: HelperReply;
  try {
    reply = run(message);
  } catch (error) {
    reply = { task: "error", message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
  Atomics.add(counter, 0, 1);
  Atomics.notify(counter, 0);
});
