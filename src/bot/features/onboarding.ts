import { Composer } from "grammy";
import { clip, escapeHtml } from "../../presentation/html.js";
import { demoteHead, joinTeam, leaveTeam, memberByUsername, setMemberRole, type TeamMember } from "../../services/members.js";
import { createTeam, rotateInviteCode, teamByInviteCode } from "../../services/teams.js";
import type { BotContext } from "../context.js";
import { mainKeyboard } from "../keyboards/logging.js";
import { requireHead } from "../middlewares/guards.js";

function inviteLink(botUsername: string, code: string): string {
  return `https://t.me/${botUsername}?start=${code}`;
}

const displayName = (u: { username: string | null; firstName: string }) => escapeHtml(u.username ? `@${u.username}` : u.firstName);

export const onboardingFeature = new Composer<BotContext>();

/**
 * The active member a head's command names by @username, or null after answering
 * with the command's own form (a malformed name) or its "not in the team" line.
 */
async function memberNamed(
  ctx: BotContext,
  teamId: number,
  words: { usage: string; notFound: (shown: string) => string },
): Promise<TeamMember | null> {
  const username = ctx.match?.toString().trim() ?? "";
  if (!/^@?[A-Za-z0-9_]{3,32}$/.test(username)) {
    await ctx.reply(words.usage);
    return null;
  }
  const target = memberByUsername(ctx.deps, teamId, username);
  if (!target) {
    const shown = escapeHtml(username.startsWith("@") ? username : `@${username}`);
    await ctx.reply(`${words.notFound(shown)}\n${words.usage}`);
    return null;
  }
  return target;
}

onboardingFeature.chatType("private").command("start", async (ctx) => {
  const code = ctx.match.trim();
  const user = ctx.actor.user!;
  if (!code) {
    const current = ctx.actor.team;
    if (current) {
      await ctx.reply(ctx.t.start.already(escapeHtml(current.name)), { reply_markup: mainKeyboard(ctx.t) });
    } else {
      await ctx.reply(ctx.t.start.intro);
    }
    return;
  }
  const team = /^[A-Za-z0-9_-]{1,64}$/.test(code) ? teamByInviteCode(ctx.deps, code) : undefined;
  if (!team) {
    await ctx.reply(`${ctx.t.start.badCode}\n\n${ctx.t.start.intro}`);
    return;
  }
  const outcome = joinTeam(ctx.deps, team.id, user.id, ctx.deps.now());
  const name = escapeHtml(team.name);
  const text =
    outcome === "already" ? ctx.t.start.already(name) : outcome === "rejoined" ? ctx.t.start.welcomeBack(name) : ctx.t.start.joined(name);
  await ctx.reply(text, { reply_markup: mainKeyboard(ctx.t) });
});

onboardingFeature.command("start", async (ctx) => {
  await ctx.reply(ctx.t.start.intro);
});

onboardingFeature.command("setup", async (ctx) => {
  if (ctx.chat.type === "private" || ctx.chat.type === "channel") {
    await ctx.reply(ctx.t.setup.notGroup);
    return;
  }
  const { config } = ctx.deps;
  const existing = ctx.actor.team;
  if (existing) {
    await ctx.reply(ctx.t.setup.already(escapeHtml(existing.name)));
    return;
  }
  const member = await ctx.getChatMember(ctx.from!.id);
  if (member.status !== "creator" && member.status !== "administrator") {
    await ctx.reply(ctx.t.setup.notAdmin);
    return;
  }
  const team = createTeam(ctx.deps, {
    chatId: ctx.chat.id,
    name: clip(ctx.chat.title || "Sales", 100),
    timezone: config.defaultTimezone,
    locale: ctx.locale,
    headId: ctx.actor.user!.id,
  });
  await ctx.reply(ctx.t.setup.done(escapeHtml(team.name), inviteLink(ctx.me.username, team.inviteCode)));
});

onboardingFeature.command("invite", async (ctx) => {
  const head = await requireHead(ctx, "invite");
  if (!head) return;
  const arg = ctx.match.trim().toLowerCase();
  const name = escapeHtml(head.team.name);
  if (arg === "new" || arg === "новая" || arg === "новую") {
    // Everyone holding the old link (a removed member, a leaked chat) can no longer join with it.
    const team = rotateInviteCode(ctx.deps, head.team.id);
    await ctx.reply(ctx.t.inviteRotated(name, inviteLink(ctx.me.username, team.inviteCode)));
    return;
  }
  if (arg) {
    await ctx.reply(ctx.t.inviteUsage);
    return;
  }
  await ctx.reply(ctx.t.invite(name, inviteLink(ctx.me.username, head.team.inviteCode)));
});

onboardingFeature.command("remove", async (ctx) => {
  const head = await requireHead(ctx, "remove");
  if (!head) return;
  const target = await memberNamed(ctx, head.team.id, ctx.t.remove);
  if (!target) return;
  if (target.user.id === head.user.id) {
    await ctx.reply(ctx.t.remove.self);
    return;
  }
  // The membership row stays (inactive): past entries keep their author in reports.
  leaveTeam(ctx.deps, head.team.id, target.user.id);
  await ctx.reply(ctx.t.remove.done(displayName(target.user)));
});

onboardingFeature.command("join", async (ctx) => {
  if (ctx.chat.type === "private") {
    await ctx.reply(ctx.t.groupOnly("join"));
    return;
  }
  const team = ctx.actor.team;
  const user = ctx.actor.user;
  if (!team || !user) {
    await ctx.reply(ctx.t.groupNotTeam);
    return;
  }
  const outcome = joinTeam(ctx.deps, team.id, user.id, ctx.deps.now());
  const name = escapeHtml(user.firstName);
  const text = outcome === "already" ? ctx.t.join.already(name, escapeHtml(team.name)) : ctx.t.join.joined(name, escapeHtml(team.name));
  await ctx.reply(text);
});

onboardingFeature.command("promote", async (ctx) => {
  const head = await requireHead(ctx, "promote");
  if (!head) return;
  const target = await memberNamed(ctx, head.team.id, ctx.t.promote);
  if (!target) return;
  if (target.membership.role === "head") {
    await ctx.reply(ctx.t.promote.already(displayName(target.user)));
    return;
  }
  setMemberRole(ctx.deps, head.team.id, target.user.id, "head");
  await ctx.reply(ctx.t.promote.done(displayName(target.user)));
});

onboardingFeature.command("demote", async (ctx) => {
  const head = await requireHead(ctx, "demote");
  if (!head) return;
  const target = await memberNamed(ctx, head.team.id, ctx.t.demote);
  if (!target) return;
  const name = displayName(target.user);
  const outcome = demoteHead(ctx.deps, head.team.id, target.user.id);
  const text =
    outcome === "demoted" ? ctx.t.demote.done(name) : outcome === "last_head" ? ctx.t.demote.lastHead(name) : ctx.t.demote.notHead(name);
  await ctx.reply(text);
});
