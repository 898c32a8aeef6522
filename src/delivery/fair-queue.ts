// Per-chat FIFO queues visited round-robin. Pure data structure: which chat
// may send is decided by the caller's predicate (rate windows, pauses).

/**
 * One queue per key (chat) plus a ring of the keys that have items. `pick`
 * starts after the key it returned last time, so a chat with a long backlog
 * (or one whose window is full) never starves the chats behind it.
 */
export class FairQueue<K, T> {
  private readonly queues = new Map<K, T[]>();
  private ring: K[] = [];
  private cursor = 0;
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Keys with at least one item, in ring order. */
  keys(): readonly K[] {
    return this.ring;
  }

  push(key: K, item: T): void {
    const queue = this.queues.get(key);
    if (queue) queue.push(item);
    else this.addKey(key, [item]);
    this.count++;
  }

  /** The items waiting under `key`, oldest first (a view: do not modify). */
  items(key: K): readonly T[] {
    return this.queues.get(key) ?? [];
  }

  peek(key: K): T | undefined {
    return this.queues.get(key)?.[0];
  }

  /** Removes one item (by identity, wherever it is in its queue). */
  remove(key: K, item: T): boolean {
    const queue = this.queues.get(key);
    const i = queue ? queue.indexOf(item) : -1;
    if (!queue || i < 0) return false;
    queue.splice(i, 1);
    this.count--;
    if (queue.length === 0) this.dropKey(key);
    return true;
  }

  /** Removes and returns every item of `key` except those `keep` says to leave. */
  drain(key: K, keep: (item: T) => boolean = () => false): T[] {
    const queue = this.queues.get(key);
    if (!queue) return [];
    const taken = queue.filter((item) => !keep(item));
    const kept = queue.filter(keep);
    this.count -= taken.length;
    if (kept.length === 0) this.dropKey(key);
    else this.queues.set(key, kept);
    return taken;
  }

  /**
   * Moves all items of `from` in front of those of `to` (a group that became
   * a supergroup: its older backlog goes first, keeping the chat's order).
   */
  merge(from: K, to: K): void {
    if (from === to) return;
    const moved = this.queues.get(from);
    if (!moved) return;
    this.dropKey(from);
    const existing = this.queues.get(to);
    if (existing) existing.unshift(...moved);
    else this.addKey(to, moved);
  }

  /**
   * The next key, in round-robin order from the last pick, whose head item
   * `ready` accepts. Does not remove anything: the caller removes the item
   * when it is done with it (a message may need several sends).
   */
  pick(ready: (key: K, head: T) => boolean): K | undefined {
    const n = this.ring.length;
    for (let i = 0; i < n; i++) {
      const index = (this.cursor + i) % n;
      const key = this.ring[index]!;
      if (ready(key, this.queues.get(key)![0]!)) {
        this.cursor = index + 1;
        return key;
      }
    }
    return undefined;
  }

  private addKey(key: K, items: T[]): void {
    this.queues.set(key, items);
    // Insert just before the cursor: a newcomer waits for the current round to finish.
    this.ring.splice(this.cursor, 0, key);
    this.cursor++;
  }

  private dropKey(key: K): void {
    this.queues.delete(key);
    const index = this.ring.indexOf(key);
    if (index < 0) return;
    this.ring.splice(index, 1);
    if (index < this.cursor) this.cursor--;
    if (this.cursor > this.ring.length) this.cursor = 0;
  }
}
