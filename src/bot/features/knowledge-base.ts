import { Composer, InlineKeyboard } from "grammy";
import { KB_BODY_MAX, KB_TITLE_MAX, parseMaterial } from "../../domain/kb-material.js";
import { echo, escapeHtml } from "../../presentation/html.js";
import { renderMaterial, renderMaterialList, renderReaders, tagLine } from "../../presentation/views/knowledge-base-view.js";
import {
  findMaterials,
  type Material,
  markMaterial,
  materialById,
  readersOf,
  removeMaterial,
  saveMaterial,
  updateMaterial,
} from "../../services/knowledge-base.js";
import type { BotContext } from "../context.js";
import { fileOfMessage, KB_ADD_CONVERSATION } from "../conversations/kb-add.js";
import { requireHead, requireMember } from "../middlewares/guards.js";

export const knowledgeBaseFeature = new Composer<BotContext>();

async function addMaterial(ctx: BotContext, args: string): Promise<void> {
  const head = await requireHead(ctx, "kb add");
  if (!head) return;
  // Nothing after the command: the guided flow asks for each part.
  if (!args.trim() && !ctx.msg?.reply_to_message) return void (await ctx.conversation.enter(KB_ADD_CONVERSATION));
  const t = ctx.t.coaching.kb;
  const parsed = parseMaterial(args);
  if (!parsed.ok) {
    const why = { no_title: t.noTitle, title_too_long: t.titleTooLong(KB_TITLE_MAX), body_too_long: t.bodyTooLong(KB_BODY_MAX) }[
      parsed.error
    ];
    await ctx.reply(`${why}\n${t.usage}`);
    return;
  }
  const replied = ctx.msg?.reply_to_message;
  const file = fileOfMessage(replied);
  // Text of a replied text message (a forwarded script, say) becomes the material's text.
  const { draft } = parsed;
  const body = draft.body || (!file && replied?.text ? replied.text.slice(0, KB_BODY_MAX) : "");
  const link = draft.link ?? /https?:\/\/\S+/.exec(body)?.[0] ?? null;
  if (!body && !file && !link) {
    await ctx.reply(`${t.empty}\n${t.usage}`);
    return;
  }
  const m = saveMaterial(
    ctx.deps,
    head.team.id,
    head.user.id,
    { title: draft.title, body, fileId: file?.fileId ?? null, fileKind: file?.fileKind ?? null, link, tags: draft.tags },
    ctx.deps.now(),
  );
  await ctx.reply(t.added(m.id, escapeHtml(m.title), escapeHtml(tagLine(m.tags))));
}

/** `/kb edit <id> <title> #tags` + text: replaces title, tags and text; the file stays. */
async function editMaterial(ctx: BotContext, args: string): Promise<void> {
  const head = await requireHead(ctx, "kb edit");
  if (!head) return;
  const t = ctx.t.coaching.kb;
  const id = /^#?(\d+)[ \t]*/.exec(args);
  const m = id ? materialById(ctx.deps, head.team.id, Number(id[1])) : undefined;
  if (!id || !m) return void (await ctx.reply(`${t.gone}\n${t.editUsage}`));
  const parsed = parseMaterial(args.slice(id[0].length));
  if (!parsed.ok) {
    const why = { no_title: t.noTitle, title_too_long: t.titleTooLong(KB_TITLE_MAX), body_too_long: t.bodyTooLong(KB_BODY_MAX) }[
      parsed.error
    ];
    return void (await ctx.reply(`${why}\n${t.editUsage}`));
  }
  const { title, tags, body, link } = parsed.draft;
  if (!body && !m.fileId && !link) return void (await ctx.reply(`${t.empty}\n${t.editUsage}`));
  updateMaterial(ctx.deps, head.team.id, m.id, { title, tags, body, link });
  await ctx.reply(t.edited(m.id, escapeHtml(title)));
}

async function listMaterials(ctx: BotContext, query: string): Promise<void> {
  const member = await requireMember(ctx);
  if (!member) return;
  const t = ctx.t.coaching.kb;
  const found = findMaterials(ctx.deps, member.team, query);
  const q = query.trim();
  if (found.materials.length === 0) {
    const head = q ? t.notFound(echo(q)) : t.none;
    const tags = found.tags.length > 0 ? t.knownTags(escapeHtml(tagLine(found.tags))) : "";
    await ctx.reply([head, tags, q ? t.usage : ""].filter(Boolean).join("\n"));
    return;
  }
  const title = q ? t.foundTitle(echo(q), found.materials.length) : t.recentTitle;
  await ctx.reply(renderMaterialList(title, found.materials, found.useful, found.tags, ctx.locale));
}

