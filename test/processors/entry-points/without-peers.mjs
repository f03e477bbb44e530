// The ES module twin of without-peers.cjs: the same imports must work with no peer installed.
import { createHttpProcessor } from "sit-tracking-runtime/processors/http";
import { createRecorder } from "sit-tracking-runtime/processors/recorder";
import { matchers } from "sit-tracking-runtime/jest";

let failure = "";
try {
  await import("sit-tracking-runtime/processors/opentelemetry");
} catch (error) {
  failure = `${error.code}: ${error.message.split("\n")[0]}`;
}
console.log(JSON.stringify({ http: typeof createHttpProcessor, recorder: typeof createRecorder, matchers: Object.keys(matchers), failure }));
