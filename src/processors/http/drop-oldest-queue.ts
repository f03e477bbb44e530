/**
 * A first-in, first-out queue that holds at most `capacity` items: pushing into a full queue
 * drops the oldest item, so that an unreachable collector costs bounded memory and the newest
 * events survive. Taking from the front is amortised O(1) (a read index, compacted now and then)
 * because a full queue drops one item per push.
 */
export class DropOldestQueue<T> {
  private items: T[] = [];
  private head = 0;

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.items.length - this.head;
  }

  /** Appends `item`; returns true when the oldest item was dropped to make room. */
  push(item: T): boolean {
    this.items.push(item);
    if (this.size <= this.capacity) return false;
    this.head += 1;
    this.compact();
    return true;
  }

  /** Removes and returns up to `count` items from the front. */
  take(count: number): T[] {
    const taken = this.items.slice(this.head, this.head + count);
    this.head += taken.length;
    this.compact();
    return taken;
  }

  takeAll(): T[] {
    return this.take(this.size);
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
