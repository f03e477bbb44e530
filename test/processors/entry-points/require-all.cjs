// Requires every entry point of sit-tracking by name from CommonJS, as an application does, and
// prints what it got.
const { matchers } = require("sit-tracking/jest");
const { createConsoleProcessor } = require("sit-tracking/processors/console");
const { createHttpProcessor, HttpProcessorError } = require("sit-tracking/processors/http");
const { createOpenTelemetryProcessor } = require("sit-tracking/processors/opentelemetry");
const { createRecorder } = require("sit-tracking/processors/recorder");
const { createSnowplowProcessor, GITLAB_STANDARD_CONTEXT_SCHEMA } = require("sit-tracking/processors/snowplow");

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
