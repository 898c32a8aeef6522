// Reads a Bitrix24 portal into CRM events: the telephony log → calls, completed
// meeting activities → meetings, deals → new leads, mapped stage moves, won (S) and
// lost (F, the stage's name as the reason). Streams re-read from stored cursors;
// deals the ledger holds that the portal no longer has → voids.
import type { CrmConnection } from "../../db/repositories/crm.js";
import { bitrixCallOutcome, bitrixStageTarget, type CrmStageTarget } from "../../domain/crm.js";
import type { AppDeps } from "../../services/deps.js";
import {
  type CrmEvent,
  deletionsUnder,
  emptyTally,
  type IngestContext,
  type IngestTally,
  ingest,
  ingestContext,
  readStreams,
} from "../ingest.js";
import type { BitrixActivity, BitrixCall, BitrixClient, BitrixDeal, BitrixStatus, BitrixUser } from "./client.js";

const S = 1000;
/** Deleted deals are looked for among those counted this long ago or later (this month and the last). */
const DELETION_WINDOW_MS = 62 * 86_400_000;
/** Ids asked for at once: one page of `crm.deal.list`. */
const ID_CHUNK = 50;
const iso = (unixS: number) => new Date(unixS * S).toISOString();
/** Bitrix24 dates carry their offset (`2026-12-01T10:00:00+03:00`): the instant is exact. */
const ms = (date: string | undefined) => (date ? Date.parse(date) : Number.NaN);

function semanticsOf(s: BitrixStatus): CrmStageTarget | null {
  const word = s.SEMANTICS ?? s.EXTRA?.SEMANTICS ?? null;
  const letter = word === "success" ? "S" : word === "failure" ? "F" : word;
  return bitrixStageTarget(letter) ?? (/(^|:)WON$/.test(s.STATUS_ID) ? "won" : /(^|:)LOSE$/.test(s.STATUS_ID) ? "lost" : null);
}

export async function refreshBitrixDirectory(deps: AppDeps, conn: CrmConnection, client: BitrixClient): Promise<void> {
  const users: BitrixUser[] = [];
  for await (const page of client.pages<BitrixUser>("user.get", { FILTER: { ACTIVE: true } })) users.push(...page);
  deps.repos.crm.upsertUsers(
    conn.id,
    users.map((u) => ({ crmUserId: u.ID, name: [u.NAME, u.LAST_NAME].filter(Boolean).join(" ") || `#${u.ID}`, email: u.EMAIL || null })),
  );
  const categories: { id: string; name: string }[] = [{ id: "0", name: "" }];
  try {
    for await (const page of client.pages<{ id: number; name: string }>(
      "crm.category.list",
      { entityTypeId: 2 },
      (r) => (r as { categories?: { id: number; name: string }[] }).categories ?? [],
    )) {
      for (const c of page)
        if (String(c.id) !== "0") categories.push({ id: String(c.id), name: c.name });
        else categories[0]!.name = c.name;
    }
  } catch {
    // Portals without deal categories answer with an error: the default pipeline is all there is.
  }
  const stages: Parameters<AppDeps["repos"]["crm"]["upsertStages"]>[1] = [];
  for (const c of categories) {
    const entity = c.id === "0" ? "DEAL_STAGE" : `DEAL_STAGE_${c.id}`;
    for await (const page of client.pages<BitrixStatus>("crm.status.list", { filter: { ENTITY_ID: entity }, order: { SORT: "ASC" } })) {
      for (const s of page) {
        stages.push({
          pipelineId: c.id,
          pipelineName: c.name,
          stageId: s.STATUS_ID,
          name: s.NAME,
          sort: Number(s.SORT ?? 0),
          fixed: semanticsOf(s),
        });
      }
    }
  }
  deps.repos.crm.upsertStages(conn.id, stages);
}

export function dealEvents(deal: BitrixDeal, stage: { target: CrmStageTarget; name: string } | undefined, historyFrom: number): CrmEvent[] {
  const base = {
    crmUserId: deal.ASSIGNED_BY_ID,
    outcome: null,
    amountMinor: null,
    clientName: deal.TITLE?.trim() || `#${deal.ID}`,
    lostReason: null,
  };
  const out: CrmEvent[] = [];
  const created = ms(deal.DATE_CREATE);
  const modified = ms(deal.DATE_MODIFY);
  if (created >= historyFrom) out.push({ ...base, key: `deal:${deal.ID}:new`, kind: "lead", occurredAt: created });
  const target = stage?.target;
  if (target === "won" && modified >= historyFrom) {
    out.push({
      ...base,
      key: `deal:${deal.ID}:won`,
      kind: "deal",
      amountMinor: Math.round(Number(deal.OPPORTUNITY ?? 0) * 100),
      occurredAt: modified,
    });
  } else if (target !== "won") out.push({ ...base, key: `deal:${deal.ID}:won`, kind: "deal", occurredAt: modified, deleted: true });
  if (target === "lost" && modified >= historyFrom) {
    out.push({ ...base, key: `deal:${deal.ID}:lost`, kind: "lost", lostReason: stage?.name ?? null, occurredAt: modified });
  } else if (target !== "lost") out.push({ ...base, key: `deal:${deal.ID}:lost`, kind: "lost", occurredAt: modified, deleted: true });
  if ((target === "meeting" || target === "proposal" || target === "presentation") && modified >= historyFrom) {
    out.push({ ...base, key: `deal:${deal.ID}:${target}`, kind: target, occurredAt: modified });
  }
  return out;
}

