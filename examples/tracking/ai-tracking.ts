import type { EventPayload } from "../../generated/index.js";

/** Sends a request body to a URL; resolves when the server accepted it. */
export type Transport = (url: string, body: string) => Promise<void>;

/** POSTs JSON with fetch and treats any non-2xx answer as a failure. */
const fetchTransport: Transport = async (url, body) => {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
  if (!response.ok) throw new Error(`POST ${url} answered ${response.status} ${response.statusText}`);
};

/** What the AI usage ledger stores per request: who used which model, billed to which namespaces. */
export interface AiUsageRecord {
  readonly event: string;
  readonly userId: number | null;
  readonly billedNamespaceIds: readonly number[];
  readonly modelName: string | null;
  readonly promptTokens: number;
}

/**
 * Reports AI feature usage to the usage ledger, one request per event, because usage is billed
 * and must not wait in a buffer that a crash would lose. Written as a class with a static
 * `trackEvent`, like GitLab's `Gitlab::Tracking::AiTracking`.
 */
export class AiTracking {
  static url = process.env["SNIPBOX_AI_USAGE_URL"] ?? "http://localhost:4318/v1/ai-usage";
  static transport: Transport = fetchTransport;

  static async trackEvent(eventName: string, payload: EventPayload): Promise<void> {
    const { model_name: modelName, prompt_tokens: promptTokens } = payload.additionalProperties;
    const record: AiUsageRecord = {
      event: eventName,
      userId: payload.user?.id ?? null,
      billedNamespaceIds: payload.featureEnabledByNamespaceIds ?? [],
      modelName: typeof modelName === "string" ? modelName : null,
      promptTokens: typeof promptTokens === "number" ? promptTokens : 0,
    };
    await AiTracking.transport(AiTracking.url, JSON.stringify(record));
  }
}
