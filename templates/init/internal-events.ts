// The default processor (sit.config.yaml, `defaultProcessors`): every tracked event is sent to it.
// sit's HTTP processor batches events and retries failed sends; see "Processors" in sit-tracking's README.
import { createHttpProcessor } from "sit-tracking/processors/http";

/** Replace the URL with your collector's, or read it from your environment or configuration. */
export const InternalEvents = createHttpProcessor({ url: "http://localhost:4318/events" });
