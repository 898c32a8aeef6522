import type { FakeStats } from "./types.js";

/**
 * Counts what actually reached users. `duplicates` exists for idempotency
 * tests ("a redelivered update must not post twice"): it counts deliveries
 * whose content key was already delivered to the same chat.
 */
export class DeliveryStats {
  private delivered = 0;
  private rejected429 = 0;
  private readonly byChat = new Map<number, number>();
  private readonly seen = new Map<string, number>();

  recordDelivery(chatId: number | string, contentKey: string): void {
    this.delivered++;
    const chat = Number(chatId);
    this.byChat.set(chat, (this.byChat.get(chat) ?? 0) + 1);
    const key = `${String(chatId)}\u0000${contentKey}`;
    this.seen.set(key, (this.seen.get(key) ?? 0) + 1);
  }

  recordRejected429(): void {
    this.rejected429++;
  }

  snapshot(): FakeStats {
    let duplicates = 0;
    for (const count of this.seen.values()) duplicates += count - 1;
    return {
      delivered: this.delivered,
      deliveredByChat: new Map(this.byChat),
      rejected429: this.rejected429,
      duplicates,
    };
  }
}
