// Reads an amoCRM account into CRM events: call notes → calls, completed meeting
// tasks → meetings, leads → new leads, won deals and losses; the events log's
// status changes → mapped stage moves (each move once); deleted leads → voids. Each stream is re-read from its stored cursor (with an
// overlap), page by page, through the ledger, so a re-read changes nothing.
import type { CrmConnection } from "../../db/repositories/crm.js";
import { AMO_LOST_STATUS, AMO_WON_STATUS, amoCallOutcome, type CrmStageTarget } from "../../domain/crm.js";
import type { AppDeps } from "../../services/deps.js";
import { type CrmEvent, deletionsUnder, emptyTally, type IngestTally, ingestContext, readStreams } from "../ingest.js";
import type { AmoClient, AmoEvent, AmoLead, AmoNote, AmoPipeline, AmoTask, AmoUser } from "./client.js";

const S = 1000;

/** Refreshes the account's users and pipeline stages (won/lost fixed in every pipeline). */
export async function refreshAmoDirectory(deps: AppDeps, conn: CrmConnection, client: AmoClient): Promise<void> {
  const users: AmoUser[] = [];
  for await (const page of client.pages<AmoUser>("/api/v4/users", "users", {}, 250)) users.push(...page);
  deps.repos.crm.upsertUsers(
    conn.id,
    users.map((u) => ({ crmUserId: String(u.id), name: u.name, email: u.email ?? null })),
  );
  const stages: Parameters<AppDeps["repos"]["crm"]["upsertStages"]>[1] = [];
  for await (const page of client.pages<AmoPipeline>("/api/v4/leads/pipelines", "pipelines", {}, 250)) {
    for (const p of page) {
      for (const s of p._embedded?.statuses ?? []) {
        const fixed: CrmStageTarget | null = s.id === AMO_WON_STATUS ? "won" : s.id === AMO_LOST_STATUS ? "lost" : null;
        stages.push({ pipelineId: String(p.id), pipelineName: p.name, stageId: String(s.id), name: s.name, sort: s.sort ?? 0, fixed });
      }
    }
  }
  deps.repos.crm.upsertStages(conn.id, stages);
}

/**
 * A lead's events as of now: created, won or lost, and voids of what is no longer
 * true. Moves through the other mapped stages come from the events log
 * (`moveEvents`): the current status would miss a lead that passed through one
 * between two reads.
 */
export function leadEvents(lead: AmoLead, target: CrmStageTarget | undefined, historyFrom: number): CrmEvent[] {
  const user = String(lead.responsible_user_id);
  const client = lead.name?.trim() || `#${lead.id}`;
  const base = { crmUserId: user, outcome: null, amountMinor: null, clientName: client, lostReason: null };
  const out: CrmEvent[] = [];
  const at = (s: number) => s * S;
  if (lead.is_deleted) return out;
  if (at(lead.created_at) >= historyFrom) out.push({ ...base, key: `lead:${lead.id}:new`, kind: "lead", occurredAt: at(lead.created_at) });
  const closedAt = at(lead.closed_at ?? lead.updated_at);
  const won = target === "won";
  const lost = target === "lost";
  if (won && closedAt >= historyFrom) {
    out.push({ ...base, key: `lead:${lead.id}:won`, kind: "deal", amountMinor: Math.round((lead.price ?? 0) * 100), occurredAt: closedAt });
  } else if (!won) out.push({ ...base, key: `lead:${lead.id}:won`, kind: "deal", occurredAt: closedAt, deleted: true });
  if (lost && closedAt >= historyFrom) {
    const reason = lead._embedded?.loss_reason?.[0]?.name ?? null;
    out.push({ ...base, key: `lead:${lead.id}:lost`, kind: "lost", lostReason: reason, occurredAt: closedAt });
  } else if (!lost) out.push({ ...base, key: `lead:${lead.id}:lost`, kind: "lost", occurredAt: closedAt, deleted: true });
  return out;
}

