// Every text and caption the bot sends is Telegram HTML (escaped where it carries
// user text), so parse_mode is set here, once, for every Api object the bot sends
// through, instead of at each call.
import type { Api, Transformer } from "grammy";

/** Methods whose `text` is the formatted part (the ephemeral edit is where an edit of one lands). */
const TEXT_METHODS: ReadonlySet<string> = new Set(["sendMessage", "editMessageText", "editEphemeralMessageText"]);
/** Methods whose `caption` is the formatted part. */
const CAPTION_METHODS: ReadonlySet<string> = new Set([
  "sendPhoto",
  "sendDocument",
  "sendVideo",
  "sendAnimation",
  "sendAudio",
  "sendVoice",
  "editMessageCaption",
  "copyMessage",
]);

/**
 * Adds parse_mode HTML to a text (or caption) that says nothing of its own format.
 * Left alone: a call that names its parse_mode, one that carries its entities, a rich
 * message (no `text`), and every other method (polls, callback answers…).
 */
export function withHtmlDefault(method: string, payload: Record<string, unknown>): Record<string, unknown> {
  if ("parse_mode" in payload) return payload;
  if (TEXT_METHODS.has(method)) {
    return typeof payload.text === "string" && payload.entities === undefined ? { ...payload, parse_mode: "HTML" } : payload;
  }
  if (CAPTION_METHODS.has(method)) {
    return typeof payload.caption === "string" && payload.caption_entities === undefined ? { ...payload, parse_mode: "HTML" } : payload;
  }
  return payload;
}

export const htmlByDefault: Transformer = (prev, method, payload, signal) =>
  prev(method, withHtmlDefault(method, payload as Record<string, unknown>) as typeof payload, signal);

const installed = new WeakSet<Api>();

/**
 * Installs the default on an Api object, once. Handlers' ctx.api inherit it from
 * bot.api; a conversation's own Api objects and the delivery layer's install it too.
 */
export function useHtmlByDefault(api: Api): void {
  if (installed.has(api)) return;
  installed.add(api);
  api.config.use(htmlByDefault);
}
