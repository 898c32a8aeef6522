import { type ConversationData, type ConversationStorage, PLUGIN_DATA_VERSION, type VersionedState } from "@grammyjs/conversations";
import type { Context, MiddlewareFn } from "grammy";
import type { Db } from "../../db/client.js";
import { conversationStorage } from "../../db/repositories/conversation-storage.js";
import type { BotContext } from "../context.js";
import { isNewRequest } from "./wait-answer.js";

/**
 * The version of the guided flows' saved state. The conversations plugin resumes a
 * saved flow by replaying its recorded steps through the current code, so a state
 * saved by other code would resume at the wrong step or with the wrong answers.
 * Bump this whenever a flow changes what it waits for or does in `external` (or the
 * order of those): a state saved under another version is then dropped, not
 * replayed, and its owner told the flow expired (`expireOldFlows`).
 * 1: the first versioned flows (states saved before carry the plugin's default, 0).
 */
export const FLOW_VERSION = 1;

/** One flow per person per chat, so two managers can log in a group at once. */
function flowStorageKey(ctx: Context): string | undefined {
  return ctx.chatId !== undefined && ctx.from ? `${ctx.chatId}:${ctx.from.id}` : undefined;
}

/**
 * What `expireOldFlows` read for an update (undefined: nothing saved, or deleted as
 * outdated), handed to the plugin so the flow state is read once per update, not twice.
 */
const readThisUpdate = new WeakMap<Context, VersionedState<ConversationData> | undefined>();

/** The plugin's storage option: unfinished flows live in SQLite and survive a restart. */
export function flowStorage(db: Db): ConversationStorage<BotContext, ConversationData> {
  const storage = conversationStorage<VersionedState<ConversationData>>(db);
  return {
    type: "context",
    version: FLOW_VERSION,
    adapter: {
      read(ctx) {
        if (readThisUpdate.has(ctx)) return readThisUpdate.get(ctx);
        const key = flowStorageKey(ctx);
        return key === undefined ? undefined : storage.read(key);
      },
      write(ctx, state) {
        const key = flowStorageKey(ctx);
        if (key !== undefined) storage.write(key, state);
      },
      delete(ctx) {
        const key = flowStorageKey(ctx);
        if (key !== undefined) storage.delete(key);
      },
    },
  };
}

function isCurrent(saved: VersionedState<unknown>): boolean {
  return Array.isArray(saved.version) && saved.version[0] === PLUGIN_DATA_VERSION && saved.version[1] === FLOW_VERSION;
}

/**
 * Runs before the conversations plugin. The plugin alone would ignore an outdated
 * state without a word, and the answer meant for the old flow would fall through
 * to the rest of the bot; instead the state is deleted and the user told the flow
 * expired. A command or a persistent-keyboard tap is still handled as usual.
 */
export const expireOldFlows: MiddlewareFn<BotContext> = async (ctx, next) => {
  const key = flowStorageKey(ctx);
  if (key === undefined) return next();
  const storage = conversationStorage<VersionedState<ConversationData>>(ctx.deps.db);
  const saved = storage.read(key);
  if (saved === undefined || isCurrent(saved)) {
    readThisUpdate.set(ctx, saved);
    return next();
  }
  storage.delete(key);
  readThisUpdate.set(ctx, undefined);
  ctx.log.info({ key, version: saved.version }, "dropped a flow saved by another version");
  if (ctx.callbackQuery) {
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t.flow.expired);
    return;
  }
  if (ctx.message) {
    await ctx.reply(ctx.t.flow.expired);
    if (isNewRequest(ctx.message.text)) await next();
    return;
  }
  return next();
};
