import { Composer } from "grammy";
import type { BotContext } from "../context.js";

export const helpFeature = new Composer<BotContext>();

/** Lists only what the caller's role can use here. */
helpFeature.command("help", async (ctx) => {
  const h = ctx.t.help;
  const role = ctx.actor.membership?.role;
  const sections = [h.title];
  if (role)
    sections.push(h.logging, ctx.t.control.help, h.me, ctx.t.motivation.help, ctx.t.league.help, ctx.t.coaching.help, ctx.t.bonus.help);
  if (role === "head") sections.push(h.head, ctx.t.control.helpHead, ctx.t.flags.help, ctx.t.crm.help);
  if (ctx.chat.type !== "private") {
    if (!role) sections.push(h.group);
    if (!ctx.actor.team) sections.push(h.admin);
  }
  if (!role) sections.push(ctx.actor.team ? "" : ctx.t.notInTeam);
  await ctx.reply(sections.filter(Boolean).join("\n\n"), { parse_mode: "HTML" });
});
