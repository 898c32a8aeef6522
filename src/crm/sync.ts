// Runs one reconcile of a connection and keeps its health: last success, last error,
// and when a failure (or a refused token) has lasted long enough to tell the head once.
import type { CrmConnection } from "../db/repositories/crm.js";
import type { AppDeps } from "../services/deps.js";
import { AMO_REQUESTS_PER_SECOND, AmoClient } from "./amocrm/client.js";
import { syncAmo } from "./amocrm/sync.js";
import { BITRIX_BURST, BITRIX_REQUESTS_PER_SECOND, BitrixClient } from "./bitrix24/client.js";
import { syncBitrix } from "./bitrix24/sync.js";
import { openCredentials } from "./credentials.js";
import { CrmError, Pacer } from "./http.js";
import { emptyTally, type IngestTally, retryAfterSync } from "./ingest.js";

/** A sync failing this long alerts the head (once, until it recovers). */
export const ALERT_AFTER_MS = 30 * 60_000;

export type SyncResult = { ok: true; tally: IngestTally } | { ok: false; error: string; auth: boolean };

/** Test and bench hook: requests per second for new clients (0 turns pacing off; default: each CRM's limit). */
export interface SyncOptions {
  perSecond?: number;
}

const running = new Map<number, Promise<SyncResult>>();

/** One bucket per connection for the life of the process: the CRM counts requests per integration, not per sync. */
const pacers = new Map<number, Pacer>();

function pacerFor(conn: CrmConnection, opts: SyncOptions): Pacer {
  if (opts.perSecond !== undefined) return new Pacer(opts.perSecond);
  let p = pacers.get(conn.id);
  if (!p) {
    p = conn.kind === "amocrm" ? new Pacer(AMO_REQUESTS_PER_SECOND) : new Pacer(BITRIX_REQUESTS_PER_SECOND, BITRIX_BURST);
    pacers.set(conn.id, p);
  }
  return p;
}

export function amoClientFor(deps: AppDeps, conn: CrmConnection, opts: SyncOptions = {}): AmoClient {
  return new AmoClient(conn.baseUrl, { deps, connectionId: conn.id }, pacerFor(conn, opts));
}

export function bitrixClientFor(deps: AppDeps, conn: CrmConnection, opts: SyncOptions = {}): BitrixClient {
  const creds = openCredentials(deps, conn);
  if (creds.mode !== "webhook") throw new CrmError("auth", "Bitrix24 connection without a webhook URL");
  return new BitrixClient(creds.url, pacerFor(conn, opts));
}

/**
 * Reconciles a connection, one run at a time per connection in this process: a call
 * during a run waits for it and then runs again (it may follow a new mapping). A
 * failure is recorded on the connection, never thrown.
 */
export function syncConnection(deps: AppDeps, connectionId: number, opts: SyncOptions = {}): Promise<SyncResult> {
  const before = running.get(connectionId) ?? Promise.resolve();
  const run = before.then(() => runSync(deps, connectionId, opts));
  running.set(connectionId, run);
  void run.finally(() => {
    if (running.get(connectionId) === run) running.delete(connectionId);
  });
  return run;
}

/** Resolves when no reconcile is running in this process (before the database closes). */
export async function syncsIdle(): Promise<void> {
  while (running.size > 0) await Promise.allSettled([...running.values()]);
}

async function runSync(deps: AppDeps, connectionId: number, opts: SyncOptions): Promise<SyncResult> {
  const conn = deps.repos.crm.connection(connectionId);
  if (!conn || conn.disconnectedAt !== null) return { ok: true, tally: emptyTally() };
  const started = deps.now();
  // A webhook arriving from here on asks for another pass.
  deps.repos.crm.update(conn.id, { pokedAt: null });
  try {
    const tally =
      conn.kind === "amocrm"
        ? await syncAmo(deps, conn, amoClientFor(deps, conn, opts))
        : await syncBitrix(deps, conn, bitrixClientFor(deps, conn, opts));
    // Anything a crash left pending between its ledger row and its entry is tried again.
    const retried = retryAfterSync(deps, conn);
    tally.recorded += retried.recorded;
    deps.repos.crm.update(conn.id, { lastSyncAt: started, lastError: null, failingSince: null, alertedAt: null });
    deps.logger.info({ connection_id: conn.id, crm: conn.kind, ...tally }, "CRM sync done");
    return { ok: true, tally };
  } catch (err) {
    const auth = err instanceof CrmError && err.kind === "auth";
    const error = err instanceof CrmError ? `${err.kind}: ${err.message}` : `error: ${(err as Error).message}`;
    const now = deps.now();
    deps.repos.crm.update(conn.id, { lastError: error.slice(0, 500), lastErrorAt: now, failingSince: conn.failingSince ?? now });
    deps.logger.warn({ connection_id: conn.id, crm: conn.kind, err: error }, "CRM sync failed");
    return { ok: false, error, auth };
  }
}

/** Whether the head is owed an alert about this connection now: a refused token at once, other failures after 30 minutes. */
export function alertDue(conn: CrmConnection, now: number): boolean {
  if (conn.disconnectedAt !== null || conn.failingSince === null || conn.alertedAt !== null) return false;
  return conn.lastError?.startsWith("auth:") === true || now - conn.failingSince >= ALERT_AFTER_MS;
}

/** Connections due for a reconcile: poked by a webhook, or not synced for `pollSeconds`. */
export function dueConnections(deps: AppDeps, now: number): CrmConnection[] {
  const every = deps.config.crm.pollSeconds * 1000;
  return deps.repos.crm.allActive().filter((c) => {
    if (c.pokedAt !== null) return true;
    const last = Math.max(c.lastSyncAt ?? 0, c.lastErrorAt ?? 0);
    return now - last >= every;
  });
}