/** The status a `lead_status_changed` event's `value_after` (or `value_before`) names, as `<pipeline>:<status>`. */
export function eventStatus(value: unknown[] | undefined): string | null {
  const v = (value?.[0] as { lead_status?: { id?: unknown; pipeline_id?: unknown } } | undefined)?.lead_status;
  return typeof v?.id === "number" && typeof v.pipeline_id === "number" ? `${v.pipeline_id}:${v.id}` : null;
}

type MoveTarget = "meeting" | "presentation" | "proposal";
const MOVE_TARGETS: ReadonlySet<CrmStageTarget> = new Set<MoveTarget>(["meeting", "presentation", "proposal"]);
const isMoveTarget = (t: CrmStageTarget | undefined): t is MoveTarget => t !== undefined && MOVE_TARGETS.has(t);

/**
 * A lead's move into a stage mapped to meeting/presentation/proposal: one entry per
 * move (keyed by the event's id under the lead, so deleting the lead voids it),
 * dated by the move, counted for whoever made it (the lead's responsible user when
 * the account's automation did). The lead gives the client's name; a lead that is
 * gone (deleted) gives nothing.
 */
export function moveEvent(e: AmoEvent, target: CrmStageTarget | undefined, lead: AmoLead | undefined): CrmEvent | null {
  if (!isMoveTarget(target) || !lead || lead.is_deleted) return null;
  return {
    key: `lead:${e.entity_id}:move:${e.id}`,
    crmUserId: String(e.created_by || lead.responsible_user_id),
    kind: target,
    outcome: null,
    amountMinor: null,
    clientName: lead.name?.trim() || `#${lead.id}`,
    lostReason: null,
    occurredAt: e.created_at * S,
  };
}

/** A call note; on a lead's card, the lead's name is the client (so a call that reached them qualifies the lead). */
export function noteEvent(note: AmoNote, client: string | null = null): CrmEvent {
  return {
    key: `note:${note.id}`,
    crmUserId: String(note.responsible_user_id ?? note.created_by ?? 0),
    kind: "call",
    outcome: amoCallOutcome(note.params?.call_status, note.params?.duration),
    amountMinor: null,
    clientName: client,
    lostReason: null,
    occurredAt: note.created_at * S,
  };
}

export function taskEvent(task: AmoTask): CrmEvent {
  return {
    key: `task:${task.id}`,
    crmUserId: String(task.responsible_user_id),
    kind: "meeting",
    outcome: null,
    amountMinor: null,
    clientName: null,
    lostReason: null,
    occurredAt: task.updated_at * S,
    // A meeting task reopened is no longer a meeting held.
    deleted: !task.is_completed,
  };
}

/** These leads (one request for a page of notes or events). */
async function leadsById(client: AmoClient, ids: number[]): Promise<Map<number, AmoLead>> {
  const unique = [...new Set(ids)];
  const leads = new Map<number, AmoLead>();
  for (let i = 0; i < unique.length; i += 250) {
    for await (const page of client.pages<AmoLead>("/api/v4/leads", "leads", { filter: { id: unique.slice(i, i + 250) } }, 250)) {
      for (const l of page) leads.set(l.id, l);
    }
  }
  return leads;
}

/** The names of these leads. */
async function leadNames(client: AmoClient, ids: number[]): Promise<Map<number, string>> {
  const names = new Map<number, string>();
  for (const [id, l] of await leadsById(client, ids)) names.set(id, l.name?.trim() || `#${l.id}`);
  return names;
}

interface Stream<T> {
  name: string;
  path: string;
  embedded: string;
  limit: number;
  /** The time field the cursor follows (unix seconds). */
  time: (item: T) => number;
  query: (from: number) => Record<string, unknown>;
  events: (items: T[]) => CrmEvent[] | Promise<CrmEvent[]>;
}

