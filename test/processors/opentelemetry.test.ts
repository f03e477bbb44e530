import { AsyncLocalStorage } from "node:async_hooks";
import { context, ROOT_CONTEXT, trace, TraceFlags, type Attributes, type Context, type ContextManager, type Span, type SpanContext } from "@opentelemetry/api";
import { logs, SeverityNumber } from "@opentelemetry/api-logs";
import { InMemoryLogRecordExporter, LoggerProvider, SimpleLogRecordProcessor } from "@opentelemetry/sdk-logs";
import { createOpenTelemetryProcessor } from "../../packages/runtime/src/processors/opentelemetry";

/**
 * The active-span machinery of @opentelemetry/context-async-hooks, which is not installed here:
 * the API's `context.with` runs a function with a context, `trace.getActiveSpan` reads it back.
 */
class AsyncLocalStorageContextManager implements ContextManager {
  private readonly storage = new AsyncLocalStorage<Context>();
  active(): Context {
    return this.storage.getStore() ?? ROOT_CONTEXT;
  }
  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(activeContext: Context, fn: F, thisArg?: ThisParameterType<F>, ...args: A): ReturnType<F> {
    return this.storage.run(activeContext, () => fn.apply(thisArg, args));
  }
  bind<T>(_context: Context, target: T): T {
    return target;
  }
  enable(): this {
    return this;
  }
  disable(): this {
    this.storage.disable();
    return this;
  }
}

/** A span that keeps the events added to it (the tracing SDK is not installed here). */
class RecordingSpan implements Span {
  readonly events: { name: string; attributes: Attributes | undefined }[] = [];
  private readonly context: SpanContext = { traceId: "0af7651916cd43dd8448eb211c80319c", spanId: "b7ad6b7169203331", traceFlags: TraceFlags.SAMPLED };
  spanContext(): SpanContext {
    return this.context;
  }
  addEvent(name: string, attributes?: unknown): this {
    this.events.push({ name, attributes: attributes as Attributes | undefined });
    return this;
  }
  setAttribute(): this {
    return this;
  }
  setAttributes(): this {
    return this;
  }
  addLink(): this {
    return this;
  }
  addLinks(): this {
    return this;
  }
  setStatus(): this {
    return this;
  }
  updateName(): this {
    return this;
  }
  end(): void {}
  isRecording(): boolean {
    return true;
  }
  recordException(): void {}
}

const SHARE = {
  user: { id: 7, username: "ada" },
  project: { id: 42 },
  namespace: { id: "acme" },
  featureEnabledByNamespaceIds: [3, 9],
  additionalProperties: { label: "email", value: 3, from_template: false },
};
const SHARE_ATTRIBUTES = { "user.id": 7, "project.id": 42, "namespace.id": "acme", feature_enabled_by_namespace_ids: [3, 9], label: "email", value: 3, from_template: false };

let exporter: InMemoryLogRecordExporter;
let loggerProvider: LoggerProvider;

beforeAll(() => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager());
});

afterAll(() => {
  context.disable();
});

beforeEach(() => {
  exporter = new InMemoryLogRecordExporter();
  loggerProvider = new LoggerProvider({ processors: [new SimpleLogRecordProcessor({ exporter })] });
});

afterEach(async () => {
  await loggerProvider.shutdown();
});

