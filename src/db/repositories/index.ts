import type { Db } from "../client.js";
import { coachNotesRepository } from "./coach-notes.js";
import { entriesRepository } from "./entries.js";
import { importJobsRepository } from "./import-jobs.js";
import { inboxRepository } from "./inbox.js";
import { knowledgeBaseRepository } from "./knowledge-base.js";
import { plansRepository } from "./plans.js";
import { postsRepository } from "./posts.js";
import { programsRepository } from "./programs.js";
import { quizzesRepository } from "./quizzes.js";
import { savedReportsRepository } from "./saved-reports.js";
import { teamsRepository } from "./teams.js";
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
    plans: plansRepository(db),
    savedReports: savedReportsRepository(db),
    posts: postsRepository(db),
    updates: updatesRepository(db),
    textProposals: textProposalsRepository(db),
    inbox: inboxRepository(db),
    tvLinks: tvLinksRepository(db),
    knowledgeBase: knowledgeBaseRepository(db),
    quizzes: quizzesRepository(db),
    coachNotes: coachNotesRepository(db),
    programs: programsRepository(db),
    importJobs: importJobsRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
