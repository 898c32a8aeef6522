import { setImmediate as afterPendingIo } from "node:timers/promises";
import type { Message, Update, UserFromGetMe } from "grammy/types";
import { ApiError } from "./api-error.js";
import { CallLog, isMessageTo, visibleText } from "./call-log.js";
import { ChatDirectory } from "./chat-directory.js";
import { DeliveryStats } from "./delivery-stats.js";
import { FailureInjector } from "./failure-injector.js";
import type { FakeState } from "./fake-state.js";
import { DROP, listenApi } from "./http-server.js";
import { MessageStore } from "./message-store.js";
import type { MethodHandler } from "./method-table.js";
import { nextId } from "./method-table.js";
import { botMethods } from "./methods-bot.js";
import { chatMethods } from "./methods-chats.js";
import { downloadFile, fileMethods, storeUserDocument } from "./methods-files.js";
import { messageMethods } from "./methods-messages.js";
import { buildPollAnswer, pollMethods } from "./methods-polls.js";
import { RateLimiter } from "./rate-limiter.js";
import type { ApiResponse, FakeTelegram, Payload, StartOptions } from "./types.js";
import {
  buildCallbackQuery,
  buildChatMemberUpdated,
  buildEditedMessage,
  buildMessage,
  buildTextMessage,
  commandEntities,
} from "./update-builders.js";
import { RequestAborted, UpdateQueue } from "./update-queue.js";
import { WebhookPusher } from "./webhook-pusher.js";

export const DEFAULT_TOKEN = "123456:TEST";
export const DEFAULT_BOT_USERNAME = "kpi_coach_test_bot";

/** Telegram method names are case-insensitive ("sendmessage" works too). */
const METHODS = new Map<string, MethodHandler>(
  Object.entries({ ...botMethods, ...messageMethods, ...chatMethods, ...pollMethods, ...fileMethods }).map(([name, h]) => [
    name.toLowerCase(),
    h,
  ]),
);

function makeBotInfo(token: string, username: string): UserFromGetMe {
  // The bot id is the token's prefix, as with real tokens ("123456:TEST" -> 123456).
  const id = Number.parseInt(token.split(":")[0] ?? "", 10) || 123456;
  return {
    id,
    is_bot: true,
    first_name: "KPI Coach",
    username,
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
  };
}

