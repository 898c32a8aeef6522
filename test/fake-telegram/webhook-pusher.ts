import type { Update } from "grammy/types";
import type { FakeState } from "./fake-state.js";

export interface WebhookPushStats {
  /** POSTs answered 2xx (each confirms its update). */
  delivered: number;
  /** POSTs that failed (refused connection, non-2xx): the update is sent again. */
  failed: number;
}

/** Telegram keeps a chat's updates in order: one request per chat at a time. */
function chatKey(update: Update): string {
  const u = update as Record<string, any>;
  for (const kind of ["message", "edited_message", "channel_post", "edited_channel_post", "my_chat_member", "chat_member"]) {
    const chatId = u[kind]?.chat?.id;
    if (chatId !== undefined) return `chat:${chatId}`;
  }
  const fromId = u["callback_query"]?.message?.chat?.id ?? u["callback_query"]?.from?.id ?? u["inline_query"]?.from?.id;
  return fromId !== undefined ? `chat:${fromId}` : `update:${update.update_id}`;
}

/**
 * Pushes queued updates to the webhook set with setWebhook, like Telegram: a 2xx
 * answer confirms an update, anything else (or no answer) and it is posted again
 * after a short pause, until the bot takes it. Up to `max_connections` requests at
 * once (40 unless setWebhook said otherwise), one per chat.
 */
export class WebhookPusher {
  readonly stats: WebhookPushStats = { delivered: 0, failed: 0 };
  private busyChats = new Set<string>();
  private inFlight = new Set<number>();
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    private readonly state: FakeState,
    private readonly retryMs = 200,
  ) {}

  start(): void {
    this.running = true;
    this.timer = setInterval(() => this.pump(), 20);
  }

  stop(): void {
    this.running = false;
    clearInterval(this.timer);
  }

  private pump(): void {
    const hook = this.state.webhook;
    if (!this.running || !hook) return;
    const limit = hook.maxConnections ?? 40;
    for (const update of this.state.updates.peekAll()) {
      if (this.inFlight.size >= limit) return;
      const key = chatKey(update);
      if (this.inFlight.has(update.update_id) || this.busyChats.has(key)) continue;
      this.inFlight.add(update.update_id);
      this.busyChats.add(key);
      void this.post(hook.url, hook.secretToken, update).then(async (ok) => {
        if (ok) {
          this.stats.delivered++;
          this.state.updates.confirmOne(update.update_id);
        } else {
          this.stats.failed++;
          await new Promise((r) => setTimeout(r, this.retryMs));
        }
        this.inFlight.delete(update.update_id);
        this.busyChats.delete(key);
      });
    }
  }

  private async post(url: string, secret: string | undefined, update: Update): Promise<boolean> {
    try {
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...(secret !== undefined ? { "x-telegram-bot-api-secret-token": secret } : {}) },
        body: JSON.stringify(update),
        signal: AbortSignal.timeout(10_000),
      });
      await res.arrayBuffer();
      return res.ok;
    } catch {
      return false;
    }
  }
}
