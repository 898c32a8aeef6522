import { Composer, InlineKeyboard } from "grammy";
import { type EditParseError, type EditValue, type EntryTarget, parseEditCommand, parseVoidCommand } from "../../domain/edit-command.js";
import { formatLocal } from "../../domain/time.js";
import { echo } from "../../presentation/html.js";
import type { Messages } from "../../presentation/i18n/index.js";
import { changesText, entryButton, entryLine, entryText } from "../../presentation/views/control-view.js";
import {
  type Activity,
  correctEntry,
  editableEntries,
  editableFields,
  entryById,
  loggedAtOf,
  mayChange,
  voidEntry,
} from "../../services/corrections.js";
import type { Member } from "../../services/deps.js";
import type { BotContext } from "../context.js";
import { requireHead, requireMember } from "../middlewares/guards.js";

/**
 * Corrections: `/edit` (a manager's own entry within 24 h; a head's any entry, with a
 * reason) and `/void` (heads). Every change is audited and shows in /feed.
 */
export const correctionsFeature = new Composer<BotContext>();

/** The prompt a picked entry gets; a reply to it is read as `/edit #id <reply>`. */
const PICKED_PROMPT = /^✏️ #(\d{1,12}):/;

function parseErrorText(t: Messages, e: EditParseError): string {
  const c = t.control;
  switch (e.error) {
    case "form":
      return c.editForms;
    case "field":
      return `${c.badField(echo(e.word))}\n${c.editForms}`;
    case "amount":
      return c.badAmount(echo(e.detail));
    case "outcome":
      return c.badOutcome(echo(e.word));
    case "client_required":
      return c.clientRequired;
    case "client_too_long":
      return c.clientTooLong;
    case "reason_required":
      return c.voidForm;
    case "reason_too_long":
      return c.reasonTooLong;
  }
}

async function refuse(ctx: BotContext, text: string): Promise<void> {
  await ctx.reply(`⚠️ ${text}\n${ctx.t.control.nothingChanged}`);
}

/** `/edit` alone: the last entry and the day's list as buttons. */
async function showMenu(ctx: BotContext, member: Member): Promise<void> {
  const c = ctx.t.control;
  const entries = editableEntries(ctx.deps, member);
  if (entries.length === 0) {
    await ctx.reply(`${c.noneToEdit}\n${c.editForms}`);
    return;
  }
  const kb = new InlineKeyboard();
  for (const a of entries)
    kb.text(entryButton(a, formatLocal(loggedAtOf(a), member.team.timezone, "HH:mm"), ctx.locale), `ed:p:${a.id}`).row();
  await ctx.reply([c.lastEntry(entryLine(entries[0]!, ctx.locale)), c.pickOne, c.editForms].join("\n"), {
    reply_markup: kb,
  });
}

/** A picked entry: what it is and how to change it, as a message to reply to. */
async function showPicked(ctx: BotContext, member: Member, id: number): Promise<void> {
  const c = ctx.t.control;
  const entry = entryById(ctx.deps, member.team.id, id);
  if (!entry) return refuse(ctx, c.refusal.not_found!);
  const now = ctx.deps.now();
  // Whether a reason will be needed; a head may go on without one here and give it in the reply.
  const refusal = mayChange(member, entry, now, null);
  if (refusal && refusal !== "reason_required") return refuse(ctx, c.refusal[refusal]);
  const examples: Record<string, string> = {
    amount: `<code>${c.field.amount} 60k</code>`,
    client: `<code>${c.field.client} Acme</code>`,
    outcome: `<code>${c.field.outcome} ${ctx.locale === "ru" ? "встреча" : "meeting"}</code>`,
  };
  const lines = [
    c.picked(entry.id, entryText(entry, ctx.locale)),
    c.pickedHint(
      editableFields(entry.kind)
        .map((f) => examples[f])
        .join(", "),
    ),
  ];
  if (refusal === "reason_required") lines.push(c.pickedHintReason);
  await ctx.reply(lines.join("\n"), {
    reply_markup: { force_reply: true, input_field_placeholder: `${c.field[editableFields(entry.kind)[0]!]} …` },
  });
}

async function applyEdit(ctx: BotContext, member: Member, target: EntryTarget, value: EditValue, reason: string | null): Promise<void> {
  const c = ctx.t.control;
  const result = correctEntry(ctx.deps, member, target, value, reason);
  if (!result.ok) return refuse(ctx, c.refusal[result.refusal]);
  await ctx.reply(c.corrected(result.activity.id, changesText(result.before, result.after, ctx.locale)));
}

correctionsFeature.command("edit", async (ctx) => {
  const member = await requireMember(ctx);
  if (!member) return;
  const req = parseEditCommand(typeof ctx.match === "string" ? ctx.match : "");
  if ("error" in req) return refuse(ctx, parseErrorText(ctx.t, req));
  if (req.kind === "menu") return showMenu(ctx, member);
  if (req.kind === "pick") return showPicked(ctx, member, req.id);
  await applyEdit(ctx, member, req.target, req.value, req.reason);
});

correctionsFeature.callbackQuery(/^ed:p:(\d{1,12})$/, async (ctx) => {
  await ctx.answerCallbackQuery().catch(() => undefined);
  const member = await requireMember(ctx);
  if (!member) return;
  await showPicked(ctx, member, Number(ctx.match[1]));
});

// A reply to a picked entry's prompt: "сумма 60k", "client Acme — typo".
correctionsFeature.on("message:text", async (ctx, next) => {
  const prompt = ctx.message.reply_to_message;
  const id = prompt?.from?.id === ctx.me.id ? PICKED_PROMPT.exec(prompt.text ?? "")?.[1] : undefined;
  if (!id || ctx.message.text.startsWith("/")) return next();
  const member = await requireMember(ctx);
  if (!member) return;
  const req = parseEditCommand(`#${id} ${ctx.message.text}`);
  if ("error" in req) return refuse(ctx, parseErrorText(ctx.t, req));
  if (req.kind !== "change") return refuse(ctx, ctx.t.control.editForms);
  await applyEdit(ctx, member, req.target, req.value, req.reason);
});

correctionsFeature.command("void", async (ctx) => {
  const member = await requireHead(ctx, "void");
  if (!member) return;
  const req = parseVoidCommand(typeof ctx.match === "string" ? ctx.match : "");
  if ("error" in req) return refuse(ctx, parseErrorText(ctx.t, req));
  const result = voidEntry(ctx.deps, member, req.id, req.reason);
  if (!result.ok) return refuse(ctx, ctx.t.control.refusal[result.refusal]);
  const lines = [ctx.t.control.voided(result.activity.id, entryLine(result.activity as Activity, ctx.locale))];
  if (result.leadRemoved) lines.push(ctx.t.undo.leadRemoved);
  if (result.stageRestored) lines.push(ctx.t.undo.stageRestored(ctx.t.stage[result.stageRestored]));
  await ctx.reply(lines.join("\n"));
});
