import type { Db } from "../client.js";
import { awardsRepository } from "./awards.js";
import { bonusRulesRepository } from "./bonus-rules.js";
import { businessRepository } from "./business.js";
import { coachNotesRepository } from "./coach-notes.js";
import { contestsRepository } from "./contests.js";
import { crmRepository } from "./crm.js";
import { entriesRepository } from "./entries.js";
import { entryChangesRepository } from "./entry-changes.js";
import { followupsRepository } from "./followups.js";
import { gamingFlagsRepository } from "./gaming-flags.js";
import { importJobsRepository } from "./import-jobs.js";
import { inboxRepository } from "./inbox.js";
import { knowledgeBaseRepository } from "./knowledge-base.js";
import { leaguesRepository } from "./leagues.js";
import { plansRepository } from "./plans.js";
import { postsRepository } from "./posts.js";
import { programsRepository } from "./programs.js";
import { quizzesRepository } from "./quizzes.js";
import { richFallbackRepository } from "./rich-fallback.js";
import { savedReportsRepository } from "./saved-reports.js";
import { teamsRepository } from "./teams.js";
import { textAliasesRepository } from "./text-aliases.js";
import { textProposalsRepository } from "./text-proposals.js";
import { tvLinksRepository } from "./tv-links.js";
import { updatesRepository } from "./updates.js";
import { membershipsRepository, usersRepository } from "./users.js";

export function createRepositories(db: Db) {
  return {
    teams: teamsRepository(db),
    users: usersRepository(db),
    memberships: membershipsRepository(db),
    entries: entriesRepository(db),
    entryChanges: entryChangesRepository(db),
    followups: followupsRepository(db),
    plans: plansRepository(db),
    bonusRules: bonusRulesRepository(db),
    savedReports: savedReportsRepository(db),
    posts: postsRepository(db),
    updates: updatesRepository(db),
    textProposals: textProposalsRepository(db),
    textAliases: textAliasesRepository(db),
    inbox: inboxRepository(db),
    tvLinks: tvLinksRepository(db),
    knowledgeBase: knowledgeBaseRepository(db),
    quizzes: quizzesRepository(db),
    coachNotes: coachNotesRepository(db),
    programs: programsRepository(db),
    gamingFlags: gamingFlagsRepository(db),
    contests: contestsRepository(db),
    awards: awardsRepository(db),
    leagues: leaguesRepository(db),
    business: businessRepository(db),
    importJobs: importJobsRepository(db),
    richFallback: richFallbackRepository(db),
    crm: crmRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
