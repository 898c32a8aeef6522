import type { Bot } from "grammy";
import type { BotContext } from "../context.js";
import { aliasesFeature } from "./aliases.js";
import { badgesFeature } from "./badges.js";
import { bonusFeature } from "./bonus.js";
import { chatMembershipFeature } from "./chat-membership.js";
import { clientsFeature } from "./clients.js";
import { coachingFeature } from "./coaching.js";
import { contestsFeature } from "./contests.js";
import { correctionsFeature } from "./corrections.js";
import { crmFeature } from "./crm.js";
import { dashboardFeature } from "./dashboard.js";
import { exportFeature } from "./export.js";
import { feedFeature } from "./feed.js";
import { flagsFeature } from "./flags.js";
import { freeTextFeature } from "./free-text.js";
import { helpFeature } from "./help.js";
import { importFeature } from "./import.js";
import { inputsFeature } from "./inputs.js";
import { knowledgeBaseFeature } from "./knowledge-base.js";
import { leaderboardsFeature } from "./leaderboards.js";
import { leagueFeature } from "./league.js";
import { loggingFeature } from "./logging.js";
import { meFeature } from "./me.js";
import { onboardingFeature } from "./onboarding.js";
import { plansFeature } from "./plans.js";
import { pointsSettingsFeature } from "./points-settings.js";
import { programsFeature } from "./programs.js";
import { quizzesFeature } from "./quizzes.js";
import { reportsFeature } from "./reports.js";
import { settingsFeature } from "./settings.js";
import { undoFeature } from "./undo.js";
import { unhandledFeature } from "./unhandled.js";

/** Every feature, registered in one place; the catch-all goes last. */
export function registerFeatures(bot: Bot<BotContext>): void {
  // Before anything reads plain text: a secret typed in the /crm connect flow goes nowhere else.
  bot.use(crmFeature);
  // The busiest path (an entry) first: membership events, onboarding and /help match none
  // of its updates, and each layer before it cost every entry its filters.
  bot.use(loggingFeature);
  bot.use(chatMembershipFeature);
  bot.use(onboardingFeature);
  bot.use(helpFeature);
  bot.use(undoFeature);
  bot.use(correctionsFeature);
  bot.use(aliasesFeature);
  bot.use(feedFeature);
  bot.use(meFeature);
  bot.use(plansFeature);
  bot.use(reportsFeature);
  bot.use(exportFeature);
  bot.use(bonusFeature);
  bot.use(importFeature);
  bot.use(leaderboardsFeature);
  bot.use(contestsFeature);
  bot.use(badgesFeature);
  // `/settings points|holidays` before the general /settings handler.
  bot.use(pointsSettingsFeature);
  bot.use(leagueFeature);
  bot.use(settingsFeature);
  bot.use(dashboardFeature);
  bot.use(knowledgeBaseFeature);
  bot.use(quizzesFeature);
  bot.use(programsFeature);
  bot.use(coachingFeature);
  bot.use(flagsFeature);
  bot.use(inputsFeature);
  bot.use(clientsFeature);
  // Plain text that no feature took is a report in words; before the catch-all.
  bot.use(freeTextFeature);
  bot.use(unhandledFeature);
}
