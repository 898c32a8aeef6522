import { and, asc, eq, gte, inArray, isNull, lt, sql } from "drizzle-orm";
import type { CrmRecordState, CrmStageTarget, EntrySource } from "../../domain/crm.js";
import type { ActivityKind } from "../../domain/types.js";
import type { Db } from "../client.js";
import { crmConnections, crmHooks, crmRecords, crmSources, crmStages, crmUsers } from "../schema.js";

export type CrmConnection = typeof crmConnections.$inferSelect;
export type NewCrmConnection = typeof crmConnections.$inferInsert;
export type CrmUser = typeof crmUsers.$inferSelect;
export type CrmStage = typeof crmStages.$inferSelect;
export type CrmRecord = typeof crmRecords.$inferSelect;
export type NewCrmRecord = Omit<typeof crmRecords.$inferInsert, "id">;

export function crmRepository(db: Db) {
  const byKeyQuery = db
    .select()
    .from(crmRecords)
    .where(and(eq(crmRecords.connectionId, sql.placeholder("connectionId")), eq(crmRecords.key, sql.placeholder("key"))))
    .prepare();
  // The ledger's per-record statements, built once: a reconcile runs them per CRM record.
  const insertRecordQuery = db
    .insert(crmRecords)
    .values({
      connectionId: sql.placeholder("connectionId"),
      teamId: sql.placeholder("teamId"),
      key: sql.placeholder("key"),
      crmUserId: sql.placeholder("crmUserId"),
      kind: sql.placeholder("kind"),
      outcome: sql.placeholder("outcome"),
      amountMinor: sql.placeholder("amountMinor"),
      clientName: sql.placeholder("clientName"),
      lostReason: sql.placeholder("lostReason"),
      occurredAt: sql.placeholder("occurredAt"),
      fingerprint: sql.placeholder("fingerprint"),
      state: sql.placeholder("state"),
      updatedAt: sql.placeholder("updatedAt"),
    })
    .returning()
    .prepare();
  const setStateQuery = db
    .update(crmRecords)
    .set({
      state: sql`${sql.placeholder("state")}`,
      activityId: sql`${sql.placeholder("activityId")}`,
      skipReason: sql`${sql.placeholder("skipReason")}`,
      updatedAt: sql`${sql.placeholder("updatedAt")}`,
    })
    .where(eq(crmRecords.id, sql.placeholder("id")))
    .prepare();
  // Asked for every entry typed in chat (is the kind the CRM's?): a plain prepared statement.
  const anyActiveRead = db.$client
    .prepare<[number]>("select 1 from crm_connections where team_id = ? and disconnected_at is null limit 1")
    .pluck();
  return {
    // ── connections ──
    /** Whether the team has a connection that still syncs. */
    hasActive(teamId: number): boolean {
      return anyActiveRead.get(teamId) !== undefined;
    },
    createConnection(row: NewCrmConnection): CrmConnection {
      return db.insert(crmConnections).values(row).returning().get();
    },
    connection(id: number): CrmConnection | undefined {
      return db.select().from(crmConnections).where(eq(crmConnections.id, id)).get();
    },
    /** The team's connections that still sync. */
    activeOf(teamId: number): CrmConnection[] {
      return db
        .select()
        .from(crmConnections)
        .where(and(eq(crmConnections.teamId, teamId), isNull(crmConnections.disconnectedAt)))
        .orderBy(asc(crmConnections.id))
        .all();
    },
    allActive(): CrmConnection[] {
      return db.select().from(crmConnections).where(isNull(crmConnections.disconnectedAt)).orderBy(asc(crmConnections.id)).all();
    },
    byHookSecret(secret: string): CrmConnection | undefined {
      return db.select().from(crmConnections).where(eq(crmConnections.hookSecret, secret)).get();
    },
    update(id: number, patch: Partial<Omit<CrmConnection, "id">>): void {
      db.update(crmConnections).set(patch).where(eq(crmConnections.id, id)).run();
    },
    /**
     * Moves one stream's cursor from `readFrom` (what the sync started from; undefined:
     * none) to `value`, leaving the other streams as they are now. If the cursor changed
     * meanwhile (a stage remapping asked for a re-read), it is left alone: false.
     */
    setCursor(id: number, stream: string, readFrom: number | undefined, value: number): boolean {
      const path = `$."${stream}"`;
      return (
        db
          .update(crmConnections)
          .set({ cursors: sql`json_set(${crmConnections.cursors}, ${path}, ${value})` })
          .where(and(eq(crmConnections.id, id), sql`coalesce(json_extract(${crmConnections.cursors}, ${path}), -1) = ${readFrom ?? -1}`))
          .run().changes > 0
      );
    },
    /** Forgets streams' cursors: they are read again from the start of the history (the ledger keeps each record once). */
    dropCursors(id: number, streams: string[]): void {
      for (const stream of streams) {
        db.update(crmConnections)
          .set({ cursors: sql`json_remove(${crmConnections.cursors}, ${`$."${stream}"`})` })
          .where(eq(crmConnections.id, id))
          .run();
      }
    },
    /**
     * Stores refreshed credentials only if nobody refreshed since `expectedVersion`
     * was read: the loser of a race re-reads the winner's pair instead of overwriting it.
     */
    swapCredentials(id: number, expectedVersion: number, sealed: string): boolean {
      return (
        db
          .update(crmConnections)
          .set({ credentials: sealed, credentialsVersion: expectedVersion + 1 })
          .where(and(eq(crmConnections.id, id), eq(crmConnections.credentialsVersion, expectedVersion)))
          .run().changes > 0
      );
    },

    // ── users ──
    /** Adds CRM users not seen before and refreshes names; mappings stay. */
    upsertUsers(connectionId: number, list: { crmUserId: string; name: string; email: string | null }[]): void {
      db.transaction((tx) => {
        for (const u of list) {
          tx.insert(crmUsers)
            .values({ connectionId, ...u })
            .onConflictDoUpdate({ target: [crmUsers.connectionId, crmUsers.crmUserId], set: { name: u.name, email: u.email } })
            .run();
        }
      });
    },
    users(connectionId: number): CrmUser[] {
      return db.select().from(crmUsers).where(eq(crmUsers.connectionId, connectionId)).orderBy(asc(crmUsers.name), asc(crmUsers.id)).all();
    },
    crmUser(connectionId: number, crmUserId: string): CrmUser | undefined {
      return db
        .select()
        .from(crmUsers)
        .where(and(eq(crmUsers.connectionId, connectionId), eq(crmUsers.crmUserId, crmUserId)))
        .get();
    },
    /** Sets (or clears) whose CRM user this is, as confirmed by the head. */
    mapUser(connectionId: number, crmUserId: string, userId: number | null, now: number): boolean {
      return (
        db
          .update(crmUsers)
          .set({ userId, confirmedAt: userId === null ? null : now })
          .where(and(eq(crmUsers.connectionId, connectionId), eq(crmUsers.crmUserId, crmUserId)))
          .run().changes > 0
      );
    },
    /** CRM user id → team member, for confirmed mappings only. */
    mapping(connectionId: number): Map<string, number> {
      const rows = db
        .select({ crmUserId: crmUsers.crmUserId, userId: crmUsers.userId })
        .from(crmUsers)
        .where(and(eq(crmUsers.connectionId, connectionId), sql`${crmUsers.confirmedAt} is not null`))
        .all();
      return new Map(rows.flatMap((r) => (r.userId === null ? [] : [[r.crmUserId, r.userId] as const])));
    },

    // ── stages ──
    /** Adds stages not seen before (won/lost set from the CRM) and refreshes names; the head's choices stay. */
    upsertStages(
      connectionId: number,
      list: { pipelineId: string; pipelineName: string; stageId: string; name: string; sort: number; fixed: CrmStageTarget | null }[],
    ): void {
      db.transaction((tx) => {
        for (const s of list) {
          const { fixed, ...row } = s;
          tx.insert(crmStages)
            .values({ connectionId, ...row, target: fixed ?? "none" })
            .onConflictDoUpdate({
              target: [crmStages.connectionId, crmStages.pipelineId, crmStages.stageId],
              set: { name: s.name, pipelineName: s.pipelineName, sort: s.sort, ...(fixed ? { target: fixed } : {}) },
            })
            .run();
        }
      });
    },
    stages(connectionId: number): CrmStage[] {
      return db
        .select()
        .from(crmStages)
        .where(eq(crmStages.connectionId, connectionId))
        .orderBy(asc(crmStages.pipelineId), asc(crmStages.sort), asc(crmStages.id))
        .all();
    },
    setStageTarget(connectionId: number, stageRowId: number, target: CrmStageTarget): boolean {
      return (
        db
          .update(crmStages)
          .set({ target })
          .where(and(eq(crmStages.connectionId, connectionId), eq(crmStages.id, stageRowId)))
          .run().changes > 0
      );
    },

    // ── the ledger ──
    record(connectionId: number, key: string): CrmRecord | undefined {
      return byKeyQuery.get({ connectionId, key });
    },
    insertRecord(row: NewCrmRecord): CrmRecord {
      const { connectionId, teamId, key, crmUserId, kind, fingerprint, state, updatedAt, occurredAt } = row;
      return insertRecordQuery.get({
        connectionId,
        teamId,
        key,
        crmUserId,
        kind,
        outcome: row.outcome ?? null,
        amountMinor: row.amountMinor ?? null,
        clientName: row.clientName ?? null,
        lostReason: row.lostReason ?? null,
        occurredAt,
        fingerprint,
        state,
        updatedAt,
      })!;
    },
    /** A record's state and entry (the hot path of a reconcile). */
    setRecordState(id: number, state: CrmRecordState, activityId: number | null, skipReason: string | null, now: number): void {
      setStateQuery.run({ id, state, activityId, skipReason, updatedAt: now });
    },
    updateRecord(id: number, patch: Partial<Omit<CrmRecord, "id">>): void {
      db.update(crmRecords).set(patch).where(eq(crmRecords.id, id)).run();
    },
    /** Records in these states, oldest first (the ones waiting for a mapping, or left pending by a crash). */
    recordsIn(connectionId: number, states: CrmRecordState[], crmUserIds?: string[]): CrmRecord[] {
      return db
        .select()
        .from(crmRecords)
        .where(
          and(
            eq(crmRecords.connectionId, connectionId),
            inArray(crmRecords.state, states),
            crmUserIds === undefined ? undefined : inArray(crmRecords.crmUserId, crmUserIds),
          ),
        )
        .orderBy(asc(crmRecords.occurredAt), asc(crmRecords.id))
        .all();
    },
    /** Recorded records whose key starts with `prefix` (a deleted lead's entries). */
    recordsWithPrefix(connectionId: number, prefix: string): CrmRecord[] {
      return db
        .select()
        .from(crmRecords)
        .where(and(eq(crmRecords.connectionId, connectionId), sql`substr(${crmRecords.key}, 1, ${prefix.length}) = ${prefix}`))
        .all();
    },
    /** Keys starting with `prefix` of records not voided that happened since `since` (what a deletion check looks for). */
    liveKeysSince(connectionId: number, prefix: string, since: number): string[] {
      return db
        .select({ key: crmRecords.key })
        .from(crmRecords)
        .where(
          and(
            eq(crmRecords.connectionId, connectionId),
            sql`substr(${crmRecords.key}, 1, ${prefix.length}) = ${prefix}`,
            sql`${crmRecords.state} <> 'voided'`,
            sql`${crmRecords.occurredAt} >= ${since}`,
          ),
        )
        .all()
        .map((r) => r.key);
    },
    /** Counts per state, and recorded entries per kind in [from, to). */
    stats(
      connectionId: number,
      from: number,
      to: number,
    ): { unassigned: number; skipped: number; today: Partial<Record<ActivityKind, number>> } {
      const states = db
        .select({ state: crmRecords.state, n: sql<number>`count(*)` })
        .from(crmRecords)
        .where(eq(crmRecords.connectionId, connectionId))
        .groupBy(crmRecords.state)
        .all();
      const today = db
        .select({ kind: crmRecords.kind, n: sql<number>`count(*)` })
        .from(crmRecords)
        .where(
          and(
            eq(crmRecords.connectionId, connectionId),
            eq(crmRecords.state, "recorded"),
            gte(crmRecords.occurredAt, from),
            lt(crmRecords.occurredAt, to),
          ),
        )
        .groupBy(crmRecords.kind)
        .all();
      const n = (s: CrmRecordState) => states.find((r) => r.state === s)?.n ?? 0;
      return { unassigned: n("unassigned"), skipped: n("skipped"), today: Object.fromEntries(today.map((r) => [r.kind, r.n])) };
    },

    // ── sources ──
    sources(teamId: number): Partial<Record<ActivityKind, EntrySource>> {
      const rows = db.select().from(crmSources).where(eq(crmSources.teamId, teamId)).all();
      return Object.fromEntries(rows.map((r) => [r.kind, r.source]));
    },
    setSource(teamId: number, kind: ActivityKind, source: EntrySource, by: number, now: number): void {
      db.insert(crmSources)
        .values({ teamId, kind, source, setBy: by, setAt: now })
        .onConflictDoUpdate({ target: [crmSources.teamId, crmSources.kind], set: { source, setBy: by, setAt: now } })
        .run();
    },

    // ── webhook deliveries ──
    storeHook(connectionId: number, body: string, now: number): number {
      return db.insert(crmHooks).values({ connectionId, body, receivedAt: now }).returning({ id: crmHooks.id }).get().id;
    },
    pendingHooks(): { id: number; connectionId: number }[] {
      return db
        .select({ id: crmHooks.id, connectionId: crmHooks.connectionId })
        .from(crmHooks)
        .where(isNull(crmHooks.handledAt))
        .orderBy(asc(crmHooks.id))
        .all();
    },
    markHooksHandled(ids: number[], now: number): void {
      if (ids.length > 0) db.update(crmHooks).set({ handledAt: now }).where(inArray(crmHooks.id, ids)).run();
    },
  };
}
