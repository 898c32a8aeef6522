import type { Statement } from "better-sqlite3";
import { and, desc, eq, gte, inArray, isNull, lt, or, type Placeholder, type SQL, sql } from "drizzle-orm";
import type { ActivityCount } from "../../domain/kpi.js";
import { advance, clientKey, targetStage } from "../../domain/pipeline.js";
import {
  type ActivityKind,
  type ActivityRecord,
  type CallOutcome,
  type LeadTimeline,
  OPEN_STAGES,
  type Stage,
} from "../../domain/types.js";
import type { Db } from "../client.js";
import { activities, importJobs, leadStages, leads, processedUpdates } from "../schema.js";
import { type FollowupSpec, followupsRepository } from "./followups.js";

type Bound = number | Placeholder;

/** A team's live (not undone) entries in [from, to), narrowed by `more`; placeholders for prepared queries. */
function liveInRange(teamId: Bound, from: Bound, to: Bound, ...more: (SQL | undefined)[]): SQL | undefined {
  return and(
    eq(activities.teamId, teamId),
    gte(activities.occurredAt, from),
    lt(activities.occurredAt, to),
    isNull(activities.deletedAt),
    ...more,
  );
}

export type Activity = typeof activities.$inferSelect;
export type Lead = typeof leads.$inferSelect;

export interface NewEntry {
  teamId: number;
  userId: number;
  kind: ActivityKind;
  outcome: CallOutcome | null;
  amountMinor: number | null;
  clientName: string | null;
  lostReason: string | null;
  occurredAt: number;
  sourceUpdateId: number | null;
  /** A backdated or imported entry's real logging time; absent (null) when it is for now. */
  loggedAt?: number | null;
  /** The /import job that stores it; absent (null) for an entry logged by hand. */
  importJobId?: number | null;
  /** A deal's own gross margin % (`/deal 120k Acme margin 35%`). */
  marginPct?: number | null;
  /** Queues the entry's follow-ups (badges, contests, …) in its transaction; `at`: now. */
  followup?: { spec: FollowupSpec; at: number };
}

export type LogResult =
  | { status: "logged"; activity: Activity; lead: Lead | null; stageBefore: Stage | null; entered: Stage[] }
  | { status: "duplicate"; activity: Activity }
  | { status: "lead_exists"; lead: Lead }
  | { status: "no_open_lead" };

export type UndoResult =
  | { status: "undone"; activity: Activity; leadRemoved: boolean; stageRestored: Stage | null }
  | { status: "nothing" };

/** Soft-deletes an entry, removes the stage entries it caused and puts its lead back. */
export function undoActivity(tx: Pick<Db, "select" | "update" | "delete">, last: Activity, now: number): UndoResult {
  tx.update(activities).set({ deletedAt: now }).where(eq(activities.id, last.id)).run();
  tx.delete(leadStages).where(eq(leadStages.activityId, last.id)).run();
  let leadRemoved = false;
  let stageRestored: Stage | null = null;
  if (last.leadId !== null) {
    const lead = tx.select().from(leads).where(eq(leads.id, last.leadId)).get();
    if (lead?.createdByActivityId === last.id) {
      // Earlier undone entries may still point at it; detach them first.
      tx.update(activities).set({ leadId: null }).where(eq(activities.leadId, lead.id)).run();
      tx.delete(leadStages).where(eq(leadStages.leadId, lead.id)).run();
      tx.delete(leads).where(eq(leads.id, lead.id)).run();
      leadRemoved = true;
    } else if (lead && last.leadStageBefore && lead.stage !== last.leadStageBefore) {
      tx.update(leads)
        .set({ stage: last.leadStageBefore, lostAtStage: null, lostReason: null, updatedAt: now })
        .where(eq(leads.id, lead.id))
        .run();
      stageRestored = last.leadStageBefore;
    }
  }
  return { status: "undone", activity: last, leadRemoved, stageRestored };
}