/** Starts a fake Bot API server on a random local port. */
export async function startFakeTelegram(opts: StartOptions = {}): Promise<FakeTelegram> {
  const token = opts.token ?? DEFAULT_TOKEN;
  const now = opts.now ?? Date.now;
  const state: FakeState = {
    token,
    botInfo: makeBotInfo(token, opts.botUsername ?? DEFAULT_BOT_USERNAME),
    now,
    directory: new ChatDirectory(),
    messages: new MessageStore(),
    updates: new UpdateQueue(),
    limiter: opts.rateLimits ? new RateLimiter(opts.rateLimits, now) : undefined,
    delivery: new DeliveryStats(),
    blocked: new Map(),
    migrated: new Map(),
    commands: new Map(),
    menuButtons: new Map(),
    webhook: undefined,
    callbackQueries: new Map(),
    callbackQueryFrom: new Map(),
    richRefusal: undefined,
    ephemeralCounter: new Map(),
    ephemeralMessages: new Map(),
    polls: new Map(),
    pinned: new Map(),
    files: new Map(),
    counter: { value: 0 },
  };
  const log = new CallLog();
  const failures = new FailureInjector();
  const drops = new Map<string, number>();
  // Methods whose calls wait, unprocessed, until released (see `hold`).
  const held = new Map<
    string,
    { gate: Promise<void>; open: () => void; waiting: number; only: ((payload: Payload) => boolean) | undefined }
  >();

  const handleCall = async (
    requestToken: string,
    method: string,
    payload: Payload,
    signal: AbortSignal,
  ): Promise<ApiResponse | typeof DROP | undefined> => {
    const dropping = drops.get(method) ?? 0;
    if (dropping > 0) {
      drops.set(method, dropping - 1);
      return DROP;
    }
    const gate = held.get(method);
    if (gate && (!gate.only || gate.only(payload))) {
      gate.waiting++;
      const gone = () => gate.waiting--;
      signal.addEventListener("abort", gone, { once: true });
      await gate.gate;
      // The caller went away while the call waited: Telegram never got it.
      if (signal.aborted) return undefined;
      signal.removeEventListener("abort", gone);
      gate.waiting--;
    }
    let response: ApiResponse;
    try {
      if (requestToken !== token) throw new ApiError(401, "Unauthorized");
      const handler = METHODS.get(method.toLowerCase());
      if (!handler) throw new ApiError(404, "Not Found: method not found");
      const injected = failures.take(method);
      if (injected) throw injected;
      response = { ok: true, result: await handler(payload, { state, signal }) };
    } catch (error) {
      if (error instanceof RequestAborted) return undefined; // nobody to answer, nothing happened
      if (!(error instanceof ApiError)) throw error;
      response = error.toResponse();
    }
    if (response.error_code === 429) state.delivery.recordRejected429();
    log.record({ method, payload, at: now(), response });
    return response;
  };

  const { server, apiRoot } = await listenApi(handleCall, (requestToken, path) =>
    requestToken === token ? downloadFile(state, path) : undefined,
  );
  const pusher = new WebhookPusher(state);
  if (opts.webhookDelivery) pusher.start();

  /** Keeps messages contained in injected updates, so replies/edits/clicks can refer to them. */
  const rememberMessages = (update: Omit<Update, "update_id">): void => {
    for (const message of [update.message, update.edited_message, update.channel_post] as (Message | undefined)[]) {
      if (message?.chat && typeof message.message_id === "number") state.messages.save(message);
    }
  };
  const pushUpdate = (partial: Omit<Update, "update_id">): number => {
    rememberMessages(partial);
    return state.updates.push(partial);
  };

  return {
    apiRoot,
    token,
    botInfo: state.botInfo,
    calls: log.calls,

    user: (id, userOpts) => state.directory.user(id, userOpts),
    privateChat: (user) => state.directory.privateChat(user),
    group: (id, title, groupOpts) => state.directory.group(id, title, groupOpts),
    setChatMember: (chatId, userId, status) => state.directory.setMember(chatId, userId, status),
    pinnedMessages: (chatId) => [...(state.pinned.get(String(chatId)) ?? [])],

    sendText: (from, chat, text, sendOpts) =>
      pushUpdate({ message: buildTextMessage(state, from, chat, text, sendOpts) } as Omit<Update, "update_id">),
    clickButton: (from, chat, message, data) => pushUpdate({ callback_query: buildCallbackQuery(state, from, chat, message, data) }),
    answerPoll: (from, pollId, optionIds) => pushUpdate({ poll_answer: buildPollAnswer(state, from, pollId, optionIds) }),
    pushUpdate,
    forgeClick: (from, chat, message, data) => pushUpdate({ callback_query: buildCallbackQuery(state, from, chat, message, data, true) }),
    clickInline: (from, data) => {
      const id = String(nextId(state));
      state.callbackQueries.set(id, false);
      return pushUpdate({ callback_query: { id, from, inline_message_id: `inline-${id}`, chat_instance: "inline", data } });
    },
    sendDocument: (from, chat, upload) => {
      const document = storeUserDocument(state, upload);
      const caption = upload.caption;
      const entities = caption ? commandEntities(caption) : [];
      const content = {
        document,
        ...(caption !== undefined ? { caption } : {}),
        ...(entities.length > 0 ? { caption_entities: entities } : {}),
        ...(upload.reply_to_message !== undefined ? { reply_to_message: upload.reply_to_message } : {}),
      };
      return pushUpdate({ message: buildMessage(state, from, chat, content) } as Omit<Update, "update_id">);
    },
    sendMessage: (from, chat, content) => pushUpdate({ message: buildMessage(state, from, chat, content) } as Omit<Update, "update_id">),
    editText: (from, chat, messageId, text) =>
      pushUpdate({ edited_message: buildEditedMessage(state, from, chat, messageId, text) } as Omit<Update, "update_id">),
    channelPost: (chat, text) =>
      pushUpdate({
        channel_post: { message_id: state.messages.nextId(chat.id), chat, date: Math.floor(now() / 1000), text },
      } as Omit<Update, "update_id">),
    inlineQuery: (from, query) =>
      pushUpdate({ inline_query: { id: String(state.counter.value++), from, query, offset: "", chat_type: "sender" } }),
    changeMember: (chat, user, status, by = user) => {
      const old = state.directory.memberStatus(chat.id, user.id);
      state.directory.setMember(chat.id, user.id, status);
      return pushUpdate({ chat_member: buildChatMemberUpdated(state, chat, user, old, status, by) } as Omit<Update, "update_id">);
    },
    allowedUpdates: () => state.updates.allowedKinds(),
    redeliver: (updateId) => state.updates.redeliver(updateId),
    getUpdate: (updateId) => state.updates.get(updateId),

    waitForCall: (predicate, waitOpts) => log.waitFor(predicate, waitOpts),
    waitForMessage: (chatId, predicate, waitOpts) =>
      log.waitFor(
        (call) => isMessageTo(call, chatId) && (!predicate || predicate(visibleText(call), call)),
        waitOpts,
        `waitForMessage(chat ${chatId})`,
      ),
    messagesTo: (chatId) => log.calls.filter((call) => isMessageTo(call, chatId)),
    mark: () => log.calls.length,
    pendingUpdates: () => state.updates.pending(),

    failNext: (method, error, times = 1) => failures.add(method, error, times),
    hold: (method, only) => {
      if (held.has(method)) return;
      let open!: () => void;
      const gate = new Promise<void>((resolve) => (open = resolve));
      held.set(method, { gate, open, waiting: 0, only });
    },
    waiting: (method) => held.get(method)?.waiting ?? 0,
    release: (method) => {
      held.get(method)?.open();
      held.delete(method);
    },
    dropNext: (method, times = 1) => drops.set(method, (drops.get(method) ?? 0) + times),
    blockChat: (chatId, description) =>
      state.blocked.set(
        String(chatId),
        description ?? (chatId > 0 ? "Forbidden: bot was blocked by the user" : "Forbidden: bot was kicked from the group chat"),
      ),
    migrateChat: (oldId, newId) => state.migrated.set(String(oldId), newId),
    refuseRichMessages: (how = "404") => {
      state.richRefusal =
        how === "off"
          ? undefined
          : how === "404"
            ? { code: 404, description: "Not Found: method not found" }
            : { code: 400, description: "Bad Request: RICH_MESSAGES_UNSUPPORTED" };
    },

    async postToWebhook(url, update, secretToken = state.webhook?.secretToken) {
      // Telegram never posts a kind the bot did not ask for in setWebhook.
      if (!state.updates.isAllowed(update)) return { status: 0, body: "", dropped: true as const };
      const res = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(secretToken !== undefined ? { "x-telegram-bot-api-secret-token": secretToken } : {}),
        },
        body: JSON.stringify(update),
      });
      const body = await res.text();
      await executeWebhookReply(body, (method, payload) => handleCall(token, method, payload, new AbortController().signal));
      return { status: res.status, body };
    },

    stats: () => state.delivery.snapshot(),
    webhookStats: () => ({ ...pusher.stats }),

    async close() {
      pusher.stop();
      for (const { open } of held.values()) open();
      held.clear();
      state.updates.releaseAll();
      await afterPendingIo(); // let the released long poll's answer reach the socket
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/**
 * A webhook may answer with a method call in its response body (grammY's
 * webhookReply); Telegram executes it, so the fake does too and records it.
 */
async function executeWebhookReply(body: string, call: (method: string, payload: Payload) => Promise<unknown>): Promise<void> {
  if (!body.trimStart().startsWith("{")) return;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return;
  }
  if (typeof parsed === "object" && parsed !== null && "method" in parsed && typeof parsed.method === "string") {
    const { method, ...payload } = parsed as Payload;
    await call(method as string, payload);
  }
}
