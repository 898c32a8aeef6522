// The ledger step every CRM record goes through, whatever brought it (a reconcile,
// a webhook's poke, a mapping made later): one CRM record → at most one entry.
import type { CrmConnection, CrmRecord } from "../db/repositories/crm.js";
import type { EntryPatch } from "../db/repositories/entry-changes.js";
import { type CrmRecordState, type EntrySource, effectiveSources } from "../domain/crm.js";
import type { ParsedEntry } from "../domain/entry-parsing.js";
import type { ActivityKind } from "../domain/types.js";
import type { AppDeps } from "../services/deps.js";
import { storeEntry } from "../services/record-entry.js";

/** One CRM record as the bot reads it (what a connector's mapping produces): an entry's fields, and where it came from. */
export interface CrmEvent extends Omit<ParsedEntry, "marginPct"> {
  /** Stable within the connection: `note:<id>`, `lead:<id>:won`, `activity:<ID>`… */
  key: string;
  crmUserId: string;
  /** The CRM's own time, Unix ms. */
  occurredAt: number;
  /** The record is gone (deleted in the CRM, or no longer true, like a won lead reopened). */
  deleted?: boolean;
}

export interface IngestTally {
  recorded: number;
  corrected: number;
  voided: number;
  unassigned: number;
  skipped: number;
  unchanged: number;
}

export const emptyTally = (): IngestTally => ({ recorded: 0, corrected: 0, voided: 0, unassigned: 0, skipped: 0, unchanged: 0 });

const fingerprintOf = (e: CrmEvent) =>
  JSON.stringify([e.crmUserId, e.kind, e.outcome, e.amountMinor, e.clientName, e.lostReason, e.occurredAt]);

/** What one batch needs to know once: who is who, where each kind comes from, who is still in the team. */
export interface IngestContext {
  mapping: Map<string, number>;
  sources: Record<ActivityKind, EntrySource>;
  activeMembers: Set<number>;
}

export function ingestContext(deps: AppDeps, conn: CrmConnection): IngestContext {
  return {
    mapping: deps.repos.crm.mapping(conn.id),
    sources: effectiveSources(true, deps.repos.crm.sources(conn.teamId)),
    activeMembers: new Set(deps.repos.memberships.listTeam(conn.teamId).map((m) => m.user.id)),
  };
}

/**
 * Records a batch in one transaction: each record is looked up by its key; a new
 * one is stored and becomes an entry (or waits: unmapped user, or the kind comes
 * from chat), a changed one corrects its entry, a deleted one voids it, an
 * unchanged one does nothing. The entry and its ledger row commit together, so a
 * crash anywhere leaves either both or neither.
 */
export function ingest(deps: AppDeps, conn: CrmConnection, events: CrmEvent[], ctx: IngestContext, tally = emptyTally()): IngestTally {
  const { crm } = deps.repos;
  const now = deps.now();
  deps.db.transaction(() => {
    for (const e of events) {
      const existing = crm.record(conn.id, e.key);
      const fingerprint = fingerprintOf(e);
      if (e.deleted) {
        if (existing && existing.state !== "voided") {
          voidRecord(deps, conn, existing, now);
          tally.voided++;
        } else tally.unchanged++;
        continue;
      }
      if (!existing) {
        const row = crm.insertRecord({
          connectionId: conn.id,
          teamId: conn.teamId,
          ...fields(e),
          fingerprint,
          state: "pending",
          updatedAt: now,
        });
        count(tally, tryRecord(deps, conn, row, ctx, now));
        continue;
      }
      if (existing.fingerprint === fingerprint && existing.state !== "pending") {
        tally.unchanged++;
        continue;
      }
      if (existing.state === "recorded" && existing.activityId !== null && existing.kind === e.kind && existing.crmUserId === e.crmUserId) {
        const patch: EntryPatch = {};
        if (e.amountMinor !== null && e.amountMinor !== existing.amountMinor) patch.amountMinor = e.amountMinor;
        if (e.outcome !== null && e.outcome !== existing.outcome) patch.outcome = e.outcome;
        if (e.clientName !== null && e.clientName !== existing.clientName) patch.clientName = e.clientName;
        const result = deps.repos.entryChanges.correct(existing.activityId, conn.teamId, conn.createdBy, patch, null, now, "crm");
        crm.updateRecord(existing.id, { ...fields(e), fingerprint, updatedAt: now });
        if (result.status === "corrected") tally.corrected++;
        else tally.unchanged++;
        continue;
      }
      // A recorded entry that changed hands or kind is voided and recorded anew; anything
      // not recorded yet simply takes the new content and is tried again.
      if (existing.state === "recorded") voidRecord(deps, conn, existing, now);
      crm.updateRecord(existing.id, { ...fields(e), fingerprint, state: "pending", activityId: null, skipReason: null, updatedAt: now });
      count(tally, tryRecord(deps, conn, { ...existing, ...fields(e), fingerprint, state: "pending" }, ctx, now));
    }
  });
  return tally;
}

/** Records waiting for a user or a source, tried again (after a mapping or a source change), of one CRM user or all. */
export function retryWaiting(deps: AppDeps, conn: CrmConnection, crmUserId?: string): IngestTally {
  return retry(deps, conn, ["pending", "unassigned", "skipped"], crmUserId === undefined ? undefined : [crmUserId]);
}

