import { Composer, InlineKeyboard } from "grammy";
import type { Message } from "grammy/types";
import { readTeamSettings } from "../../domain/team-settings.js";
import { ACTIVITY_KINDS } from "../../domain/types.js";
import { fitHtml } from "../../presentation/html.js";
import { backdateNote } from "../../presentation/views/control-view.js";
import { describeEntry, entryReplyText } from "../../presentation/views/entry-messages.js";
import { proposalLine, proposalText } from "../../presentation/views/proposal-view.js";
import { pinEntryDay } from "../../services/entry-day.js";
import {
  autoStoreProposal,
  confirmProposal,
  PROPOSAL_TTL_MS,
  proposalEntries,
  readMemberText,
  saveProposal,
  takeProposalEntry,
  undoProposal,
} from "../../services/free-text.js";
import type { BotContext } from "../context.js";
import { LOG_ENTRY_CONVERSATION, type LogPrefill } from "../conversations/log-entry.js";
import { followupTarget } from "../followups.js";
import { logKindsInline } from "../keyboards/logging.js";
import { requireMember } from "../middlewares/guards.js";

/**
 * "Just tell the bot": plain text (in a group, a reply to the bot or a mention) is
 * read as a report and shown back with ✅ / ✏️ / ✖. Nothing is stored before ✅,
 * unless the team chose to store confident single entries at once (with ↩️ Undo).
 */
export const freeTextFeature = new Composer<BotContext>();

/** In a group the bot reads only what is addressed to it; privacy mode delivers nothing else anyway. */
function addressed(ctx: BotContext, msg: Message): boolean {
  if (ctx.chat?.type === "private") return true;
  if (msg.reply_to_message?.from?.id === ctx.me.id) return true;
  const text = msg.text ?? msg.caption ?? "";
  return text.toLowerCase().includes(`@${ctx.me.username}`.toLowerCase());
}

function proposalKeyboard(ctx: BotContext, id: number, token: string, count: number, complete: boolean, guessed: boolean): InlineKeyboard {
  const ft = ctx.t.freeText;
  const kb = new InlineKeyboard();
  if (complete) kb.text(ft.store, `ft:ok:${id}:${token}`);
  if (count === 1) kb.text(ft.edit, `ft:ed:${id}:${token}:0`);
  kb.text(ft.cancel, `ft:no:${id}:${token}`);
  if (count > 1) {
    kb.row();
    for (let i = 0; i < count; i++) kb.text(ft.editN(i + 1), `ft:ed:${id}:${token}:${i}`);
  }
  // A guess also offers the ordinary one-tap buttons.
  if (guessed) for (const row of logKindsInline(ctx.t).inline_keyboard) kb.row(...row);
  return kb;
}

freeTextFeature.on("message:text", async (ctx, next) => {
  const msg = ctx.message;
  if (msg.text.startsWith("/") || !addressed(ctx, msg)) return next();
  if (ctx.chat.type !== "private" && !ctx.actor.team) return next();
  const member = await requireMember(ctx);
  if (!member) return;
  const text = msg.text.replace(new RegExp(`@${ctx.me.username}`, "gi"), " ").trim();
  const reading = readMemberText(ctx.deps, member, text);
  const reply = { reply_parameters: { message_id: msg.message_id, allow_sending_without_reply: true } };
  // A question, a plan or a complaint logs nothing, whatever event words it holds.
  if (reading.nothing) {
    await ctx.reply(ctx.t.freeText.nothing[reading.nothing], reply);
    return;
  }
  if (reading.entries.length === 0) {
    await ctx.reply(ctx.t.freeText.unreadable, { ...reply, reply_markup: logKindsInline(ctx.t) });
    return;
  }
  // Each event's named earlier day ("вчера не дозвонился, сегодня дозвонился") dates that
  // entry, within the team's window; a day outside it leaves the entry dated today, with a note.
  const sentAt = msg.date * 1000;
  const dayNotes: string[] = [];
  const dated = reading.entries.map((e, i) => {
    if (!e.day) return { ...e, occurredAt: sentAt, loggedAt: null };
    const day = pinEntryDay(member.team, e.day, sentAt);
    const note = backdateNote(day, day.windowDays, ctx.locale);
    if (note) dayNotes.push(reading.entries.length > 1 ? `${i + 1}. ${note}` : note);
    return day.ok && day.backdated ? { ...e, occurredAt: day.occurredAt, loggedAt: sentAt } : { ...e, occurredAt: sentAt, loggedAt: null };
  });
  const meta = { occurredAt: sentAt, loggedAt: null, sourceUpdateId: ctx.update.update_id };
  if (reading.confident && readTeamSettings(member.team.settings).autoLog) {
    const auto = autoStoreProposal(ctx.deps, member, dated, meta, followupTarget(ctx, true));
    if (!auto) return;
    const { proposal, stored } = auto;
    const text = stored.map((x) => entryReplyText(x.entry, x.outcome, ctx.locale));
    const kb = new InlineKeyboard().text(ctx.t.freeText.undo, `ft:un:${proposal.id}:${proposal.token}`);
    try {
      await ctx.reply(fitHtml(`${text.join("\n")}\n${ctx.t.freeText.autoStored}`), { ...reply, reply_markup: kb });
    } finally {
      if (stored.some((x) => x.outcome.status === "logged")) ctx.deps.onEntriesQueued?.(ctx.chat?.id ?? null);
    }
    return;
  }
  const { proposal, fresh } = saveProposal(ctx.deps, member, dated, meta);
  if (!fresh) return;
  const complete = reading.entries.every((e) => e.missing === null);
  await ctx.reply(fitHtml(proposalText(reading, ctx.locale, dayNotes)), {
    ...reply,
    reply_markup: proposalKeyboard(ctx, proposal.id, proposal.token, reading.entries.length, complete, reading.guessed),
  });
});

