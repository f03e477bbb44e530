/** Sends a request body to a URL; resolves when the server accepted it. */
export type Transport = (url: string, body: string) => Promise<void>;

export interface BatchingCollectorOptions {
  readonly url: string;
  /** Records per request: the buffer is sent as soon as it holds this many. */
  readonly batchSize: number;
  /** Records kept while requests fail or are slow; the oldest are dropped beyond it. */
  readonly maxBuffered: number;
  readonly transport?: Transport;
}

/** POSTs JSON with fetch and treats any non-2xx answer as a failure. */
export const fetchTransport: Transport = async (url, body) => {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
  if (!response.ok) throw new Error(`POST ${url} answered ${response.status} ${response.statusText}`);
};

/**
 * Buffers records and POSTs them in batches, so tracking costs one request per batch instead of
 * one per event. A failed batch goes back to the front of the buffer for the next attempt, and
 * the buffer is bounded so an unreachable collector cannot exhaust memory.
 */
export class BatchingCollector<T> {
  private readonly buffer: T[] = [];
  private droppedCount = 0;

  constructor(private readonly options: BatchingCollectorOptions) {}

  /** Records not sent yet. */
  get size(): number {
    return this.buffer.length;
  }

  /** Records discarded because the buffer was full. */
  get dropped(): number {
    return this.droppedCount;
  }

  /** Buffers a record; returns the request's promise when this record completes a batch. */
  add(record: T): Promise<void> | undefined {
    this.buffer.push(record);
    if (this.buffer.length > this.options.maxBuffered) {
      this.buffer.shift();
      this.droppedCount += 1;
    }
    return this.buffer.length >= this.options.batchSize ? this.send() : undefined;
  }

  /** Sends everything buffered now, e.g. before the process exits. */
  async send(): Promise<void> {
    const batch = this.buffer.splice(0, this.buffer.length);
    if (batch.length === 0) return;
    const transport = this.options.transport ?? fetchTransport;
    try {
      await transport(this.options.url, JSON.stringify(batch));
    } catch (error) {
      const room = Math.max(0, this.options.maxBuffered - this.buffer.length);
      const requeued = batch.slice(Math.max(0, batch.length - room));
      this.droppedCount += batch.length - requeued.length;
      this.buffer.unshift(...requeued);
      throw error;
    }
  }
}
