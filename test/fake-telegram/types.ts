// Public types of the fake Telegram Bot API server.
import type { Chat, Update, User, UserFromGetMe } from "grammy/types";

/**
 * Request payloads are loosely typed on purpose: tests read arbitrary fields
 * (`call.payload.text`, `call.payload.reply_markup.inline_keyboard`) and a
 * precise union of every Bot API method would only add casts to every test.
 */
export type Payload = Record<string, any>;

/** An uploaded file, as it replaces the `attach://<name>` field in a payload. */
export interface UploadedFile {
  filename: string;
  mime: string;
  size: number;
  bytes: Buffer;
}

/**
 * The JSON body the fake answered with. Flat (instead of an ok/error union)
 * so tests can write `call.response.result.message_id` without narrowing.
 */
export interface ApiResponse {
  ok: boolean;
  result?: any;
  error_code?: number;
  description?: string;
  parameters?: ResponseParameters;
}

export interface ResponseParameters {
  retry_after?: number;
  migrate_to_chat_id?: number;
}

/** Error to inject with `failNext`, shaped like a Telegram error body. */
export interface InjectedError {
  error_code: number;
  description: string;
  parameters?: ResponseParameters;
}

export interface RecordedCall {
  method: string;
  payload: Payload;
  /** `now()` (ms) when the answer was produced. */
  at: number;
  response: ApiResponse;
}

/** A sliding window: at most `limit` sends within any `windowMs` span. */
export interface RateWindow {
  limit: number;
  windowMs: number;
}

export interface RateLimitOptions {
  /** All sends together. Default 30 per 1000 ms. */
  global?: RateWindow;
  /** Per group/supergroup/channel (non-positive chat ids). Default 20 per 60 000 ms. */
  perGroup?: RateWindow;
  /** Per private chat. Default 3 per 3000 ms: 1 message/s on average with a burst of 3. */
  perPrivateChat?: RateWindow;
}

export interface StartOptions {
  token?: string;
  botUsername?: string;
  /** `true` enables the default limits; an object overrides some of them. Off by default. */
  rateLimits?: boolean | RateLimitOptions;
  /** Clock (ms) used for rate limits, message dates and `RecordedCall.at`. */
  now?: () => number;
  /**
   * Push updates to the webhook set with setWebhook, as Telegram does (retrying
   * until a 2xx answer). Off by default: tests then hand updates over with `postToWebhook`.
   */
  webhookDelivery?: boolean;
}

export type ChatMemberStatus = "creator" | "administrator" | "member" | "left" | "kicked";

export interface UserOptions {
  /** Another bot writing in a group (or talking to ours). */
  is_bot?: boolean;
  first_name?: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export interface GroupOptions {
  type?: "group" | "supergroup";
  is_forum?: boolean;
}

export interface SendTextOptions {
  /** Unix seconds; defaults to `now()`. */
  date?: number;
  message_thread_id?: number;
  reply_to_message?: any;
  /** Makes it a forwarded message (Bot API 7+ `forward_origin`). */
  forward_origin?: any;
  /** Sent through an inline bot. */
  via_bot?: User;
}

export interface WaitOptions {
  timeoutMs?: number;
  /** Index into `calls` to start looking from (see `mark()`). Default 0. */
  after?: number;
}

export interface FakeStats {
  /** Successful sendMessage/sendPhoto/sendDocument calls (edits are not deliveries). */
  delivered: number;
  deliveredByChat: Map<number, number>;
  /** Number of 429 answers (rate limiter or `failNext`). */
  rejected429: number;
  /** Deliveries whose (chat, method, text/caption, file) was already delivered before. */
  duplicates: number;
}

export interface FakeTelegram {
  apiRoot: string;
  token: string;
  botInfo: UserFromGetMe;
  calls: RecordedCall[];

  user(id: number, opts?: UserOptions): User;
  privateChat(user: User): Chat.PrivateChat;
  group(id: number, title?: string, opts?: GroupOptions): Chat.GroupChat | Chat.SupergroupChat;
  setChatMember(chatId: number, userId: number, status: ChatMemberStatus): void;
  /** Ids of the messages pinned in a chat (pinChatMessage / unpinChatMessage), the latest last. */
  pinnedMessages(chatId: number): number[];

