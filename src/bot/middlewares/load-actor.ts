import type { MiddlewareFn } from "grammy";
import { type Audience, memberAudience } from "../../domain/trust-policy.js";
import { messages, pickLocale } from "../../presentation/i18n/index.js";
import type { BotContext } from "../context.js";

/** A member sees by their role in this chat; anyone else as a stranger (commands refuse them anyway). */
function audienceOf(role: "head" | "manager" | null, chat: "private" | "group"): Audience {
  return role ? memberAudience(role, chat) : { role: "stranger", channel: chat === "private" ? "private" : "other_group" };
}

/** Resolves the user, their team and role for this chat, and the reply language. */
export const loadActor: MiddlewareFn<BotContext> = (ctx, next) => {
  const { repos, now, config } = ctx.deps;
  if (ctx.from && !ctx.from.is_bot) {
    const user = repos.users.upsert(ctx.from, now());
    let team = null;
    let membership = null;
    if (ctx.chat && ctx.chat.type !== "private") {
      team = repos.teams.byChatId(ctx.chat.id) ?? null;
      membership = team ? (repos.memberships.get(team.id, user.id) ?? null) : null;
      if (membership && !membership.active) membership = null;
    } else {
      const current = repos.memberships.currentFor(user.id);
      team = current?.team ?? null;
      membership = current?.membership ?? null;
    }
    ctx.actor = { user, team, membership };
    ctx.audience = audienceOf(membership?.role ?? null, ctx.chat?.type === "private" || !ctx.chat ? "private" : "group");
    ctx.locale = pickLocale(user.settings["language"], user.languageCode, team?.locale ?? config.defaultLocale);
    ctx.t = messages[ctx.locale];
  } else if (ctx.chat && ctx.chat.type !== "private") {
    ctx.actor.team = repos.teams.byChatId(ctx.chat.id) ?? null;
  }
  ctx.audience ??= { role: "stranger", channel: ctx.chat?.type === "private" ? "private" : "other_group" };
  return next();
};
