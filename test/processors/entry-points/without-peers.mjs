// The ES module twin of without-peers.cjs: the same imports must work with no peer installed.
import { createHttpProcessor } from "sit-tracking/processors/http";
import { createRecorder } from "sit-tracking/processors/recorder";
import { matchers } from "sit-tracking/jest";

let failure = "";
try {
  await import("sit-tracking/processors/opentelemetry");
} catch (error) {
  failure = `${error.code}: ${error.message.split("\n")[0]}`;
}
console.log(JSON.stringify({ http: typeof createHttpProcessor, recorder: typeof createRecorder, matchers: Object.keys(matchers), failure }));
