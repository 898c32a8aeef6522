import { type Context, InlineKeyboard } from "grammy";
import { CLIENT_REQUIRED, type ParsedEntry, parseEntry } from "../../domain/entry-parsing.js";
import { clientKey } from "../../domain/pipeline.js";
import type { Correction } from "../../domain/text-aliases.js";
import { type ActivityKind, CALL_OUTCOMES, type CallOutcome } from "../../domain/types.js";
import { formatMoney } from "../../presentation/format/money.js";
import { type Messages, messages } from "../../presentation/i18n/index.js";
import { aliasLine } from "../../presentation/views/aliases-view.js";
import { entryErrorText, entryReplyText } from "../../presentation/views/entry-messages.js";
import { recordEntry } from "../../services/record-entry.js";
import { learnFromCorrection } from "../../services/text-aliases.js";
import { followupTarget } from "../followups.js";
import { openScope, recheckScope } from "./flow-scope.js";
import { type Answer as FlowAnswer, type FlowConversation, waitForAnswer } from "./wait-answer.js";

export const LOG_ENTRY_CONVERSATION = "log-entry";

type Answer = FlowAnswer | { kind: "skip"; ctx: Context };

/** What ✏️ on a free-text proposal carries into the flow: offered as the first buttons. */
export interface LogPrefill {
  outcome?: CallOutcome | null;
  amountMinor?: number | null;
  clientName?: string | null;
  lostReason?: string | null;
  /** Set when ✏️ corrects a free-text reading: what changes is remembered for the team. */
  correcting?: Pick<Correction, "read" | "phrases">;
}

/** This user's next answer; the Skip button comes back as its own kind. */
async function answer(conversation: FlowConversation, t: Messages, userId: number): Promise<Answer> {
  const a = await waitForAnswer(conversation, {
    userId,
    prefix: "flow:",
    cancel: "cancel",
    cancelledText: t.flow.cancelled,
    acceptText: true,
    expectText: t.flow.expectText,
  });
  return a.kind === "button" && a.value === "skip" ? { kind: "skip", ctx: a.ctx } : a;
}

function controls(t: Messages, skip: boolean): InlineKeyboard {
  const kb = new InlineKeyboard();
  if (skip) kb.text(t.buttons.skip, "flow:skip");
  return kb.text(t.buttons.cancel, "flow:cancel");
}

