// The default processor (sit.config.yaml, `defaultProcessors`): every tracked event is sent to it.
// sit's HTTP processor batches events and retries failed sends; see docs/processors.md in the sit-tracking package.
import { createHttpProcessor } from "sit-tracking-runtime/processors/http";

/** Replace the URL with your collector's, or read it from your environment or configuration. */
export const InternalEvents = createHttpProcessor({ url: "http://127.0.0.1:9190/v1/events" });
