// Requires every entry point of sit-tracking by name from CommonJS, as an application does, and
// prints what it got.
const { matchers } = require("sit-tracking-runtime/jest");
const { createConsoleProcessor } = require("sit-tracking-runtime/processors/console");
const { createHttpProcessor, HttpProcessorError } = require("sit-tracking-runtime/processors/http");
const { createOpenTelemetryProcessor } = require("sit-tracking-runtime/processors/opentelemetry");
const { createRecorder } = require("sit-tracking-runtime/processors/recorder");
const { createSnowplowProcessor, GITLAB_STANDARD_CONTEXT_SCHEMA } = require("sit-tracking-runtime/processors/snowplow");

const recorder = createRecorder();
recorder.trackEvent("create_snippet", { additionalProperties: { label: "cjs" } }, { processorName: "InternalEvents" });

console.log(
  JSON.stringify({
    matchers: Object.keys(matchers),
    createConsoleProcessor: typeof createConsoleProcessor,
    createHttpProcessor: typeof createHttpProcessor,
    HttpProcessorError: typeof HttpProcessorError,
    createOpenTelemetryProcessor: typeof createOpenTelemetryProcessor,
    createSnowplowProcessor: typeof createSnowplowProcessor,
    GITLAB_STANDARD_CONTEXT_SCHEMA,
    recorded: recorder.events,
  }),
);