/** The guided flow behind the one-tap buttons: asks only for what the kind needs. */
export async function logEntryConversation(
  conversation: FlowConversation,
  ctx: Context,
  kind: ActivityKind,
  prefill: LogPrefill = {},
): Promise<void> {
  const userId = ctx.from!.id;
  const env = await conversation.external((octx) => {
    const scope = openScope(octx, null);
    const recent = scope ? octx.deps.repos.entries.recentClients(scope.teamId, scope.userId, 6) : [];
    // A prefilled client comes first (and once).
    const given = prefill.clientName ? [prefill.clientName] : [];
    const others = recent.filter((c) => !given.some((g) => clientKey(g) === clientKey(c)));
    return { locale: octx.locale, scope, recent: [...given, ...others].slice(0, 6) };
  });
  const t = messages[env.locale];
  const flowScope = env.scope;
  if (!flowScope) {
    await ctx.reply(t.notInTeam);
    return;
  }
  const name = t.kindName[kind];
  // In a group the bot sees only replies to its own messages (privacy mode).
  const hint = ctx.chat?.type === "private" ? "" : `\n${t.flow.replyHint}`;
  let lastTextDate: number | undefined;

  let outcome: CallOutcome | null = null;
  if (kind === "call") {
    // Every outcome, two to a row, then Cancel; a prefilled outcome is ticked.
    const mark = (o: CallOutcome) => (prefill.outcome === o ? `✓ ${t.outcome[o]}` : t.outcome[o]);
    const kb = new InlineKeyboard();
    CALL_OUTCOMES.forEach((o, i) => {
      kb.text(mark(o), `flow:out:${o}`);
      if (i % 2 === 1) kb.row();
    });
    kb.text(t.buttons.cancel, "flow:cancel");
    await ctx.reply(t.flow.outcome, { reply_markup: kb });
    for (;;) {
      const a = await answer(conversation, t, userId);
      const word = a.kind === "button" ? a.value.replace(/^out:/, "") : a.kind === "text" ? (a.text.trim().split(/\s+/)[0] ?? "") : "";
      const parsed = parseEntry("call", word);
      if (parsed.ok && parsed.entry.clientName === null && word) {
        outcome = parsed.entry.outcome;
        break;
      }
      await a.ctx.reply(t.flow.outcome, { reply_markup: kb });
    }
  }

  let amountText = "";
  if (kind === "deal") {
    const given = prefill.amountMinor ? prefill.amountMinor : null;
    const amountKb = () => {
      const kb = controls(t, false);
      return given ? new InlineKeyboard().text(formatMoney(given, env.locale), "flow:amount").row(...kb.inline_keyboard.flat()) : kb;
    };
    await ctx.reply(t.flow.amount + hint, { reply_markup: amountKb() });
    for (;;) {
      const a = await answer(conversation, t, userId);
      if (a.kind === "button" && a.value === "amount" && given) {
        amountText = (given / 100).toFixed(2);
        break;
      }
      if (a.kind !== "text") continue;
      lastTextDate = a.ctx.message?.date;
      const parsed = parseEntry("deal", a.text);
      if (parsed.ok && parsed.entry.clientName === null) {
        amountText = a.text.trim();
        break;
      }
      const err = parsed.ok ? "amount_format" : parsed.error;
      await a.ctx.reply(entryErrorText(t, "deal", err, parsed.ok ? a.text : parsed.detail), {
        reply_markup: amountKb(),
      });
    }
  }

  const required = CLIENT_REQUIRED[kind];
  const clientKb = new InlineKeyboard();
  env.recent.forEach((client, i) => {
    clientKb.text(client.length > 30 ? `${client.slice(0, 29)}…` : client, `flow:recent:${i}`);
    if (i % 2 === 1) clientKb.row();
  });
  clientKb.row();
  if (!required) clientKb.text(t.buttons.skip, "flow:skip");
  clientKb.text(t.buttons.cancel, "flow:cancel");
  await ctx.reply((required ? t.flow.clientRequired(name) : t.flow.client(name)) + hint, { reply_markup: clientKb });

  let entry: ParsedEntry | null = null;
  let last: Context = ctx;
  while (!entry) {
    const a = await answer(conversation, t, userId);
    last = a.ctx;
    let client = "";
    if (a.kind === "text") {
      client = a.text;
      lastTextDate = a.ctx.message?.date;
    } else if (a.kind === "button" && a.value.startsWith("recent:")) client = env.recent[Number(a.value.slice(7))] ?? "";
    else if (a.kind === "skip" && required) continue;
    const args = kind === "call" ? `${outcome} ${client}` : kind === "deal" ? `${amountText} ${client}` : client;
    const parsed = parseEntry(kind, args);
    if (parsed.ok) entry = parsed.entry;
    else await a.ctx.reply(entryErrorText(t, kind, parsed.error, parsed.detail), { reply_markup: clientKb });
  }

  if (kind === "lost") {
    const givenReason = prefill.lostReason ?? null;
    const reasonKb = givenReason
      ? new InlineKeyboard()
          .text(givenReason.length > 30 ? `${givenReason.slice(0, 29)}…` : givenReason, "flow:reason")
          .row(...controls(t, true).inline_keyboard.flat())
      : controls(t, true);
    await last.reply(t.flow.reason, { reply_markup: reasonKb });
    for (;;) {
      const a = await answer(conversation, t, userId);
      last = a.ctx;
      if (a.kind === "skip") break;
      if (a.kind === "button" && a.value === "reason" && givenReason) {
        const parsed = parseEntry("lost", `${entry.clientName} — ${givenReason}`);
        if (parsed.ok) entry = parsed.entry;
        break;
      }
      if (a.kind !== "text") continue;
      const parsed = parseEntry("lost", `${entry.clientName} — ${a.text}`);
      if (parsed.ok) {
        entry = parsed.entry;
        break;
      }
      await a.ctx.reply(entryErrorText(t, "lost", parsed.error), { reply_markup: controls(t, true) });
    }
  }

  // The entry's time is when the manager sent it: their last message in the flow, else
  // the message that started it, else (a flow of taps) the tapped prompt's time.
  const sentAt = last.message?.date ?? lastTextDate ?? ctx.message?.date ?? last.callbackQuery?.message?.date;
  const occurredAt = sentAt ? sentAt * 1000 : await conversation.now();
  const sourceUpdateId = last.update.update_id;
  const final = entry;
  // Stored in the team the flow was opened for, if the user is still in it.
  const { reply, logged } = await conversation.external((octx) => {
    const still = recheckScope(octx, flowScope);
    if (!still.ok) return { reply: still.text, logged: false };
    const outcome = recordEntry(octx.deps, still.member, final, { occurredAt, sourceUpdateId, notify: followupTarget(octx, false) });
    const text = entryReplyText(final, outcome, env.locale);
    const logged = outcome.status === "logged";
    if (!prefill.correcting || !logged) return { reply: text, logged };
    const stored = { kind: final.kind, clientName: final.clientName, amountMinor: final.amountMinor };
    const learned = learnFromCorrection(octx.deps, still.member, { ...prefill.correcting, stored });
    return { reply: learned.length ? `${text}\n${t.freeText.learned(learned.map((a) => aliasLine(a, env.locale)))}` : text, logged };
  });
  try {
    await last.reply(reply);
  } finally {
    // The entry's badges and milestones follow the reply (even one that failed), from the after-reply queue.
    if (logged) await conversation.external((octx) => octx.deps.onEntriesQueued?.(octx.chat?.id ?? null));
  }
}
