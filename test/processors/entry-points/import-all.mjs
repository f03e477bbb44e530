// Imports every entry point of sit-tracking by name from an ES module, as an application does,
// and prints what it got. Node resolves the names through package.json "exports".
import { matchers } from "sit-tracking-runtime/jest";
import { createConsoleProcessor } from "sit-tracking-runtime/processors/console";
import { createHttpProcessor, HttpProcessorError } from "sit-tracking-runtime/processors/http";
import { createOpenTelemetryProcessor } from "sit-tracking-runtime/processors/opentelemetry";
import { createRecorder } from "sit-tracking-runtime/processors/recorder";
import { createSnowplowProcessor, GITLAB_STANDARD_CONTEXT_SCHEMA } from "sit-tracking-runtime/processors/snowplow";

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
