// Imports every entry point of sit-tracking by name from an ES module, as an application does,
// and prints what it got. Node resolves the names through package.json "exports".
import { matchers } from "sit-tracking/jest";
import { createConsoleProcessor } from "sit-tracking/processors/console";
import { createHttpProcessor, HttpProcessorError } from "sit-tracking/processors/http";
import { createOpenTelemetryProcessor } from "sit-tracking/processors/opentelemetry";
import { createRecorder } from "sit-tracking/processors/recorder";
import { createSnowplowProcessor, GITLAB_STANDARD_CONTEXT_SCHEMA } from "sit-tracking/processors/snowplow";

const recorder = createRecorder();
recorder.trackEvent("create_snippet", { additionalProperties: { label: "esm" } }, { processorName: "InternalEvents" });

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
