import { Composer } from "grammy";
import { HOUR_MS } from "../../domain/time.js";
import { messages } from "../../presentation/i18n/index.js";
import { describeEntry } from "../../presentation/views/entry-messages.js";
import { markContestsDirty } from "../../services/contests.js";
import { undoLastEntry } from "../../services/entry-history.js";
import type { BotContext } from "../context.js";
import { kindForButton } from "../keyboards/logging.js";
import { requireMember } from "../middlewares/guards.js";

export const undoFeature = new Composer<BotContext>();

async function undo(ctx: BotContext): Promise<void> {
  const member = await requireMember(ctx);
  if (!member) return;
  const now = ctx.deps.now();
  const result = undoLastEntry(ctx.deps, member.team.id, member.user.id, now - 24 * HOUR_MS, now, ctx.update.update_id);
  if (result.status === "nothing") {
    await ctx.reply(ctx.t.undo.nothing);
    return;
  }
  const a = result.activity;
  markContestsDirty(ctx.deps, member.team.id, member.user.id, a.occurredAt);
  const what = [ctx.t.kindName[a.kind], describeEntry({ ...a, lostReason: null }, ctx.locale)].filter(Boolean).join(" — ");
  const lines = [ctx.t.undo.done(what)];
  if (result.leadRemoved) lines.push(ctx.t.undo.leadRemoved);
  if (result.stageRestored) lines.push(ctx.t.undo.stageRestored(ctx.t.stage[result.stageRestored]));
  await ctx.reply(lines.join("\n"));
}

undoFeature.command("undo", undo);
undoFeature
  .chatType("private")
  .on("message:text")
  .filter((ctx) => kindForButton(ctx.message.text, Object.values(messages)) === "undo", undo);