export function callEvent(c: BitrixCall): CrmEvent {
  return {
    key: `call:${c.CALL_ID}`,
    crmUserId: String(c.PORTAL_USER_ID),
    kind: "call",
    outcome: bitrixCallOutcome(Number(c.CALL_DURATION), c.CALL_FAILED_CODE ?? null),
    amountMinor: null,
    clientName: null,
    lostReason: null,
    occurredAt: ms(c.CALL_START_DATE),
  };
}

export function meetingEvent(a: BitrixActivity): CrmEvent {
  return {
    key: `activity:${a.ID}`,
    crmUserId: a.RESPONSIBLE_ID,
    kind: "meeting",
    outcome: null,
    amountMinor: null,
    clientName: null,
    lostReason: null,
    occurredAt: ms(a.END_TIME || a.START_TIME || a.LAST_UPDATED),
    deleted: a.COMPLETED !== "Y",
  };
}

interface Stream<T> {
  name: string;
  method: string;
  time: (item: T) => number;
  params: (fromIso: string) => Record<string, unknown>;
  events: (items: T[]) => CrmEvent[];
}

export async function syncBitrix(deps: AppDeps, conn: CrmConnection, client: BitrixClient): Promise<IngestTally> {
  await refreshBitrixDirectory(deps, conn, client);
  const stageOf = new Map(deps.repos.crm.stages(conn.id).map((s) => [s.stageId, { target: s.target, name: s.name }]));
  const ctx = ingestContext(deps, conn);
  const historyFrom = conn.historyFrom;
  const streams = [
    {
      name: "calls",
      method: "voximplant.statistic.get",
      time: (c) => ms(c.CALL_START_DATE) / S,
      params: (from) => ({ FILTER: { ">=CALL_START_DATE": from }, SORT: "CALL_START_DATE", ORDER: "ASC" }),
      events: (calls) => calls.map(callEvent).filter((e) => e.occurredAt >= historyFrom),
    } satisfies Stream<BitrixCall>,
    {
      name: "meetings",
      method: "crm.activity.list",
      time: (a) => ms(a.LAST_UPDATED) / S,
      params: (from) => ({
        filter: { TYPE_ID: 1, ">=LAST_UPDATED": from },
        order: { LAST_UPDATED: "ASC" },
        select: ["ID", "TYPE_ID", "RESPONSIBLE_ID", "START_TIME", "END_TIME", "COMPLETED", "LAST_UPDATED"],
      }),
      events: (acts) => acts.map(meetingEvent).filter((e) => e.occurredAt >= historyFrom),
    } satisfies Stream<BitrixActivity>,
    {
      name: "deals",
      method: "crm.deal.list",
      time: (d) => ms(d.DATE_MODIFY) / S,
      params: (from) => ({
        filter: { ">=DATE_MODIFY": from },
        order: { DATE_MODIFY: "ASC" },
        select: ["ID", "TITLE", "STAGE_ID", "CATEGORY_ID", "OPPORTUNITY", "ASSIGNED_BY_ID", "DATE_CREATE", "DATE_MODIFY"],
      }),
      events: (deals) => deals.flatMap((d) => dealEvents(d, stageOf.get(d.STAGE_ID), historyFrom)),
    } satisfies Stream<BitrixDeal>,
  ] as Stream<unknown>[];

  const tally = emptyTally();
  await readStreams(
    deps,
    conn,
    streams.map((s) => ({ ...s, pages: (from: number) => client.pages<unknown>(s.method, s.params(iso(from))) })),
    ctx,
    tally,
  );
  await voidDeletedDeals(deps, conn, client, ctx, tally);
  return tally;
}

/**
 * Bitrix24 keeps no deletion log an inbound webhook can read (an ONCRMDEALDELETE
 * hook carries the id but may be lost, and only pokes a reconcile), so each
 * reconcile asks the portal for the deals the ledger holds in the window: one the
 * portal no longer returns was deleted, and every entry it brought is voided. If
 * the portal answers with a deal that was not asked for, the id filter was not
 * applied and nothing is concluded.
 */
async function voidDeletedDeals(deps: AppDeps, conn: CrmConnection, client: BitrixClient, ctx: IngestContext, tally: IngestTally) {
  const since = Math.max(conn.historyFrom, deps.now() - DELETION_WINDOW_MS);
  const ids = [...new Set(deps.repos.crm.liveKeysSince(conn.id, "deal:", since).map((k) => k.split(":")[1]!))];
  const gone: string[] = [];
  for (let i = 0; i < ids.length; i += ID_CHUNK) {
    const chunk = ids.slice(i, i + ID_CHUNK);
    const { result } = await client.call("crm.deal.list", { filter: { "@ID": chunk }, select: ["ID"], start: -1 });
    const found = new Set(((result as { ID: string }[] | null) ?? []).map((d) => String(d.ID)));
    if ([...found].some((id) => !chunk.includes(id))) {
      deps.logger.warn({ connection_id: conn.id }, "CRM deletion check skipped: the id filter was not applied");
      return;
    }
    gone.push(...chunk.filter((id) => !found.has(id)));
  }
  for (const id of gone) {
    ingest(deps, conn, deletionsUnder(deps, conn, `deal:${id}:`), ctx, tally);
  }
}
