import { Composer } from "grammy";
import type { Messages } from "../../presentation/i18n/index.js";
import type { BotContext } from "../context.js";

export const helpFeature = new Composer<BotContext>();

/** The help for a role in a chat: only what that role can use there. */
export function helpText(t: Messages, role: "head" | "manager" | null, chat: "private" | "group", inTeamChat: boolean): string {
  const h = t.help;
  const sections = [h.title];
  if (role) sections.push(h.logging, t.control.help, h.me, t.motivation.help, t.league.help, t.coaching.help, t.bonus.help);
  if (role === "head") sections.push(h.head, t.control.helpHead, t.flags.help, t.crm.help);
  if (chat !== "private") {
    if (!role) sections.push(h.group);
    if (!inTeamChat) sections.push(h.admin);
  }
  if (!role) sections.push(inTeamChat ? "" : t.notInTeam);
  return sections.filter(Boolean).join("\n\n");
}

helpFeature.command("help", async (ctx) => {
  const chat = ctx.chat.type === "private" ? "private" : "group";
  await ctx.reply(helpText(ctx.t, ctx.actor.membership?.role ?? null, chat, Boolean(ctx.actor.team)));
});
