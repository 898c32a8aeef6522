// /import's use cases: match a read CSV's managers to the team, count what is already
// stored, and store the rest in batches through the same pipeline as logging.

import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { Member as TeamMember } from "../db/repositories/users.js";
import type { BackdateError } from "../domain/backdating.js";
import type { ImportRow, RowError, RowProblem } from "../domain/csv-import.js";
import { normaliseWord } from "../domain/csv-import.js";
import { clientKey } from "../domain/pipeline.js";
import { formatLocal } from "../domain/time.js";
import type { AppDeps, Member } from "./deps.js";
import { backdateWindow, checkEntryInstant } from "./entry-day.js";

/** Rows per transaction: big enough to be fast, small enough not to hold the database for long. */
export const IMPORT_BATCH_SIZE = 1_000;
/** A dry run's buttons work for a day, like a free-text proposal's. */
export const IMPORT_TTL_MS = 24 * 3_600_000;
/** `/import` without a file waits this long for one. */
export const AWAITING_FILE_TTL_MS = 15 * 60_000;

export interface PlannedRow extends ImportRow {
  userId: number;
}

/** What a dry run found: rows ready to store (some already present), rows with errors, unknown managers. */
export interface ImportPlan {
  rows: PlannedRow[];
  /** Every refused row, in file order. */
  errors: RowError[];
  /** Managers named in the file that match nobody in the team, as written. */
  unknownManagers: string[];
  /** Ready rows that match an entry already stored (they will be skipped). */
  alreadyPresent: number;
  /**
   * Ready rows for a day beyond the team's backdating window: only a head's file has
   * them (a manager's are errors, as their commands would be refused).
   */
  beyondWindow: number;
  /** The team's backdating window when planned, in days (0: off). */
  windowDays: number;
  total: number;
}

/** Why the pipeline refused a row at import (as it refuses the same command). */
export type PipelineRefusal = "lead_exists" | "no_open_lead";

export interface ImportResult {
  stored: number;
  alreadyPresent: number;
  refused: { row: number; reason: PipelineRefusal }[];
  errors: number;
}

const MINUTE_MS = 60_000;

/** Same manager, kind, local minute and client: the same entry. */
function entryKey(userId: number, kind: string, occurredAt: number, client: string | null): string {
  return `${userId}|${kind}|${Math.floor(occurredAt / MINUTE_MS)}|${client === null ? "" : clientKey(client)}`;
}

/** How a file's manager cell finds a member: @username, full name, first name, username, or user id. */
function managerMatcher(team: TeamMember[]): (written: string) => TeamMember[] {
  const fullName = (m: TeamMember) => normaliseWord(`${m.user.firstName} ${m.user.lastName ?? ""}`);
  return (written) => {
    const word = normaliseWord(written);
    const byUsername = (name: string) => team.filter((m) => m.user.username && m.user.username.toLowerCase() === name);
    if (word.startsWith("@")) return byUsername(word.slice(1));
    for (const found of [
      team.filter((m) => fullName(m) === word),
      team.filter((m) => normaliseWord(m.user.firstName) === word),
      byUsername(word),
      team.filter((m) => String(m.user.id) === word),
    ]) {
      if (found.length > 0) return found;
    }
    return [];
  };
}

/** A row's day refused by the backdating rule, as the row's problem. */
const WINDOW_PROBLEM: Record<Exclude<BackdateError, "bad_date">, RowProblem> = {
  future: "time_future",
  outside_window: "time_outside_window",
  disabled: "time_backdate_disabled",
};

