// The after-reply queue (issue 20): what an entry sets off beyond itself — the
// contests' dirty marks, the streak, badge and plan-milestone checks — runs after
// the entry's reply is sent, from jobs stored in the entry's own transaction
// (`followups`). A batch of jobs, everything they change and the jobs' deletion
// (done) are one transaction, so a crash before it commits leaves them all to the
// next drain and a crash after it leaves nothing to run twice.

import type { FollowupTarget, PendingFollowup } from "../db/repositories/followups.js";
import { eachInSavepoint } from "../db/savepoints.js";
import type { ActivityKind } from "../domain/types.js";
import type { AppDeps, Member } from "./deps.js";
import { type Celebrations, celebrateEntry } from "./motivation.js";
import { localDayBounds } from "./record-entry.js";

/** Jobs taken per transaction: a burst of entries drains in a few commits, not one each. */
export const FOLLOWUP_BATCH = 200;

/** What the person is told after the reply: a congratulation, a reaction on their message. */
export interface FollowupNotice {
  target: FollowupTarget;
  kind: ActivityKind;
  celebrations: Celebrations;
}

export interface FollowupRound {
  /** Jobs run (and marked done) in this round. */
  done: number;
  notices: FollowupNotice[];
}

const NOTHING: Celebrations = { badges: [], milestones: [] };

/**
 * Runs up to `limit` pending jobs, oldest first, in one transaction, and returns
 * what to tell people (sent by the caller after it committed). A job whose check
 * fails is logged and marked done: a failing check costs a badge, never the entry,
 * and never blocks the jobs behind it.
 */
export function runFollowups(deps: AppDeps, limit = FOLLOWUP_BATCH): FollowupRound {
  const { repos, logger } = deps;
  const sqlite = deps.db.$client;
  const members = new Map<string, Member | null>();
  const memberOf = (teamId: number, userId: number): Member | null => {
    const key = `${teamId}:${userId}`;
    if (!members.has(key)) {
      const user = repos.users.byId(userId);
      const active = user && repos.memberships.activeIn(teamId, userId);
      members.set(key, active ? { user, ...active } : null);
    }
    return members.get(key)!;
  };
  const runJob = (job: PendingFollowup): FollowupNotice | null => {
    const now = deps.now();
    if (!repos.followups.finish(job.id)) return null;
    // An entry undone before its job ran has taken its marks back itself (/undo marks contests).
    if (job.deleted) return null;
    repos.contests.markDirty(job.teamId, job.userId, job.occurredAt, now);
    if (!job.celebrate) return null;
    const member = memberOf(job.teamId, job.userId);
    if (!member) return null;
    const day = localDayBounds(job.occurredAt, member.team.timezone);
    const celebrations = celebrateEntry(deps, member, job.createdAt, {
      deal: job.kind === "deal",
      // Only a day's first entry (or one for an earlier day) can lengthen the streak.
      streakMayGrow: job.loggedAt !== null || !repos.entries.hasEarlierInDay(job.teamId, job.userId, day.from, day.to, job.activityId),
    });
    return job.target ? { target: job.target, kind: job.kind, celebrations } : null;
  };
  const batch = sqlite.transaction((): FollowupRound => {
    const jobs = repos.followups.pending(limit);
    const notices: FollowupNotice[] = [];
    // A savepoint per job: a failing one is rolled back alone.
    eachInSavepoint(sqlite, jobs, runJob).forEach((outcome, i) => {
      const job = jobs[i]!;
      if (outcome.ok) {
        if (outcome.value) notices.push(outcome.value);
        return;
      }
      logger.error({ err: outcome.error, team_id: job.teamId, user_id: job.userId, activity_id: job.activityId }, "entry follow-up failed");
      repos.followups.finish(job.id);
      if (job.target) notices.push({ target: job.target, kind: job.kind, celebrations: NOTHING });
    });
    return { done: jobs.length, notices };
  });
  return batch();
}
