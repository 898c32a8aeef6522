import type { Composer } from "grammy";
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

/** Every feature, in the order updates meet them (registered in one place); the catch-all goes last. */
export const FEATURES: readonly Composer<BotContext>[] = [
  // Before anything reads plain text: a secret typed in the /crm connect flow goes nowhere else.
  crmFeature,
  // The busiest path (an entry) first: membership events, onboarding and /help match none
  // of its updates, and each layer before it cost every entry its filters.
  loggingFeature,
  chatMembershipFeature,
  onboardingFeature,
  helpFeature,
  undoFeature,
  correctionsFeature,
  aliasesFeature,
  feedFeature,
  meFeature,
  plansFeature,
  reportsFeature,
  exportFeature,
  bonusFeature,
  importFeature,
  leaderboardsFeature,
  contestsFeature,
  badgesFeature,
  // `/settings points|holidays` before the general /settings handler.
  pointsSettingsFeature,
  leagueFeature,
  settingsFeature,
  dashboardFeature,
  knowledgeBaseFeature,
  quizzesFeature,
  programsFeature,
  coachingFeature,
  flagsFeature,
  inputsFeature,
  clientsFeature,
  // Plain text that no feature took is a report in words; before the catch-all.
  freeTextFeature,
  unhandledFeature,
];
