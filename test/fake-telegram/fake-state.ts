import type { Message, UserFromGetMe } from "grammy/types";
import type { ChatDirectory } from "./chat-directory.js";
import type { DeliveryStats } from "./delivery-stats.js";
import type { MessageStore } from "./message-store.js";
import type { StoredFile } from "./methods-files.js";
import type { SentPoll } from "./methods-polls.js";
import type { RateLimiter } from "./rate-limiter.js";
import type { UpdateQueue } from "./update-queue.js";

export interface WebhookConfig {
  url: string;
  secretToken?: string;
  maxConnections?: number;
}

/** Everything the method handlers may read or change; one instance per fake server. */
export interface FakeState {
  token: string;
  botInfo: UserFromGetMe;
  now: () => number;
  directory: ChatDirectory;
  messages: MessageStore;
  updates: UpdateQueue;
  limiter: RateLimiter | undefined;
  delivery: DeliveryStats;
  /** chat id (as string) -> 403 description */
  blocked: Map<string, string>;
  /** old chat id (as string) -> new supergroup id */
  migrated: Map<string, number>;
  /** scope+language key -> commands */
  commands: Map<string, unknown[]>;
  /** chat id or "default" -> menu button */
  menuButtons: Map<string, unknown>;
  webhook: WebhookConfig | undefined;
  /** callback query id -> already answered */
  callbackQueries: Map<string, boolean>;
  /** callback query id -> the user who tapped (ephemeral answers must go to them) */
  callbackQueryFrom: Map<string, number>;
  /** Set by `refuseRichMessages`: sendRichMessage and rich edits fail like an older server (404) or with a 400. */
  richRefusal: { code: 400 | 404; description: string } | undefined;
  /** Ephemeral messages sent, per chat: the next ephemeral_message_id. */
  ephemeralCounter: Map<string, number>;
  /** Ephemeral messages sent, by `${chat id}:${ephemeral_message_id}`: what editEphemeralMessage* edit. */
  ephemeralMessages: Map<string, Message>;
  /** poll id -> what was sent (for answers) */
  polls: Map<string, SentPoll>;
  /** chat id (as string) -> pinned message ids, the latest last */
  pinned: Map<string, number[]>;
  /** file_id -> a file a user sent (getFile and the download URL serve it) */
  files: Map<string, StoredFile>;
  /** Monotonic counter for file ids and callback query ids. */
  counter: { value: number };
}

export const nowSeconds = (state: FakeState): number => Math.floor(state.now() / 1000);
