import type { Context } from "grammy";
import { InlineKeyboard } from "grammy";
import type { Message } from "grammy/types";
import type { Material } from "../../db/repositories/knowledge-base.js";
import { KB_BODY_MAX, KB_TITLE_MAX } from "../../domain/kb-material.js";
import { METRIC_KEYS } from "../../domain/metrics.js";
import { extractTags } from "../../domain/quiz-format.js";
import { escapeHtml } from "../../presentation/html.js";
import { messages } from "../../presentation/i18n/index.js";
import { tagLine } from "../../presentation/views/knowledge-base-view.js";
import { materialSearchText } from "../../services/knowledge-base.js";
import { openScope, recheckScope } from "./flow-scope.js";
import { type FlowConversation, isNewRequest, waitForAnswer } from "./wait-answer.js";

export const KB_ADD_CONVERSATION = "kb-add";

type FileKind = NonNullable<Material["fileKind"]>;

/** A file sent (or forwarded) into the flow: kept by its file_id, never downloaded. */
export function fileOfMessage(message: Message | undefined): { fileId: string; fileKind: FileKind } | null {
  if (!message) return null;
  if (message.document) return { fileId: message.document.file_id, fileKind: "document" };
  if (message.voice) return { fileId: message.voice.file_id, fileKind: "voice" };
  if (message.video) return { fileId: message.video.file_id, fileKind: "video" };
  if (message.audio) return { fileId: message.audio.file_id, fileKind: "audio" };
  if (message.photo && message.photo.length > 0) return { fileId: message.photo.at(-1)!.file_id, fileKind: "photo" };
  return null;
}

const len = (s: string) => Array.from(s).length;
const LINK_RE = /^https?:\/\/\S+$/;

/**
 * `/kb add` alone: title → text or a file → optional link → tags → saved. Nothing is
 * stored before the last step, which re-checks that the author still heads the team.
 */
export async function kbAddConversation(conversation: FlowConversation, ctx: Context): Promise<void> {
  const userId = ctx.from!.id;
  const env = await conversation.external((o) => ({ locale: o.locale, scope: openScope(o, "head") }));
  const scope = env.scope;
  if (!scope) return;
  const t = messages[env.locale];
  const k = t.coaching.kb.flow;
  const cancelKb = () => new InlineKeyboard().text(t.buttons.cancel, "ka:cancel");
  const opts = { userId, prefix: "ka:", cancel: "cancel", cancelledText: k.cancelled } as const;

  await ctx.reply(k.askTitle(KB_TITLE_MAX), { reply_markup: cancelKb() });
  let title: string;
  for (;;) {
    const a = await waitForAnswer(conversation, { ...opts, acceptText: true, expectText: k.askTitle(KB_TITLE_MAX) });
    if (a.kind !== "text") continue;
    title = a.text.replace(/\s+/g, " ").trim();
    if (title && len(title) <= KB_TITLE_MAX) break;
    await a.ctx.reply(title ? t.coaching.kb.titleTooLong(KB_TITLE_MAX) : t.coaching.kb.noTitle);
  }

  // The content step takes a file as well as text, so it waits on its own.
  await ctx.reply(k.askContent, { reply_markup: cancelKb() });
  let body = "";
  let file: { fileId: string; fileKind: FileKind } | null = null;
  for (;;) {
    const next = await conversation.wait();
    if (next.from?.id !== userId) await conversation.skip({ next: true });
    const data = next.callbackQuery?.data;
    if (data === "ka:cancel") {
      await next.answerCallbackQuery();
      await next.reply(k.cancelled);
      return conversation.halt();
    }
    const msg = next.message;
    if (isNewRequest(msg?.text)) {
      await next.reply(k.cancelled);
      return conversation.halt({ next: true });
    }
    if (!msg) await conversation.skip({ next: true });
    file = fileOfMessage(msg);
    const text = (msg?.text ?? msg?.caption ?? "").trim();
    if (len(text) > KB_BODY_MAX) {
      await next.reply(t.coaching.kb.bodyTooLong(KB_BODY_MAX));
      continue;
    }
    if (file || text) {
      body = text;
      break;
    }
    await next.reply(k.askContent);
  }

  await ctx.reply(k.askLink, {
    reply_markup: new InlineKeyboard().text(t.buttons.skip, "ka:skip").row().text(t.buttons.cancel, "ka:cancel"),
  });
  let link: string | null = /https?:\/\/\S+/.exec(body)?.[0] ?? null;
  for (;;) {
    const a = await waitForAnswer(conversation, { ...opts, acceptText: true });
    if (a.kind === "button" && a.value === "skip") break;
    if (a.kind === "text" && LINK_RE.test(a.text.trim())) {
      link = a.text.trim();
      break;
    }
    await a.ctx.reply(k.badLink);
  }

  const tags = new Set<string>();
  const tagsKb = () => {
    const kb = new InlineKeyboard();
    METRIC_KEYS.forEach((m, i) => {
      kb.text(tags.has(m) ? `✅ ${m}` : m, `ka:t:${m}`);
      if (i % 3 === 2) kb.row();
    });
    return kb.row().text(k.save, "ka:save").text(t.buttons.cancel, "ka:cancel");
  };
  const tagsText = () => `${k.askTags}${tags.size > 0 ? `\n${escapeHtml(tagLine([...tags]))}` : ""}`;
  await ctx.reply(tagsText(), { reply_markup: tagsKb() });
  for (;;) {
    const a = await waitForAnswer(conversation, { ...opts, acceptText: true });
    if (a.kind === "button" && a.value === "save") {
      const result = await conversation.external((o) => {
        const still = recheckScope(o, scope);
        if (!still.ok) return { ok: false as const, text: still.text };
        const list = [...tags];
        const m = o.deps.repos.knowledgeBase.add({
          teamId: still.member.team.id,
          title,
          body,
          fileId: file?.fileId ?? null,
          fileKind: file?.fileKind ?? null,
          link,
          tags: list,
          searchText: materialSearchText(title, body, list),
          createdBy: still.member.user.id,
          createdAt: o.deps.now(),
        });
        return { ok: true as const, id: m.id, tags: list };
      });
      if (!result.ok) return void (await a.ctx.reply(result.text));
      await a.ctx.reply(t.coaching.kb.added(result.id, escapeHtml(title), escapeHtml(tagLine(result.tags))));
      return;
    }
    if (a.kind === "button" && a.value.startsWith("t:") && (METRIC_KEYS as readonly string[]).includes(a.value.slice(2))) {
      const tag = a.value.slice(2);
      if (tags.has(tag)) tags.delete(tag);
      else tags.add(tag);
      await a.ctx.editMessageText(tagsText(), { reply_markup: tagsKb() }).catch(() => undefined);
      continue;
    }
    if (a.kind === "text") {
      const typed = extractTags(a.text);
      if (typed.length === 0) {
        await a.ctx.reply(k.badTags);
        continue;
      }
      for (const tag of typed) tags.add(tag);
      await a.ctx.reply(tagsText(), { reply_markup: tagsKb() });
      continue;
    }
    await a.ctx.reply(t.staleButton);
  }
}