/** Counts of live stored entries per key over the rows' time span. */
function storedCounts(deps: AppDeps, teamId: number, rows: ImportRow[]): Map<string, number> {
  const counts = new Map<string, number>();
  if (rows.length === 0) return counts;
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (const r of rows) {
    from = Math.min(from, r.occurredAt);
    to = Math.max(to, r.occurredAt);
  }
  for (const e of deps.repos.importJobs.liveEntries(teamId, from, to + MINUTE_MS)) {
    const key = entryKey(e.userId, e.kind, e.occurredAt, e.clientName);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * The dry run: managers matched within the team (a manager may import only their own
 * rows; a head anyone's), each row's day checked against the team's backdating window
 * by the rule the commands use (a manager's row beyond it is an error; a head may
 * import any day, counted in `beyondWindow`), and the ready rows already stored
 * counted. Stores nothing.
 */
export function planImport(deps: AppDeps, member: Member, read: { rows: ImportRow[]; errors: RowError[]; total: number }): ImportPlan {
  const now = deps.now();
  const tz = member.team.timezone;
  let beyondWindow = 0;
  const team = deps.repos.memberships.listTeam(member.team.id);
  const match = managerMatcher(team);
  const isHead = member.membership.role === "head";
  const errors = [...read.errors];
  const unknown = new Map<string, string>();
  const rows: PlannedRow[] = [];
  const cache = new Map<string, TeamMember[]>();
  for (const row of read.rows) {
    const word = normaliseWord(row.manager);
    let found = cache.get(word);
    if (!found) cache.set(word, (found = match(row.manager)));
    const error = (problem: RowError["problem"]) => errors.push({ row: row.row, column: "manager", value: row.manager, problem });
    if (found.length === 0) {
      if (!unknown.has(word)) unknown.set(word, row.manager);
      error("manager_unknown");
    } else if (found.length > 1) error("manager_ambiguous");
    else if (!isHead && found[0]!.user.id !== member.user.id) error("manager_not_you");
    else {
      const day = checkEntryInstant(member.team, row.occurredAt, now);
      if (!day.ok && (!isHead || day.error === "future")) {
        const value = formatLocal(row.occurredAt, tz, "DD.MM.YYYY HH:mm");
        errors.push({ row: row.row, column: "time", value, problem: day.error === "bad_date" ? "time_format" : WINDOW_PROBLEM[day.error] });
        continue;
      }
      if (!day.ok) beyondWindow++;
      rows.push({ ...row, userId: found[0]!.user.id });
    }
  }
  errors.sort((a, b) => a.row - b.row);
  const counts = storedCounts(deps, member.team.id, rows);
  let alreadyPresent = 0;
  for (const r of rows) {
    const key = entryKey(r.userId, r.kind, r.occurredAt, r.clientName);
    const left = counts.get(key) ?? 0;
    if (left > 0) {
      alreadyPresent++;
      counts.set(key, left - 1);
    }
  }
  return {
    rows,
    errors,
    unknownManagers: [...unknown.values()],
    alreadyPresent,
    beyondWindow,
    windowDays: backdateWindow(member.team),
    total: read.total,
  };
}

/**
 * Stores a plan's rows oldest first, one transaction per batch, each through the
 * logging pipeline (so leads move as if logged then). Each entry keeps when it was
 * imported (`logged_at`) and the job that stored it, so /feed shows it on the day it
 * came in, marked as imported and by whom. A row matching a stored entry is skipped
 * (a row present twice in the file is stored twice; the same file imported again
 * changes nothing). `onProgress` is awaited between batches; other updates run meanwhile.
 */
export async function runImport(
  deps: AppDeps,
  member: Member,
  plan: ImportPlan,
  jobId: number,
  opts: { batchSize?: number; onProgress?: (done: number, total: number) => Promise<void> } = {},
): Promise<ImportResult> {
  const batchSize = opts.batchSize ?? IMPORT_BATCH_SIZE;
  const rows = [...plan.rows].sort((a, b) => a.occurredAt - b.occurredAt || a.row - b.row);
  const counts = storedCounts(deps, member.team.id, rows);
  const result: ImportResult = { stored: 0, alreadyPresent: 0, refused: [], errors: plan.errors.length };
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const loggedAt = deps.now();
    deps.db.transaction(() => {
      for (const r of batch) {
        const key = entryKey(r.userId, r.kind, r.occurredAt, r.clientName);
        const left = counts.get(key) ?? 0;
        if (left > 0) {
          counts.set(key, left - 1);
          result.alreadyPresent++;
          continue;
        }
        const logged = deps.repos.entries.log({
          teamId: member.team.id,
          userId: r.userId,
          kind: r.kind,
          outcome: r.outcome,
          amountMinor: r.amountMinor,
          clientName: r.clientName,
          lostReason: r.lostReason,
          occurredAt: r.occurredAt,
          sourceUpdateId: null,
          loggedAt,
          importJobId: jobId,
        });
        if (logged.status === "logged") result.stored++;
        else if (logged.status === "lead_exists" || logged.status === "no_open_lead")
          result.refused.push({ row: r.row, reason: logged.status });
      }
    });
    const done = Math.min(start + batchSize, rows.length);
    if (done < rows.length) {
      await opts.onProgress?.(done, rows.length);
      await yieldToEventLoop();
    }
  }
  result.refused.sort((a, b) => a.row - b.row);
  deps.logger.info(
    {
      team_id: member.team.id,
      user_id: member.user.id,
      job_id: jobId,
      stored: result.stored,
      skipped: result.alreadyPresent,
      beyond_window: plan.beyondWindow,
    },
    "import done",
  );
  return result;
}