/** The columns an ActivityRecord is read from (every KPI read selects exactly these). */
export const ACTIVITY_RECORD_COLUMNS = {
  id: activities.id,
  userId: activities.userId,
  kind: activities.kind,
  outcome: activities.outcome,
  amountMinor: activities.amountMinor,
  occurredAt: activities.occurredAt,
  leadId: activities.leadId,
  clientName: activities.clientName,
  lostReason: activities.lostReason,
};

/** ActivityRecord's columns under its own field names, for the raw period reads. */
const RECORD_SQL =
  "id, user_id as userId, kind, outcome, amount_minor as amountMinor, occurred_at as occurredAt, lead_id as leadId, client_name as clientName, lost_reason as lostReason";
const stageAt = (stage: Stage) => `min(case when s.stage = '${stage}' then s.entered_at end)`;
/** LeadTimeline's columns: each stage's first entry, from the lead's stage rows `s`. */
const TIMELINE_SQL = `l.id as leadId, l.owner_id as ownerId, l.client_name as clientName,
  coalesce(${stageAt("new")}, l.created_at) as registeredAt, ${stageAt("qualified")} as qualifiedAt,
  ${stageAt("meeting")} as meetingAt, ${stageAt("proposal")} as proposalAt, ${stageAt("won")} as wonAt,
  ${stageAt("lost")} as lostAt, l.lost_at_stage as lostAtStage, l.lost_reason as lostReason`;