/**
 * What each reconcile retries: a crash's leftovers (`pending`), and records waiting
 * for a CRM user who is mapped now (read by the mapped users, so a long unassigned
 * list costs nothing while nobody maps it).
 */
export function retryAfterSync(deps: AppDeps, conn: CrmConnection): IngestTally {
  const pending = retry(deps, conn, ["pending"]);
  const mapped = retry(deps, conn, ["unassigned"], [...deps.repos.crm.mapping(conn.id).keys()]);
  pending.recorded += mapped.recorded;
  return pending;
}

function retry(deps: AppDeps, conn: CrmConnection, states: CrmRecordState[], crmUserIds?: string[]): IngestTally {
  const ctx = ingestContext(deps, conn);
  const tally = emptyTally();
  const now = deps.now();
  const waiting = deps.repos.crm.recordsIn(conn.id, states, crmUserIds);
  deps.db.transaction(() => {
    for (const r of waiting) {
      // A pipeline refusal stays refused; only waiting for a person or a source can change.
      if (r.state === "skipped" && r.skipReason !== "source") continue;
      count(tally, tryRecord(deps, conn, r, ctx, now));
    }
  });
  return tally;
}

function fields(e: CrmEvent) {
  return {
    key: e.key,
    crmUserId: e.crmUserId,
    kind: e.kind,
    outcome: e.outcome,
    amountMinor: e.amountMinor,
    clientName: e.clientName,
    lostReason: e.lostReason,
    occurredAt: e.occurredAt,
  };
}

type Attempt = "recorded" | "unassigned" | "skipped";

function count(tally: IngestTally, a: Attempt): void {
  tally[a]++;
}

function tryRecord(deps: AppDeps, conn: CrmConnection, r: CrmRecord, ctx: IngestContext, now: number): Attempt {
  const { crm } = deps.repos;
  const userId = ctx.mapping.get(r.crmUserId);
  if (userId === undefined || !ctx.activeMembers.has(userId)) {
    if (r.state !== "unassigned") crm.setRecordState(r.id, "unassigned", null, null, now);
    return "unassigned";
  }
  if (ctx.sources[r.kind] !== "crm") {
    crm.setRecordState(r.id, "skipped", null, "source", now);
    return "skipped";
  }
  const result = storeEntry(
    deps,
    conn.teamId,
    userId,
    { kind: r.kind, outcome: r.outcome, clientName: r.clientName, amountMinor: r.amountMinor, lostReason: r.lostReason },
    { occurredAt: r.occurredAt, sourceUpdateId: null },
  );
  if (result.status === "logged") {
    crm.setRecordState(r.id, "recorded", result.activity.id, null, now);
    return "recorded";
  }
  crm.setRecordState(r.id, "skipped", null, result.status, now);
  return "skipped";
}

function voidRecord(deps: AppDeps, conn: CrmConnection, r: CrmRecord, now: number): void {
  if (r.state === "recorded" && r.activityId !== null) {
    deps.repos.entryChanges.voidEntry(r.activityId, conn.teamId, conn.createdBy, "", now, "crm");
  }
  deps.repos.crm.updateRecord(r.id, { state: "voided", updatedAt: now });
}

/** A CRM record deleted at its source: every ledger record under `prefix` (a lead's or a deal's) as a deletion to ingest. */
export function deletionsUnder(deps: AppDeps, conn: CrmConnection, prefix: string): CrmEvent[] {
  return deps.repos.crm.recordsWithPrefix(conn.id, prefix).map((r) => ({
    key: r.key,
    crmUserId: r.crmUserId,
    kind: r.kind,
    outcome: null,
    amountMinor: null,
    clientName: null,
    lostReason: null,
    occurredAt: r.occurredAt,
    deleted: true,
  }));
}

/** A re-read covers this many seconds before the stored cursor: a record saved at the cursor's second is not skipped. */
const OVERLAP_S = 120;

/** One stream of a CRM (call notes, leads, deals…), read from its stored cursor. */
export interface CursorStream<T> {
  name: string;
  /** The time the cursor follows, in Unix seconds. */
  time: (item: T) => number;
  /** The stream's pages from `fromS` (Unix seconds) on. */
  pages: (fromS: number) => AsyncIterable<T[]>;
  events: (items: T[]) => CrmEvent[] | Promise<CrmEvent[]>;
}

/**
 * Reads each stream from its cursor (never before the connection's history start),
 * ingesting page by page; a stream's cursor moves only after all of it was read, and
 * only if nobody reset it meanwhile (a stage remapping asks for a re-read).
 */
export async function readStreams(
  deps: AppDeps,
  conn: CrmConnection,
  streams: readonly CursorStream<unknown>[],
  ctx: IngestContext,
  tally: IngestTally,
): Promise<void> {
  for (const stream of streams) {
    const read = conn.cursors[stream.name];
    const stored = read ?? 0;
    const from = Math.max(Math.floor(conn.historyFrom / 1000), stored - OVERLAP_S);
    let seen = stored;
    for await (const page of stream.pages(from)) {
      ingest(deps, conn, await stream.events(page), ctx, tally);
      for (const item of page) {
        const t = stream.time(item);
        if (Number.isFinite(t)) seen = Math.max(seen, Math.floor(t));
      }
    }
    deps.repos.crm.setCursor(conn.id, stream.name, read, seen);
  }
}
