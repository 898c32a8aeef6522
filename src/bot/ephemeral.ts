// Answers only the asker sees (Telegram's ephemeral messages): in a group, /me,
// /plan and a tap on a logging button are answered to that person alone, and the
// commands private by nature (/bonus, /inputs, /flags) point to the private chat
// the same way. What such an answer may show is the trust policy's "ephemeral" channel.
// A button on such an answer edits it with editEphemeralMessage*: editMessageText cannot
// reach a message that has no message_id (ephemeral ones carry 0).
import type { MiddlewareFn, Transformer } from "grammy";
import type { EphemeralMessageParameters, Update } from "grammy/types";
import type { BotContext } from "./context.js";

/** Commands answered, in a group, only to the one who asked. */
export const EPHEMERAL_COMMANDS: ReadonlySet<string> = new Set(["me", "plan", "bonus", "inputs", "flags"]);
/** Inline buttons whose answer in a group goes only to the one who tapped (the logging buttons). */
const EPHEMERAL_CALLBACK = /^log:/;

/** Sends that put a message in the chat: these carry the ephemeral parameters. */
const SEND_METHODS = new Set(["sendMessage", "sendRichMessage", "sendPhoto", "sendDocument"]);

const isGroup = (type: string | undefined) => type === "group" || type === "supergroup";

/** The command at the start of a message ("/me@kpi_bot month" → "me"), if it is addressed to this bot. */
function leadingCommand(update: Update, botUsername: string | undefined): string | null {
  const msg = update.message;
  const entity = msg?.entities?.[0];
  if (!msg?.text || entity?.type !== "bot_command" || entity.offset !== 0) return null;
  const [name, to] = msg.text.slice(1, entity.length).split("@");
  if (to && botUsername && to.toLowerCase() !== botUsername.toLowerCase()) return null;
  return name!.toLowerCase();
}

/** The ephemeral parameters for this update's answers, or null when they go to the chat as usual. */
export function ephemeralFor(update: Update, botUsername?: string): EphemeralMessageParameters | null {
  const cq = update.callback_query;
  if (cq) {
    if (!isGroup(cq.message?.chat.type)) return null;
    // A tap on a message only the tapper sees is answered to them alone, whatever the button.
    const onEphemeral = cq.message !== undefined && "ephemeral_message_id" in cq.message && cq.message.ephemeral_message_id !== undefined;
    if (!onEphemeral && !EPHEMERAL_CALLBACK.test(cq.data ?? "")) return null;
    return { receiver_user_id: cq.from.id, callback_query_id: cq.id };
  }
  const msg = update.message;
  if (!msg?.from || !isGroup(msg.chat.type)) return null;
  const command = leadingCommand(update, botUsername);
  return command && EPHEMERAL_COMMANDS.has(command) ? { receiver_user_id: msg.from.id } : null;
}

/** The ephemeral message a callback query was sent from, if it was one (in a group). */
export interface EphemeralTarget {
  chatId: number;
  receiverUserId: number;
  ephemeralMessageId: number;
}

export function tappedEphemeral(update: Update): EphemeralTarget | null {
  const cq = update.callback_query;
  const msg = cq?.message;
  if (!cq || !msg || !isGroup(msg.chat.type) || !("ephemeral_message_id" in msg) || msg.ephemeral_message_id === undefined) return null;
  // Only its receiver can tap a button on it: the tapper.
  return { chatId: msg.chat.id, receiverUserId: cq.from.id, ephemeralMessageId: msg.ephemeral_message_id };
}

/** Edits of a chat message and their ephemeral counterparts. */
const EPHEMERAL_EDITS = {
  editMessageText: "editEphemeralMessageText",
  editMessageReplyMarkup: "editEphemeralMessageReplyMarkup",
} as const;
/** What an ephemeral edit takes besides its address (the rest of an edit's fields do not apply). */
const EPHEMERAL_EDIT_FIELDS = ["text", "parse_mode", "entities", "link_preview_options", "rich_message", "reply_markup"] as const;

/**
 * The call that edits `target` for an edit addressed to it (chat and message_id 0,
 * as a handler's `ctx.editMessageText` sends it), or null for any other call.
 */
export function ephemeralEdit(
  target: EphemeralTarget,
  method: string,
  payload: Record<string, unknown>,
): { method: (typeof EPHEMERAL_EDITS)[keyof typeof EPHEMERAL_EDITS]; payload: Record<string, unknown> } | null {
  if (!(method in EPHEMERAL_EDITS) || payload.chat_id !== target.chatId || payload.message_id !== 0) return null;
  const out: Record<string, unknown> = {
    chat_id: target.chatId,
    receiver_user_id: target.receiverUserId,
    ephemeral_message_id: target.ephemeralMessageId,
  };
  for (const key of EPHEMERAL_EDIT_FIELDS) if (payload[key] !== undefined) out[key] = payload[key];
  return { method: EPHEMERAL_EDITS[method as keyof typeof EPHEMERAL_EDITS], payload: out };
}

/** Routes this context's edits of the ephemeral message it was tapped on to the ephemeral edit methods. */
function ephemeralEditTransformer(target: EphemeralTarget): Transformer {
  return (prev, method, payload, signal) => {
    const edit = ephemeralEdit(target, method, payload as Record<string, unknown>);
    // The ephemeral edit answers `true`, as an edit of an inline message does: callers already take that.
    if (edit) return prev(edit.method as typeof method, edit.payload as typeof payload, signal);
    return prev(method, payload, signal);
  };
}

/** Adds the ephemeral parameters to every message this context sends to its own chat. */
function ephemeralTransformer(chatId: number, params: EphemeralMessageParameters): Transformer {
  return (prev, method, payload, signal) => {
    const p = payload as Record<string, unknown>;
    if (SEND_METHODS.has(method) && p.chat_id === chatId && p.ephemeral_message_parameters === undefined) {
      return prev(method, { ...payload, ephemeral_message_parameters: params } as typeof payload, signal);
    }
    return prev(method, payload, signal);
  };
}

/** Installs ephemeral answers on a context (the main one, or a flow's) when its update asks for them. */
export function applyEphemeral(ctx: {
  update: Update;
  chat?: { id: number } | undefined;
  api: BotContext["api"];
  me?: { username: string };
}): EphemeralMessageParameters | null {
  const params = ctx.chat ? ephemeralFor(ctx.update, ctx.me?.username) : null;
  if (params && ctx.chat) ctx.api.config.use(ephemeralTransformer(ctx.chat.id, params));
  const tapped = tappedEphemeral(ctx.update);
  if (tapped) ctx.api.config.use(ephemeralEditTransformer(tapped));
  return params;
}

/** After loadActor: answers to the one who asked, and the audience that goes with it. */
export const ephemeralReplies: MiddlewareFn<BotContext> = (ctx, next) => {
  if (applyEphemeral(ctx)) ctx.audience = { role: ctx.audience.role, channel: "ephemeral" };
  return next();
};
