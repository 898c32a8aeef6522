import { Composer } from "grammy";
import { renderOwnBadges, renderTeamBadges } from "../../presentation/views/badge-view.js";
import { badgesOf } from "../../services/motivation.js";
import type { BotContext } from "../context.js";
import { requireMember } from "../middlewares/guards.js";

export const badgesFeature = new Composer<BotContext>();

// A manager sees their own badges with the rules; a head sees the team's table.
badgesFeature.command("badges", async (ctx) => {
  const member = await requireMember(ctx);
  if (!member) return;
  const { team, user, membership } = member;
  const text =
    membership.role === "head"
      ? renderTeamBadges(team.name, badgesOf(ctx.deps, team), ctx.locale)
      : renderOwnBadges(user.firstName, badgesOf(ctx.deps, team, user.id)[0]?.badges ?? [], team.timezone, ctx.locale);
  await ctx.reply(text);
});