/** One reconcile of the account from the stored cursors; cursors move only after their stream is read. */
export async function syncAmo(deps: AppDeps, conn: CrmConnection, client: AmoClient): Promise<IngestTally> {
  await refreshAmoDirectory(deps, conn, client);
  const targets = new Map(deps.repos.crm.stages(conn.id).map((s) => [`${s.pipelineId}:${s.stageId}`, s.target]));
  const ctx = ingestContext(deps, conn);
  const historyFrom = conn.historyFrom;
  const calls = (entity: "leads" | "contacts"): Stream<AmoNote> => ({
    name: `notes:${entity}`,
    path: `/api/v4/${entity}/notes`,
    embedded: "notes",
    limit: 250,
    time: (n) => n.updated_at,
    query: (from) => ({ filter: { note_type: ["call_in", "call_out"], updated_at: { from } }, order: { updated_at: "asc" } }),
    events: async (notes) => {
      const fresh = notes.filter((n) => n.created_at * S >= historyFrom);
      const names =
        entity === "leads"
          ? await leadNames(
              client,
              fresh.map((n) => n.entity_id),
            )
          : new Map<number, string>();
      return fresh.map((n) => noteEvent(n, names.get(n.entity_id) ?? null));
    },
  });
  const streams = [
    calls("leads"),
    calls("contacts"),
    {
      name: "leads",
      path: "/api/v4/leads",
      embedded: "leads",
      limit: 250,
      time: (l) => l.updated_at,
      query: (from) => ({ with: "loss_reason", filter: { updated_at: { from } }, order: { updated_at: "asc" } }),
      events: (leads) => leads.flatMap((l) => leadEvents(l, targets.get(`${l.pipeline_id}:${l.status_id}`), historyFrom)),
    } satisfies Stream<AmoLead>,
    {
      name: "tasks",
      path: "/api/v4/tasks",
      embedded: "tasks",
      limit: 250,
      time: (t) => t.updated_at,
      query: (from) => ({ filter: { task_type: [2], updated_at: { from } }, order: { updated_at: "asc" } }),
      events: (tasks) => tasks.filter((t) => t.task_type_id === 2 && t.updated_at * S >= historyFrom).map(taskEvent),
    } satisfies Stream<AmoTask>,
    {
      name: "moves",
      path: "/api/v4/events",
      embedded: "events",
      limit: 100,
      time: (e) => e.created_at,
      query: (from) => ({ filter: { type: ["lead_status_changed"], entity: ["lead"], created_at: { from } } }),
      events: async (events) => {
        const mapped = events.filter((e) => {
          const target = targets.get(eventStatus(e.value_after) ?? "");
          return e.created_at * S >= historyFrom && isMoveTarget(target);
        });
        if (mapped.length === 0) return [];
        const leads = await leadsById(
          client,
          mapped.map((e) => e.entity_id),
        );
        const out: CrmEvent[] = [];
        for (const e of mapped) {
          const move = moveEvent(e, targets.get(eventStatus(e.value_after) ?? ""), leads.get(e.entity_id));
          if (!move) continue;
          adoptLegacyMove(deps, conn, e.entity_id, move);
          out.push(move);
        }
        return out;
      },
    } satisfies Stream<AmoEvent>,
    {
      name: "deleted",
      path: "/api/v4/events",
      embedded: "events",
      limit: 100,
      time: (e) => e.created_at,
      query: (from) => ({ filter: { type: ["lead_deleted"], created_at: { from } } }),
      // A deleted lead takes back every entry it brought.
      events: (events) => events.flatMap((e) => deletionsUnder(deps, conn, `lead:${e.entity_id}:`)),
    } satisfies Stream<AmoEvent>,
  ] as Stream<unknown>[];

  const tally = emptyTally();
  await readStreams(
    deps,
    conn,
    streams.map((s) => ({ ...s, pages: (from: number) => client.pages<unknown>(s.path, s.embedded, s.query(from), s.limit) })),
    ctx,
    tally,
  );
  return tally;
}

/**
 * Before moves were read from the events log, a lead sitting in a mapped stage was
 * keyed `lead:<id>:<target>`. The first move event into that stage takes such a
 * record over (same entry, new key), so an upgrade counts nothing twice.
 */
function adoptLegacyMove(deps: AppDeps, conn: CrmConnection, leadId: number, move: CrmEvent): void {
  const { crm } = deps.repos;
  const legacy = crm.record(conn.id, `lead:${leadId}:${move.kind}`);
  if (!legacy || crm.record(conn.id, move.key)) return;
  crm.updateRecord(legacy.id, { key: move.key });
}