  sendText(from: User, chat: Chat, text: string, opts?: SendTextOptions): number;
  clickButton(from: User, chat: Chat, message: { message_id: number; text?: string }, data: string): number;
  /** A poll_answer update: `from` chose `optionIds` in a poll the bot sent. */
  answerPoll(from: User, pollId: string, optionIds: number[]): number;
  pushUpdate(partial: Omit<Update, "update_id">): number;
  /**
   * A tap carrying any data on a message, as a modified client can send it (Telegram
   * does not check callback_data against the keyboard): for tests of forged buttons.
   */
  forgeClick(from: User, chat: Chat, message: { message_id: number; text?: string }, data: string): number;
  /** A tap on a button of an inline-mode message: no `message`, only `inline_message_id`. */
  clickInline(from: User, data: string): number;
  /**
   * The user sends a file (a `document` message, with an optional caption whose leading
   * command gets a bot_command entity); getFile and the download URL serve its bytes.
   */
  sendDocument(
    from: User,
    chat: Chat,
    upload: { filename: string; bytes: Buffer; mime?: string; caption?: string; reply_to_message?: any },
  ): number;
  /** A message with any content (`{ sticker }`, `{ voice }`, `{ left_chat_member }`), numbered like a text. */
  sendMessage(from: User, chat: Chat, content: Record<string, unknown>): number;
  /** The user edits one of their earlier messages (an `edited_message` update). */
  editText(from: User, chat: Chat, messageId: number, text: string): number;
  /** A post in a channel the bot is in (a `channel_post` update). */
  channelPost(chat: Chat, text: string): number;
  /** Someone types "@bot …" in any chat (an `inline_query` update). */
  inlineQuery(from: User, query: string): number;
  /**
   * A member's status changes in a group (a `chat_member` update; Telegram sends it
   * only to bots that ask for it and are admins there). Also updates getChatMember.
   */
  changeMember(chat: Chat, user: User, status: ChatMemberStatus, by?: User): number;
  redeliver(updateId: number): void;
  /** The update built for `updateId` (e.g. to hand it to `postToWebhook`). */
  getUpdate(updateId: number): Update | undefined;

  waitForCall(predicate: (c: RecordedCall) => boolean, opts?: WaitOptions): Promise<RecordedCall>;
  waitForMessage(chatId: number, predicate?: (text: string, call: RecordedCall) => boolean, opts?: WaitOptions): Promise<RecordedCall>;
  messagesTo(chatId: number): RecordedCall[];
  mark(): number;
  pendingUpdates(): number;

  failNext(method: string, error: InjectedError, times?: number): void;
  /**
   * Calls of `method` wait, not yet received, until `release(method)`; a call whose
   * client went away meanwhile is never processed (as if it never reached Telegram).
   */
  hold(method: string, only?: (payload: Payload) => boolean): void;
  release(method: string): void;
  /** How many calls of a held `method` are waiting (a caller that went away no longer counts). */
  waiting(method: string): number;
  /** The next `times` calls of `method` get no answer: the connection is dropped (a network error for the bot). */
  dropNext(method: string, times?: number): void;
  blockChat(chatId: number, description?: string): void;
  migrateChat(oldId: number, newId: number): void;
  /**
   * From now on sendRichMessage and rich edits fail as on an older server ("404":
   * method not found) or with a 400 ("400"); "off" accepts them again.
   */
  refuseRichMessages(how?: "404" | "400" | "off"): void;

  /** Posts an update to the webhook; a kind the bot did not ask for is not posted (`dropped`). */
  postToWebhook(url: string, update: Update, secretToken?: string): Promise<{ status: number; body: string; dropped?: true }>;
  /** The last allowed_updates list the bot gave (null: never, i.e. Telegram's default). */
  allowedUpdates(): string[] | null;
  /** With `webhookDelivery`: POSTs answered 2xx, and failed ones (each retried). */
  webhookStats(): { delivered: number; failed: number };
  stats(): FakeStats;
  close(): Promise<void>;
}
