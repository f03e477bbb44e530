// Loads the entry points that need no optional peer dependency, in an application where none is
// installed, and reports which modules got loaded and what loading the other two says.
const { createConsoleProcessor } = require("sit-tracking-runtime/processors/console");
const { createHttpProcessor } = require("sit-tracking-runtime/processors/http");
const { createRecorder } = require("sit-tracking-runtime/processors/recorder");
require("sit-tracking-runtime/jest");

const lines = [];
createConsoleProcessor({ write: (line) => lines.push(line) }).trackEvent("view_snippet", { user: { id: 1 }, additionalProperties: {} });
const http = createHttpProcessor({ url: "http://127.0.0.1:9/collect" });
const recorder = createRecorder();
recorder.trackEvent("view_snippet", { additionalProperties: {} });

const loaded = Object.keys(require.cache).filter((path) => path.includes("node_modules"));
const failures = {};
for (const name of ["sit-tracking-runtime/processors/snowplow", "sit-tracking-runtime/processors/opentelemetry"]) {
  try {
    require(name);
  } catch (error) {
    failures[name] = `${error.code}: ${error.message.split("\n")[0]}`;
  }
}
console.log(JSON.stringify({ lines, pending: http.pending, recorded: recorder.events.length, loaded, failures }));