function materialKeyboard(ctx: BotContext, m: Material, isHead: boolean): InlineKeyboard {
  const t = ctx.t.coaching.kb;
  const kb = new InlineKeyboard().text(t.markRead, `kb:r:${m.id}`).text(t.markUseful, `kb:u:${m.id}`);
  if (isHead) kb.row().text(t.whoRead, `kb:w:${m.id}`).text(t.edit, `kb:e:${m.id}`).text(t.remove, `kb:d:${m.id}`);
  return kb;
}

/** Opens a material: its text with the buttons, then its file (by file_id). */
async function openMaterial(ctx: BotContext, id: number): Promise<void> {
  const member = await requireMember(ctx);
  if (!member) return;
  const m = materialById(ctx.deps, member.team.id, id);
  if (!m) {
    await ctx.reply(ctx.t.coaching.kb.gone);
    return;
  }
  const isHead = member.membership.role === "head";
  await ctx.reply(renderMaterial(m, ctx.locale), { reply_markup: materialKeyboard(ctx, m, isHead) });
  if (m.fileId && m.fileKind) {
    const send = {
      document: () => ctx.replyWithDocument(m.fileId!),
      voice: () => ctx.replyWithVoice(m.fileId!),
      video: () => ctx.replyWithVideo(m.fileId!),
      audio: () => ctx.replyWithAudio(m.fileId!),
      photo: () => ctx.replyWithPhoto(m.fileId!),
    }[m.fileKind];
    await send();
  }
}

knowledgeBaseFeature.command("kb", async (ctx) => {
  // The whole text, not ctx.match: a material's text spans several lines.
  const full = ctx.msg.text ?? "";
  const args = full.replace(/^\/kb(@\w+)?[ \t]*/i, "");
  const sub = /^(add|добавить)\b[ \t]*/i.exec(args);
  if (sub) return addMaterial(ctx, args.slice(sub[0].length));
  const edit = /^(edit|изменить)\b[ \t]*/i.exec(args);
  if (edit) return editMaterial(ctx, args.slice(edit[0].length));
  const open = /^#?(\d+)\s*$/.exec(args.trim());
  if (open) return openMaterial(ctx, Number(open[1]));
  return listMaterials(ctx, args.split("\n")[0] ?? "");
});

// "/kb_12" in lists and coaching notes opens material 12 with one tap.
knowledgeBaseFeature.hears(/^\/kb_(\d+)(?:@\w+)?$/, (ctx) => openMaterial(ctx, Number(ctx.match[1])));

knowledgeBaseFeature.callbackQuery(/^kb:([ruwde]):(\d+)$/, async (ctx) => {
  const t = ctx.t.coaching.kb;
  const { user, team, membership } = ctx.actor;
  const m = team && membership ? materialById(ctx.deps, team.id, Number(ctx.match[2])) : undefined;
  if (!user || !team || !membership || !m) {
    await ctx.answerCallbackQuery({ text: membership ? t.gone : ctx.t.notInTeam, show_alert: true });
    return;
  }
  const action = ctx.match[1];
  if ((action === "w" || action === "d" || action === "e") && membership.role !== "head") {
    await ctx.answerCallbackQuery({ text: t.headOnlyButton, show_alert: true });
    return;
  }
  const now = ctx.deps.now();
  switch (action) {
    case "r":
    case "u":
      markMaterial(ctx.deps, m.id, user.id, action === "u" ? "useful" : "read", now);
      await ctx.answerCallbackQuery({ text: action === "u" ? t.markedUseful : t.marked });
      return;
    case "w":
      await ctx.answerCallbackQuery();
      await ctx.reply(renderReaders(m, readersOf(ctx.deps, team, m.id), ctx.locale));
      return;
    case "e": {
      // The current content as a command to copy, change and send back.
      const tags = m.tags.map((x) => ` #${x}`).join("");
      await ctx.answerCallbackQuery();
      await ctx.reply(`${t.editHint}\n<code>${escapeHtml(`/kb edit ${m.id} ${m.title}${tags}\n${m.body}`.slice(0, 3800))}</code>`);
      return;
    }
    case "d":
      removeMaterial(ctx.deps, team.id, m.id, now);
      await ctx.answerCallbackQuery();
      await ctx.reply(t.removed(escapeHtml(m.title)));
      return;
  }
});
