/**
 * A first-in, first-out queue bounded both in items and in bytes: pushing past either bound drops
 * the oldest items, so that an unreachable collector costs bounded memory, whatever the size of
 * the events, and the newest events survive. Taking from the front is amortised O(1) (a read
 * index, compacted now and then) because a full queue drops items on every push.
 */
export class DropOldestQueue<T extends { readonly bytes: number }> {
  /** Slots before `head` are cleared, so that items dropped or taken are not kept alive. */
  private items: (T | undefined)[] = [];
  private head = 0;
  private heldBytes = 0;

  constructor(
    readonly maxItems: number,
    readonly maxBytes: number,
  ) {}

  get size(): number {
    return this.items.length - this.head;
  }

  /** The bytes of the items held. */
  get bytes(): number {
    return this.heldBytes;
  }

  /**
   * Appends `item` and returns how many of the oldest items were dropped to make room. The caller
   * never pushes an item larger than `maxBytes` on its own (it would push out everything else).
   */
  push(item: T): number {
    this.items.push(item);
    this.heldBytes += item.bytes;
    let dropped = 0;
    while (this.size > this.maxItems || this.heldBytes > this.maxBytes) {
      this.removeFirst();
      dropped += 1;
    }
    if (dropped > 0) this.compact();
    return dropped;
  }

  /** Removes and returns up to `count` items from the front. */
  take(count: number): T[] {
    let taken = 0;
    return this.takeWhile(() => taken++ < count);
  }

  /** Removes and returns items from the front for as long as `accept` says yes to the next one. */
  takeWhile(accept: (item: T) => boolean): T[] {
    const taken: T[] = [];
    while (this.size > 0 && accept(this.items[this.head]!)) taken.push(this.removeFirst());
    this.compact();
    return taken;
  }

  takeAll(): T[] {
    return this.take(this.size);
  }

  private removeFirst(): T {
    const item = this.items[this.head]!;
    this.items[this.head] = undefined;
    this.head += 1;
    this.heldBytes -= item.bytes;
    return item;
  }

  private compact(): void {
    if (this.head === this.items.length) {
      this.items = [];
      this.head = 0;
    } else if (this.head >= 1024 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }
}
