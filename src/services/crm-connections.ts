// A team's CRM connections as the head's /crm screens read and change them: the
// connections, their people and stages, which source counts for each kind.
import type { CrmConnection, CrmStage, CrmUser } from "../db/repositories/crm.js";
import { type CrmKind, type CrmStageTarget, type EntrySource, effectiveSources } from "../domain/crm.js";
import type { ActivityKind } from "../domain/types.js";
import type { AppDeps } from "./deps.js";

export type { CrmConnection, CrmStage, CrmUser };

/** The team's live connections. */
export function activeConnections(deps: AppDeps, teamId: number): CrmConnection[] {
  return deps.repos.crm.activeOf(teamId);
}

/** The team's live connection of one kind, if any. */
export function activeConnectionOf(deps: AppDeps, teamId: number, kind: CrmKind | string): CrmConnection | undefined {
  return activeConnections(deps, teamId).find((c) => c.kind === kind);
}

/** A connection by id, only if it is this team's (button data can be forged); with `live`, only if still connected. */
export function teamConnection(deps: AppDeps, teamId: number, id: number, opts: { live?: boolean } = {}): CrmConnection | undefined {
  const conn = deps.repos.crm.connection(id);
  if (!conn || conn.teamId !== teamId) return undefined;
  return opts.live && conn.disconnectedAt !== null ? undefined : conn;
}

/** Disconnected now: nothing is read from it any more (its webhook was removed first). */
export function markDisconnected(deps: AppDeps, connectionId: number, now: number): void {
  deps.repos.crm.update(connectionId, { disconnectedAt: now, registeredHook: null });
}

/** The webhook address the CRM now calls. */
export function recordRegisteredHook(deps: AppDeps, connectionId: number, destination: string): void {
  deps.repos.crm.update(connectionId, { registeredHook: destination });
}

/** The Bitrix24 application token, sealed by the caller. */
export function saveHookToken(deps: AppDeps, connectionId: number, sealed: string): void {
  deps.repos.crm.update(connectionId, { hookToken: sealed });
}

/** What a connection recorded, waits on and skipped in [from, to). */
export function connectionStats(deps: AppDeps, connectionId: number, from: number, to: number) {
  return deps.repos.crm.stats(connectionId, from, to);
}

export function crmUsers(deps: AppDeps, connectionId: number): CrmUser[] {
  return deps.repos.crm.users(connectionId);
}

export function crmUser(deps: AppDeps, connectionId: number, crmUserId: string): CrmUser | undefined {
  return deps.repos.crm.crmUser(connectionId, crmUserId);
}

/** Whose a CRM user's records are (null: nobody's, they wait). */
export function mapCrmUser(deps: AppDeps, connectionId: number, crmUserId: string, userId: number | null, now: number): void {
  deps.repos.crm.mapUser(connectionId, crmUserId, userId, now);
}

export function crmStages(deps: AppDeps, connectionId: number): CrmStage[] {
  return deps.repos.crm.stages(connectionId);
}

/**
 * Gives a stage a new meaning. Leads and their moves are re-read from the start of
 * the history, so the new meaning applies to them too (the ledger keeps each once).
 */
export function setStageMeaning(deps: AppDeps, connectionId: number, stageId: number, target: CrmStageTarget): void {
  deps.repos.crm.setStageTarget(connectionId, stageId, target);
  deps.repos.crm.dropCursors(connectionId, ["leads", "moves", "deals"]);
}

/** Which source counts for each kind in this team: the chat, the CRM, or both. */
export function teamEntrySources(deps: AppDeps, teamId: number): Record<ActivityKind, EntrySource> {
  return effectiveSources(activeConnections(deps, teamId).length > 0, deps.repos.crm.sources(teamId));
}

export function setEntrySource(deps: AppDeps, teamId: number, kind: ActivityKind, source: EntrySource, by: number, now: number): void {
  deps.repos.crm.setSource(teamId, kind, source, by, now);
}

/** A secret typed in the chat leaves the stored raw update. */
export function redactStoredText(deps: AppDeps, updateId: number): void {
  deps.repos.inbox.redactText(updateId);
}
