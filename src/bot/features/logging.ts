import { Composer } from "grammy";
import { parseEntry, splitEntryDay } from "../../domain/entry-parsing.js";
import { ACTIVITY_KINDS, type ActivityKind } from "../../domain/types.js";
import { messages } from "../../presentation/i18n/index.js";
import { backdatedReplyText, backdateErrorText } from "../../presentation/views/control-view.js";
import { entryErrorText, entryReplyText } from "../../presentation/views/entry-messages.js";
import { pinEntryDay } from "../../services/entry-day.js";
import { recordEntryCommitted } from "../../services/record-entry.js";
import type { BotContext } from "../context.js";
import { LOG_ENTRY_CONVERSATION } from "../conversations/log-entry.js";
import { followupTarget } from "../followups.js";
import { isActivityKind, kindForButton, logKindsInline } from "../keyboards/logging.js";
import { requireMember } from "../middlewares/guards.js";

const ALL = Object.values(messages);

export const loggingFeature = new Composer<BotContext>();

// Every activity kind is its own command: /call, /meeting, … /lost.
loggingFeature.command([...ACTIVITY_KINDS], async (ctx) => {
  const member = await requireMember(ctx);
  if (!member) return;
  const kind = ctx.message!.text.slice(1).split(/[@\s]/, 1)[0]!.toLowerCase() as ActivityKind;
  // "/call вчера", "/deal 50k Acme 25.11": an earlier day within the team's window.
  const split = splitEntryDay(kind, typeof ctx.match === "string" ? ctx.match : "");
  const parsed = parseEntry(kind, split.args);
  if (!parsed.ok) {
    await ctx.reply(entryErrorText(ctx.t, kind, parsed.error, parsed.detail));
    return;
  }
  const sentAt = ctx.message!.date * 1000;
  const day = split.day ? pinEntryDay(member.team, split.day, sentAt) : null;
  if (day && !day.ok) {
    await ctx.reply(backdateErrorText(day.error, day.day, day.windowDays, ctx.t.forms[kind], ctx.locale));
    return;
  }
  const backdated = day?.ok && day.backdated ? day : null;
  // The reply waits for the commit (shared with the other entries of this turn).
  const outcome = await recordEntryCommitted(ctx.deps, member, parsed.entry, {
    occurredAt: backdated ? backdated.occurredAt : sentAt,
    loggedAt: backdated ? sentAt : null,
    sourceUpdateId: ctx.update.update_id,
    notify: followupTarget(ctx, true),
  });
  const text =
    backdated && outcome.status === "logged"
      ? backdatedReplyText(parsed.entry, outcome, backdated.day, ctx.locale)
      : entryReplyText(parsed.entry, outcome, ctx.locale);
  try {
    await ctx.reply(text, {
      reply_parameters: { message_id: ctx.message!.message_id, allow_sending_without_reply: true },
    });
  } finally {
    // Badges, milestones, contests and the reaction: after the reply, from the queue.
    if (outcome.status === "logged") ctx.deps.onEntriesQueued?.(ctx.chat?.id ?? null);
  }
});

loggingFeature.command("log", async (ctx) => {
  if (!(await requireMember(ctx))) return;
  await ctx.reply(ctx.t.flow.pickKind, { reply_markup: logKindsInline(ctx.t) });
});

loggingFeature.callbackQuery(/^log:(\w+)$/, async (ctx) => {
  const kind = ctx.match[1]!;
  await ctx.answerCallbackQuery();
  if (!isActivityKind(kind) || !(await requireMember(ctx))) return;
  // A tap on another kind while a flow is open starts over with that kind.
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(LOG_ENTRY_CONVERSATION, kind);
});

// The persistent reply keyboard of the private chat.
loggingFeature
  .chatType("private")
  .on("message:text")
  .filter(
    (ctx) => kindForButton(ctx.message.text, ALL) !== null,
    async (ctx, next) => {
      const choice = kindForButton(ctx.message.text, ALL)!;
      if (choice === "me" || choice === "undo") return next();
      if (!(await requireMember(ctx))) return;
      await ctx.conversation.exitAll();
      await ctx.conversation.enter(LOG_ENTRY_CONVERSATION, choice);
    },
  );