describe("createOpenTelemetryProcessor", () => {
  it("emits a log record per event: its event name, attributes named after identifiers and properties", () => {
    createOpenTelemetryProcessor({ loggerProvider }).trackEvent("share_snippet", SHARE, { processorName: "InternalEvents" });

    const records = exporter.getFinishedLogRecords();
    expect(records).toHaveLength(1);
    const [record] = records;
    expect(record!.eventName).toBe("share_snippet");
    expect(record!.body).toBe("share_snippet");
    expect(record!.severityNumber).toBe(SeverityNumber.INFO);
    expect(record!.severityText).toBe("INFO");
    expect(record!.instrumentationScope.name).toBe("sit-tracking");
    expect(record!.attributes).toEqual(SHARE_ATTRIBUTES);
    expect(record!.spanContext).toBeUndefined();
  });

  it("leaves out an identifier without an id, never writing it whole", () => {
    createOpenTelemetryProcessor({ loggerProvider }).trackEvent("sign_in", { user: { email: "ada@example.com" }, project: { id: 42 }, featureEnabledByNamespaceIds: [3, { plan: "free" }], additionalProperties: { method: "sso" } });
    expect(exporter.getFinishedLogRecords()[0]!.attributes).toEqual({ "project.id": 42, method: "sso" });
  });

  it("adds the event to the active span, and the log record joins the span's trace", () => {
    const span = new RecordingSpan();
    const processor = createOpenTelemetryProcessor({ loggerProvider, loggerName: "snipbox" });
    context.with(trace.setSpan(context.active(), span), () => processor.trackEvent("share_snippet", SHARE));
    processor.trackEvent("view_snippet", { additionalProperties: {} });

    expect(span.events).toEqual([{ name: "share_snippet", attributes: SHARE_ATTRIBUTES }]);
    const [shared, viewed] = exporter.getFinishedLogRecords();
    expect(shared!.spanContext?.traceId).toBe(span.spanContext().traceId);
    expect(shared!.instrumentationScope.name).toBe("snipbox");
    expect(viewed!.spanContext).toBeUndefined();
  });

  it("leaves spans alone with spanEvents: false, and takes the severity from the options", () => {
    const span = new RecordingSpan();
    const processor = createOpenTelemetryProcessor({ loggerProvider, spanEvents: false, severityNumber: SeverityNumber.DEBUG });
    context.with(trace.setSpan(context.active(), span), () => processor.trackEvent("view_snippet", { additionalProperties: {} }));

    expect(span.events).toEqual([]);
    expect(exporter.getFinishedLogRecords().map((record) => [record.severityNumber, record.severityText])).toEqual([[SeverityNumber.DEBUG, "DEBUG"]]);
  });

  it("uses the global logger provider when given none, even one registered after creation", () => {
    const processor = createOpenTelemetryProcessor();
    logs.setGlobalLoggerProvider(loggerProvider);
    try {
      processor.trackEvent("star_snippet", { user: { id: 1 }, additionalProperties: {} });
    } finally {
      logs.disable();
    }
    expect(exporter.getFinishedLogRecords().map((record) => [record.eventName, record.attributes])).toEqual([["star_snippet", { "user.id": 1 }]]);
  });

  it("gives span events lists of one type: a mixed list becomes strings", () => {
    const span = new RecordingSpan();
    const processor = createOpenTelemetryProcessor({ loggerProvider });
    context.with(trace.setSpan(context.active(), span), () => processor.trackEvent("fork_snippet", { featureEnabledByNamespaceIds: [3, "acme"], additionalProperties: {} }));
    expect(span.events).toEqual([{ name: "fork_snippet", attributes: { feature_enabled_by_namespace_ids: ["3", "acme"] } }]);
  });

  it("writes a property that is a list of scalars as a list, null as nothing, and any other value as its JSON text, in log records and span events", () => {
    const span = new RecordingSpan();
    const processor = createOpenTelemetryProcessor({ loggerProvider });
    const additionalProperties = {
      tags: ["a", "b"],
      coupon: null,
      products: [{ sku: "A-1", price: 9.5 }],
      dimensions: { width: 2, height: 3 },
      count: 10n,
      callback: () => 1,
      cycle: {} as Record<string, unknown>,
    };
    additionalProperties.cycle["self"] = additionalProperties.cycle;
    context.with(trace.setSpan(context.active(), span), () => processor.trackEvent("place_order", { additionalProperties }));
    const attributes = { tags: ["a", "b"], products: '[{"sku":"A-1","price":9.5}]', dimensions: '{"width":2,"height":3}', count: "10" };
    expect(exporter.getFinishedLogRecords()[0]!.attributes).toEqual(attributes);
    expect(span.events).toEqual([{ name: "place_order", attributes }]);
  });
});