// Voice messages, stickers, photos…: say how to log, with the buttons.
freeTextFeature.on(["message:voice", "message:audio", "message:video_note", "message:sticker", "message:photo"], async (ctx, next) => {
  if (!addressed(ctx, ctx.message) || (ctx.chat.type !== "private" && !ctx.actor.team)) return next();
  if (!(await requireMember(ctx))) return;
  await ctx.reply(ctx.t.freeText.media, { reply_markup: logKindsInline(ctx.t) });
});

/** Takes the buttons off a handled proposal, so it cannot be tapped by mistake again. */
async function closeButtons(ctx: BotContext): Promise<void> {
  await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => undefined);
}

freeTextFeature.callbackQuery(/^ft:(ok|no|ed|ek|un):(\d{1,12}):([0-9a-f]{8})(?::(\d{1,2}))?(?::(\d))?$/, async (ctx) => {
  // A tap on an old message may come after Telegram stopped taking answers for it.
  await ctx.answerCallbackQuery().catch(() => undefined);
  const member = await requireMember(ctx);
  if (!member) return;
  const [, action, idText, token, indexText, kindText] = ctx.match;
  const id = Number(idText);
  const ft = ctx.t.freeText;
  const proposals = ctx.deps.repos.textProposals;
  const now = ctx.deps.now();
  const who = { userId: member.user.id, teamId: member.team.id };

  if (action === "ok") {
    const result = confirmProposal(ctx.deps, member, id, token!, followupTarget(ctx, false));
    if (!result.ok) return void (await ctx.reply(ft.stale[result.reason]));
    try {
      await closeButtons(ctx);
      await ctx.reply(fitHtml(result.stored.map((x) => entryReplyText(x.entry, x.outcome, ctx.locale)).join("\n")));
    } finally {
      if (result.stored.some((x) => x.outcome.status === "logged")) ctx.deps.onEntriesQueued?.(ctx.chat?.id ?? null);
    }
    return;
  }
  if (action === "no") {
    const claim = proposals.claim(id, token!, who, now, PROPOSAL_TTL_MS, "pending", "cancelled");
    if (!claim.ok) return void (await ctx.reply(ft.stale[claim.reason]));
    await closeButtons(ctx);
    await ctx.reply(ft.cancelled);
    return;
  }
  if (action === "un") {
    const result = undoProposal(ctx.deps, member, id, token!);
    if (!result.ok) return void (await ctx.reply(ft.stale[result.reason]));
    const lines: string[] = [];
    for (const r of result.undone) {
      const a = r.activity;
      lines.push(
        ctx.t.undo.done([ctx.t.kindName[a.kind], describeEntry({ ...a, lostReason: null }, ctx.locale)].filter(Boolean).join(" — ")),
      );
      if (r.leadRemoved) lines.push(ctx.t.undo.leadRemoved);
      if (r.stageRestored) lines.push(ctx.t.undo.stageRestored(ctx.t.stage[r.stageRestored]));
    }
    await closeButtons(ctx);
    await ctx.reply(lines.length ? lines.join("\n") : ctx.t.undo.nothing);
    return;
  }
  const index = Number(indexText ?? 0);
  if (action === "ed") {
    // ✏️ first asks what it was (the read kind ticked): a wrong kind is corrected too, and remembered.
    const proposal = proposals.find(id);
    const own = proposal && proposal.token === token && proposal.userId === who.userId && proposal.teamId === who.teamId;
    const entry = own && proposal.status === "pending" ? proposalEntries(proposal)[index] : undefined;
    if (!entry) return void (await ctx.reply(ft.stale.missing));
    const kb = new InlineKeyboard();
    ACTIVITY_KINDS.forEach((k, i) => {
      kb.text(`${k === entry.kind ? "✓ " : ""}${ctx.t.buttons[k]}`, `ft:ek:${id}:${token}:${index}:${i}`);
      if (i % 2 === 1) kb.row();
    });
    // The kinds replace the proposal's buttons, so the flow's end updates this very message.
    await ctx.editMessageReplyMarkup({ reply_markup: kb }).catch(() => undefined);
    await ctx.reply(fitHtml(ft.pickKind(proposalLine(entry, ctx.locale))));
    return;
  }
  // A kind picked: this entry leaves the proposal and opens the guided flow, prefilled with it.
  const kind = ACTIVITY_KINDS[Number(kindText ?? -1)];
  if (!kind) return void (await ctx.reply(ft.stale.missing));
  const taken = takeProposalEntry(ctx.deps, member, id, token!, index);
  if (!taken.ok) return void (await ctx.reply(ft.stale[taken.reason]));
  const { entry, rest } = taken;
  if (rest.length > 0) {
    // The others stay on offer.
    const complete = rest.every((e) => e.missing === null);
    await ctx
      .editMessageText(fitHtml(proposalText({ entries: rest, guessed: false, notes: [] }, ctx.locale)), {
        reply_markup: proposalKeyboard(ctx, id, token!, rest.length, complete, false),
      })
      .catch(() => undefined);
  } else await closeButtons(ctx);
  const prefill: LogPrefill = {
    outcome: entry.outcome,
    amountMinor: entry.amountMinor,
    clientName: entry.clientName,
    lostReason: entry.lostReason,
    // What was read, and from which words: what the manager changes is remembered for the team.
    correcting: entry.phrases
      ? { read: { kind: entry.kind, clientName: entry.clientName, amountMinor: entry.amountMinor }, phrases: entry.phrases }
      : undefined,
  };
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(LOG_ENTRY_CONVERSATION, kind, prefill);
});
