import type { DeliveryHooks, Outgoing } from "../delivery/index.js";
import { escapeHtml } from "../presentation/html.js";
import { messages, pickLocale } from "../presentation/i18n/index.js";
import type { AppDeps } from "../services/deps.js";

/**
 * What a failed delivery means for our data: a group that became a supergroup is
 * followed to its new id; a group that removed the bot stops getting posts and
 * its heads are told in private; a person who blocked the bot stops getting DMs.
 */
export function deliveryHooks(deps: AppDeps, send: (msg: Outgoing) => Promise<unknown>): DeliveryHooks {
  return {
    onMigrated(oldChatId, newChatId) {
      const team = deps.repos.teams.byChatId(oldChatId);
      if (team) deps.repos.teams.update(team.id, { chatId: newChatId });
      deps.repos.richFallback.moved(oldChatId, newChatId);
      deps.logger.info({ old_chat_id: oldChatId, new_chat_id: newChatId, team_id: team?.id }, "group migrated to a supergroup");
    },
    async onBlocked(chatId, description) {
      const now = deps.now();
      if (chatId > 0) {
        deps.repos.users.update(chatId, { blockedAt: now });
        deps.logger.info({ user_id: chatId, description }, "user blocked the bot: private posts stop");
        return;
      }
      const team = deps.repos.teams.byChatId(chatId);
      if (!team) return;
      deps.repos.teams.update(team.id, { chatUnreachableAt: now });
      deps.logger.warn({ team_id: team.id, chat_id: chatId, description }, "team group unreachable: group posts stop");
      for (const m of deps.repos.memberships.listTeam(team.id)) {
        if (m.membership.role !== "head" || m.user.blockedAt !== null) continue;
        const t = messages[pickLocale(m.user.settings["language"], m.user.languageCode, team.locale)];
        await send({ chatId: m.user.id, html: t.posts.blockedGroup(escapeHtml(team.name)), label: `blocked:${team.id}` });
      }
    },
  };
}