export function entriesRepository(db: Db) {
  const followups = followupsRepository(db);
  // The period reads behind every KPI reply, as plain prepared statements: drizzle's
  // query building and row mapping cost more than the index scan they run. A person's
  // period is read through the covering (user, time) index: their rows only, not the team's.
  const sqlite = db.$client;
  const teamPeriodRead = sqlite.prepare<[number, number, number], ActivityRecord>(
    `select ${RECORD_SQL} from activities where team_id = ? and occurred_at >= ? and occurred_at < ? and deleted_at is null`,
  );
  const personPeriodRead = sqlite.prepare<[number, number, number, number], ActivityRecord>(
    `select ${RECORD_SQL} from activities indexed by activities_user_time_idx
      where user_id = ? and occurred_at >= ? and occurred_at < ? and team_id = ? and deleted_at is null`,
  );
  const timelinesRead = (person: boolean) =>
    sqlite.prepare<number[], LeadTimeline>(
      `select ${TIMELINE_SQL} from leads l join lead_stages s on s.lead_id = l.id
        where l.id in (select distinct lead_id from lead_stages
                        where team_id = ? and entered_at >= ? and entered_at < ?${person ? " and owner_id = ?" : ""})
        group by l.id`,
    );
  const teamTimelinesRead = timelinesRead(false);
  const personTimelinesRead = timelinesRead(true);
  // A team's entries of some kinds (a trend of one metric), through the (team, kind) index.
  const kindsReads = new Map<string, Statement<number[], ActivityRecord>>();
  const kindsRead = (kinds: readonly ActivityKind[]) => {
    const key = [...kinds].sort().join(",");
    let read = kindsReads.get(key);
    if (!read) {
      read = sqlite.prepare<number[], ActivityRecord>(
        `select ${RECORD_SQL} from activities indexed by activities_team_kind_idx
          where team_id = ? and kind in (${kinds.map(() => "?").join(", ")}) and deleted_at is null and occurred_at >= ? and occurred_at < ?`,
      );
      kindsReads.set(key, read);
    }
    return read;
  };
  const COUNT_SQL = "user_id as userId, kind, outcome, count(*) as n, coalesce(sum(amount_minor), 0) as amountMinor";
  const teamCountsRead = sqlite.prepare<[number, number, number], ActivityCount>(
    `select ${COUNT_SQL} from activities where team_id = ? and occurred_at >= ? and occurred_at < ? and deleted_at is null
      group by user_id, kind, outcome`,
  );
  const personCountsRead = sqlite.prepare<[number, number, number, number], ActivityCount>(
    `select ${COUNT_SQL} from activities indexed by activities_user_time_idx
      where user_id = ? and occurred_at >= ? and occurred_at < ? and team_id = ? and deleted_at is null
      group by kind, outcome`,
  );
  // Only leads qualified or won in the period can add a lead or closing time to it.
  const measuredLeads =
    "select lead_id from lead_stages where team_id = ? and entered_at >= ? and entered_at < ? and stage in ('qualified', 'won')";
  const teamKpiTimelinesRead = sqlite.prepare<number[], LeadTimeline>(
    `select ${TIMELINE_SQL} from leads l join lead_stages s on s.lead_id = l.id where l.id in (${measuredLeads}) group by l.id`,
  );
  const personKpiTimelinesRead = sqlite.prepare<number[], LeadTimeline>(
    `select ${TIMELINE_SQL} from leads l join lead_stages s on s.lead_id = l.id
      where l.id in (${measuredLeads})
        and l.id in (select lead_id from lead_stages where team_id = ? and entered_at >= ? and entered_at < ? and owner_id = ?)
      group by l.id`,
  );
  // The queries behind every logged entry, built once: building drizzle's SQL anew
  // per entry cost more than running it. One connection, so they run inside `tx` too.
  // The statements behind every logged entry, as plain prepared statements: drizzle's
  // query building and row mapping per entry cost more than running them. Every
  // column is a plain value, so SQLite's rows under these names are the drizzle rows.
  const ACTIVITY_COLUMNS = `id, team_id as teamId, user_id as userId, kind, outcome, amount_minor as amountMinor,
    client_name as clientName, lead_id as leadId, lead_stage_before as leadStageBefore, lost_reason as lostReason, note,
    occurred_at as occurredAt, logged_at as loggedAt, import_job_id as importJobId, created_at as createdAt,
    deleted_at as deletedAt, source_update_id as sourceUpdateId, margin_pct as marginPct`;
  const openLeadRead = sqlite.prepare<[number, number, string], Lead>(
    `select id, team_id as teamId, owner_id as ownerId, client_name as clientName, client_key as clientKey, stage,
        lost_at_stage as lostAtStage, lost_reason as lostReason, created_by_activity_id as createdByActivityId,
        created_at as createdAt, updated_at as updatedAt
      from leads where team_id = ? and owner_id = ? and client_key = ? and stage in (${OPEN_STAGES.map((st) => `'${st}'`).join(", ")})
      order by id desc limit 1`,
  );
  const findOpenLead = (teamId: number, ownerId: number, key: string) => openLeadRead.get(teamId, ownerId, key);
  const bySourceUpdateRead = sqlite.prepare<[number], Activity>(`select ${ACTIVITY_COLUMNS} from activities where source_update_id = ?`);
  const insertActivity = sqlite.prepare<
    [
      number,
      number,
      string,
      string | null,
      number | null,
      string | null,
      string | null,
      number,
      number | null,
      number | null,
      string | null,
      number | null,
      number | null,
      number | null,
    ],
    Activity
  >(
    `insert into activities (team_id, user_id, kind, outcome, amount_minor, client_name, lost_reason, occurred_at,
        source_update_id, lead_id, lead_stage_before, logged_at, import_job_id, margin_pct)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning ${ACTIVITY_COLUMNS}`,
  );
  /** A person's live entries in [from, to), with `more` conditions; placeholders teamId, userId, from, to. */
  const countQuery = (...more: SQL[]) =>
    db
      .select({ n: sql<number>`count(*)` })
      .from(activities)
      .where(
        liveInRange(
          sql.placeholder("teamId"),
          sql.placeholder("from"),
          sql.placeholder("to"),
          eq(activities.userId, sql.placeholder("userId")),
          ...more,
        ),
      )
      .prepare();
  const countDayQuery = countQuery();
  // Whether one exists, not how many: stops at the first row instead of counting the day.
  const earlierInDayRead = sqlite
    .prepare<[number, number, number, number, number]>(
      `select exists (select 1 from activities indexed by activities_user_time_idx
        where user_id = ? and occurred_at >= ? and occurred_at < ? and team_id = ? and deleted_at is null and id < ?)`,
    )
    .pluck();
  const countKindRead = sqlite
    .prepare<[number, number, number, number, string]>(
      `select count(*) from activities indexed by activities_user_time_idx
        where user_id = ? and occurred_at >= ? and occurred_at < ? and team_id = ? and deleted_at is null and kind = ?`,
    )
    .pluck();

  // One better-sqlite3 transaction, built once (drizzle's per-call transaction object
  // cost more than the statements); drizzle's builders run on the same connection.
  const logTransaction = sqlite.transaction((entry: NewEntry): LogResult => {
    if (entry.sourceUpdateId !== null) {
      const seen = bySourceUpdateRead.get(entry.sourceUpdateId);
      if (seen) return { status: "duplicate", activity: seen };
    }
    const target = targetStage(entry.kind, entry.outcome);
    const key = entry.clientName ? clientKey(entry.clientName) : null;
    let lead = key ? (findOpenLead(entry.teamId, entry.userId, key) ?? null) : null;

    if (entry.kind === "lead" && lead) return { status: "lead_exists", lead };
    if (entry.kind === "lost" && !lead) return { status: "no_open_lead" };
    // Only /lead and /deal create a lead (catalogue); other entries for an
    // unknown client are counted as activity but touch no pipeline.
    const creates = !lead && key !== null && (entry.kind === "lead" || entry.kind === "deal");

    const stageBefore = lead?.stage ?? null;
    const activity = insertActivity.get(
      entry.teamId,
      entry.userId,
      entry.kind,
      entry.outcome,
      entry.amountMinor,
      entry.clientName,
      entry.lostReason,
      entry.occurredAt,
      entry.sourceUpdateId,
      lead?.id ?? null,
      stageBefore,
      entry.loggedAt ?? null,
      entry.importJobId ?? null,
      entry.marginPct ?? null,
    )!;

    if (creates) {
      lead = db
        .insert(leads)
        .values({
          teamId: entry.teamId,
          ownerId: entry.userId,
          clientName: entry.clientName!,
          clientKey: key!,
          stage: "new",
          createdByActivityId: activity.id,
          createdAt: entry.occurredAt,
          updatedAt: entry.occurredAt,
        })
        .returning()
        .get();
      db.update(activities).set({ leadId: lead.id }).where(eq(activities.id, activity.id)).run();
    }

    let entered: Stage[] = [];
    if (lead && target) {
      const move = advance(creates ? null : lead.stage, target);
      entered = move.entered;
      if (entered.length > 0) {
        db.insert(leadStages)
          .values(
            entered.map((stage) => ({
              leadId: lead!.id,
              teamId: entry.teamId,
              ownerId: entry.userId,
              stage,
              enteredAt: entry.occurredAt,
              activityId: activity.id,
            })),
          )
          .run();
        const patch: Partial<Lead> = { stage: move.stage, updatedAt: entry.occurredAt };
        if (move.stage === "lost") Object.assign(patch, { lostAtStage: stageBefore, lostReason: entry.lostReason });
        lead = db.update(leads).set(patch).where(eq(leads.id, lead.id)).returning().get();
      }
    }
    if (entry.followup) followups.enqueue(activity.id, entry.teamId, entry.userId, entry.followup.spec, entry.followup.at);
    return { status: "logged", activity: { ...activity, leadId: lead?.id ?? null }, lead, stageBefore, entered };
  });

  return {
    /**
     * Records one entry and moves its client's lead, in one transaction. An entry
     * whose Telegram update was already logged is reported, not stored again.
     */
    log(entry: NewEntry): LogResult {
      return logTransaction(entry);
    },

    /**
     * Soft-deletes the user's latest entry since `since` and puts its lead back. An
     * entry someone else imported for them is not theirs to take back (a head's import
     * may be for any past day): a head voids it.
     */
    undoLast(teamId: number, userId: number, since: number, now: number, updateId: number | null = null): UndoResult {
      return db.transaction((tx) => {
        // The /undo update is remembered in the same transaction: a redelivery after
        // a crash must not remove a second entry.
        if (updateId !== null) {
          const fresh = tx.insert(processedUpdates).values({ updateId, processedAt: now }).onConflictDoNothing().run().changes > 0;
          if (!fresh) return { status: "nothing" };
        }
        const last = tx
          .select()
          .from(activities)
          .where(
            and(
              eq(activities.teamId, teamId),
              eq(activities.userId, userId),
              isNull(activities.deletedAt),
              gte(activities.createdAt, since),
              or(
                isNull(activities.importJobId),
                sql`exists (select 1 from ${importJobs} where ${importJobs.id} = ${activities.importJobId} and ${importJobs.userId} = ${userId})`,
              ),
            ),
          )
          .orderBy(desc(activities.id))
          .get();
        if (!last) return { status: "nothing" };
        return undoActivity(tx, last, now);
      });
    },

    /** Soft-deletes one given live entry of the user (the Undo button of an auto-stored message). */
    undoEntry(teamId: number, userId: number, activityId: number, now: number): UndoResult {
      return db.transaction((tx) => {
        const entry = tx
          .select()
          .from(activities)
          .where(
            and(eq(activities.id, activityId), eq(activities.teamId, teamId), eq(activities.userId, userId), isNull(activities.deletedAt)),
          )
          .get();
        return entry ? undoActivity(tx, entry, now) : { status: "nothing" };
      });
    },

    /** The person's live entries of every kind in [from, to). */
    countDay(teamId: number, userId: number, from: number, to: number): number {
      return countDayQuery.get({ teamId, userId, from, to })?.n ?? 0;
    },

    /** Whether the person has a live entry in [from, to) stored before entry `id` (false: it is the first of its day). */
    hasEarlierInDay(teamId: number, userId: number, from: number, to: number, id: number): boolean {
      return earlierInDayRead.get(userId, from, to, teamId, id) === 1;
    },

    countKind(teamId: number, userId: number, kind: ActivityKind, from: number, to: number): number {
      return countKindRead.get(userId, from, to, teamId, kind) as number;
    },

    /** How many rows `activities` would return, counted on the index without reading them. */
    countInRange(teamId: number, from: number, to: number, userIds?: number[]): number {
      const people = userIds ? inArray(activities.userId, userIds) : undefined;
      return (
        db
          .select({ n: sql<number>`count(*)` })
          .from(activities)
          .where(liveInRange(teamId, from, to, people))
          .get()?.n ?? 0
      );
    },

    /** Live entries of a team (optionally some of its people) in [from, to). */
    activities(teamId: number, from: number, to: number, userIds?: number[]): ActivityRecord[] {
      if (!userIds) return teamPeriodRead.all(teamId, from, to);
      if (userIds.length === 1) return personPeriodRead.all(userIds[0]!, from, to, teamId);
      const people = userIds ? inArray(activities.userId, userIds) : undefined;
      return db
        .select(ACTIVITY_RECORD_COLUMNS)
        .from(activities)
        .where(liveInRange(teamId, from, to, people))
        .all();
    },

    /** A team's live entries of these kinds in [from, to). */
    activitiesOfKinds(teamId: number, from: number, to: number, kinds: readonly ActivityKind[]): ActivityRecord[] {
      if (kinds.length === 0) return [];
      return kindsRead(kinds).all(teamId, ...(kinds as unknown as number[]), from, to);
    },

    /** A team's (or one person's) live entries in [from, to), counted per person, kind and call outcome. */
    activityCounts(teamId: number, from: number, to: number, userId?: number): ActivityCount[] {
      return userId === undefined ? teamCountsRead.all(teamId, from, to) : personCountsRead.all(userId, from, to, teamId);
    },

    /**
     * The timelines KPIs measure over [from, to): leads qualified or won in it (of
     * those one person's stage entries touched in it, when `userId` is given). The
     * same lead and closing times as `timelines`, from far fewer leads.
     */
    kpiTimelines(teamId: number, from: number, to: number, userId?: number): LeadTimeline[] {
      return userId === undefined
        ? teamKpiTimelinesRead.all(teamId, from, to)
        : personKpiTimelinesRead.all(teamId, from, to, teamId, from, to, userId);
    },

    /**
     * Timelines of the team's leads that entered any stage in [from, to): enough
     * for the funnel cohort (registered in the period), lead time (qualified in
     * it) and closing time (won in it).
     */
    timelines(teamId: number, from: number, to: number, userIds?: number[]): LeadTimeline[] {
      if (!userIds) return teamTimelinesRead.all(teamId, from, to);
      if (userIds.length === 1) return personTimelinesRead.all(teamId, from, to, userIds[0]!);
      const people = userIds ? inArray(leadStages.ownerId, userIds) : undefined;
      const touched = db
        .selectDistinct({ id: leadStages.leadId })
        .from(leadStages)
        .where(and(eq(leadStages.teamId, teamId), gte(leadStages.enteredAt, from), lt(leadStages.enteredAt, to), people));
      const at = (stage: Stage) => sql<number | null>`min(case when ${leadStages.stage} = ${stage} then ${leadStages.enteredAt} end)`;
      return db
        .select({
          leadId: leads.id,
          ownerId: leads.ownerId,
          clientName: leads.clientName,
          registeredAt: sql<number>`coalesce(${at("new")}, ${leads.createdAt})`,
          qualifiedAt: at("qualified"),
          meetingAt: at("meeting"),
          proposalAt: at("proposal"),
          wonAt: at("won"),
          lostAt: at("lost"),
          lostAtStage: leads.lostAtStage,
          lostReason: leads.lostReason,
        })
        .from(leads)
        .innerJoin(leadStages, eq(leadStages.leadId, leads.id))
        .where(inArray(leads.id, touched))
        .groupBy(leads.id)
        .all();
    },

    /** Open leads of a team, for alerts and pickers. */
    openLeads(teamId: number, ownerId?: number): Lead[] {
      return db
        .select()
        .from(leads)
        .where(
          and(
            eq(leads.teamId, teamId),
            inArray(leads.stage, [...OPEN_STAGES]),
            ownerId === undefined ? undefined : eq(leads.ownerId, ownerId),
          ),
        )
        .orderBy(desc(leads.updatedAt))
        .all();
    },

    /** Clients the user has open leads with or logged lately (newest first), for reading free text. */
    knownClients(teamId: number, userId: number, limit = 300): string[] {
      const open = this.recentClients(teamId, userId, limit);
      const logged = db
        .selectDistinct({ name: activities.clientName })
        .from(activities)
        .where(and(eq(activities.teamId, teamId), eq(activities.userId, userId), isNull(activities.deletedAt)))
        .orderBy(desc(activities.occurredAt))
        .limit(limit)
        .all()
        .flatMap((r) => (r.name ? [r.name] : []));
      return [...open, ...logged];
    },

    /** Most recent distinct clients a user logged, for one-tap pickers. */
    recentClients(teamId: number, userId: number, limit: number): string[] {
      return db
        .select({ name: leads.clientName })
        .from(leads)
        .where(and(eq(leads.teamId, teamId), eq(leads.ownerId, userId), inArray(leads.stage, [...OPEN_STAGES])))
        .orderBy(desc(leads.updatedAt))
        .limit(limit)
        .all()
        .map((r) => r.name);
    },
  };
}
