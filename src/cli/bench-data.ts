// Bulk builder of a benchmark database: the same rows the bot writes for a
// year of many teams, produced fast. Entries come from the demo's realistic
// generator (simulateEntries) and are applied with an in-memory replica of
// entriesRepository.log (same lead matching, same `advance`/`targetStage`
// pipeline rules, same skipped-stage history), then written with raw
// multi-row prepared statements, one transaction per day; each lead row is
// written once, in its final state, after the last day. The replay test in
// test/cli/bench-data.test.ts checks the rows equal what log() writes.

import { existsSync, rmSync } from "node:fs";
import type Database from "better-sqlite3";
import { closeDatabase, openDatabase } from "../db/client.js";
import { advance, clientKey, isOpen, targetStage } from "../domain/pipeline.js";
import { addDays, localDate, zonedMidnight, zonedTime } from "../domain/time.js";
import type { Stage } from "../domain/types.js";
import { rng, type SimulatedEntry, simulateEntries } from "./simulate.js";

export interface BenchDataOptions {
  teams: number;
  managersPerTeam: number;
  /** Calendar days of history, ending with `endDate` (inclusive). */
  days: number;
  seed: number;
  /** Last local date with entries (YYYY-MM-DD); today in Moscow by default. */
  endDate?: string;
}

export interface BenchDataResult {
  activities: number;
  leads: number;
  seconds: number;
}

/** Teams are spread over these zones, round-robin by team index. */
const BENCH_ZONES = ["Europe/Moscow", "Asia/Yekaterinburg", "Asia/Novosibirsk", "Europe/Kaliningrad"] as const;

/** Deterministic ids so the bench and tests can find people without a lookup. */
export const benchIds = {
  team: (t: number) => t + 1,
  head: (t: number) => 1_000_000 + t,
  manager: (t: number, m: number) => 2_000_000 + t * 1_000 + m,
  zone: (t: number) => BENCH_ZONES[t % BENCH_ZONES.length]!,
};

const FIRST = [
  "Иван",
  "Мария",
  "Пётр",
  "Анна",
  "Дмитрий",
  "Елена",
  "Сергей",
  "Ольга",
  "Алексей",
  "Наталья",
  "Михаил",
  "Татьяна",
  "Андрей",
  "Юлия",
  "Николай",
  "Светлана",
];
const LAST = [
  "Иванов",
  "Смирнов",
  "Кузнецов",
  "Попов",
  "Васильев",
  "Петров",
  "Соколов",
  "Михайлов",
  "Новиков",
  "Фёдоров",
  "Морозов",
  "Волков",
  "Алексеев",
  "Лебедев",
];

/** Share of plain calls (no client) later removed with /undo: soft-deleted rows. */
const UNDO_SHARE = 0.003;

/**
 * The entries of every team, one local day at a time, each day in global time
 * order (ids interleave across teams as in a live database). Entries come from
 * simulateEntries (the demo's realistic mix), one seeded stream per team.
 */
export function* benchEntries(opts: BenchDataOptions & { endDate: string }): Generator<SimulatedEntry[]> {
  const firstDate = addDays(opts.endDate, -(opts.days - 1));
  const streams = Array.from({ length: opts.teams }, (_, t) => {
    const userIds = Array.from({ length: opts.managersPerTeam }, (_, m) => benchIds.manager(t, m));
    const gen = simulateEntries({
      teamId: benchIds.team(t),
      userIds,
      tz: benchIds.zone(t),
      endDate: opts.endDate,
      days: opts.days,
      seed: opts.seed * 7919 + t,
    });
    return { tz: benchIds.zone(t), gen, next: gen.next() };
  });
  for (let d = 0; d < opts.days; d++) {
    const date = addDays(firstDate, d);
    const next = addDays(date, 1);
    const cutoffs = new Map(BENCH_ZONES.map((tz) => [tz as string, zonedTime(next, 0, 0, tz)]));
    const batch: SimulatedEntry[] = [];
    for (const s of streams) {
      const cutoff = cutoffs.get(s.tz) ?? zonedTime(next, 0, 0, s.tz);
      while (!s.next.done && s.next.value.occurredAt < cutoff) {
        batch.push(s.next.value);
        s.next = s.gen.next();
      }
    }
    // Sort positions by time, ties in push order (team order): a stable sort
    // on a typed array of keys, much cheaper than comparing the entry objects.
    const times = Float64Array.from(batch, (e) => e.occurredAt);
    const order = Array.from({ length: batch.length }, (_, i) => i).sort((i, j) => times[i]! - times[j]! || i - j);
    yield order.map((i) => batch[i]!);
  }
}

/** Buffers rows and inserts them `chunk` at a time with one multi-row statement. */
function bulkInsert(sqlite: Database.Database, head: string, columns: number, chunk = 64) {
  const row = `(${Array.from({ length: columns }, () => "?").join(", ")})`;
  const statements = new Map<number, Database.Statement>();
  const statement = (rows: number) => {
    let st = statements.get(rows);
    if (!st) statements.set(rows, (st = sqlite.prepare(`${head} values ${Array.from({ length: rows }, () => row).join(", ")}`)));
    return st;
  };
  let values: unknown[] = [];
  let rows = 0;
  const flush = () => {
    if (rows === 0) return;
    statement(rows).run(values);
    values = [];
    rows = 0;
  };
  return {
    add(...row: unknown[]) {
      for (const v of row) values.push(v);
      if (++rows === chunk) flush();
    },
    flush,
  };
}

/** A lead as log() leaves it; rows are written once, in id order, after the last entry. */
interface LeadState {
  id: number;
  teamId: number;
  ownerId: number;
  clientName: string;
  key: string;
  stage: Stage;
  lostAtStage: Stage | null;
  lostReason: string | null;
  createdByActivityId: number;
  createdAt: number;
  updatedAt: number;
}

/**
 * Writes a fresh database at `path` (replacing any file there) with `teams`
 * teams of one head and `managersPerTeam` managers each, plans, and `days` days
 * of entries logged the way the bot logs them. Indexes come from the schema's
 * migrations and are in place while rows are inserted.
 */
export function buildBenchDatabase(path: string, opts: BenchDataOptions): BenchDataResult {
  const started = performance.now();
  for (const suffix of ["", "-wal", "-shm", "-journal"]) if (existsSync(path + suffix)) rmSync(path + suffix);
  const endDate = opts.endDate ?? localDate(Date.now(), "Europe/Moscow");
  const firstDate = addDays(endDate, -(opts.days - 1));

  // Migrate exactly as the bot does, then switch to bulk-load settings.
  const db = openDatabase(path);
  const sqlite = db.$client;
  // better-sqlite3 runs in SQLite's defensive mode, which refuses journal_mode=OFF.
  sqlite.unsafeMode(true);
  const mode = sqlite.pragma("journal_mode = OFF", { simple: true });
  if (mode !== "off") throw new Error(`could not switch the bench database to journal_mode=OFF (still ${String(mode)})`);
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("foreign_keys = OFF");
  sqlite.pragma("cache_size = -2097152"); // 2 GiB while loading: every page stays in memory
  sqlite.pragma("temp_store = MEMORY");

  const setupAt = zonedMidnight(addDays(firstDate, -30), "Europe/Moscow");
  const insTeam = sqlite.prepare(
    "insert into teams (id, chat_id, name, timezone, locale, invite_code, settings, created_at) values (?, ?, ?, ?, 'ru', ?, '{}', ?)",
  );
  const insUser = sqlite.prepare(
    "insert into users (id, username, first_name, last_name, language_code, settings, created_at, updated_at) values (?, ?, ?, ?, 'ru', '{}', ?, ?)",
  );
  const insMember = sqlite.prepare("insert into memberships (team_id, user_id, role, active, joined_at) values (?, ?, ?, 1, ?)");
  const insPlan = sqlite.prepare(
    "insert into plans (team_id, metric, value, relative_percent, period, scope, user_id, created_by, created_at, updated_at) values (?, ?, ?, null, ?, ?, ?, ?, ?, ?)",
  );
  const pickName = rng(opts.seed ^ 0x9e3779b9);
  const nameOf = () => [FIRST[Math.floor(pickName() * FIRST.length)]!, LAST[Math.floor(pickName() * LAST.length)]!] as const;

  sqlite.transaction(() => {
    for (let t = 0; t < opts.teams; t++) {
      const teamId = benchIds.team(t);
      const head = benchIds.head(t);
      insTeam.run(teamId, -1_000_000_000_000 - t, `Отдел продаж №${t + 1}`, benchIds.zone(t), `bench-${opts.seed}-${t}`, setupAt);
      const [hf, hl] = nameOf();
      insUser.run(head, `head_${t + 1}`, hf, hl, setupAt, setupAt);
      insMember.run(teamId, head, "head", setupAt);
      for (let m = 0; m < opts.managersPerTeam; m++) {
        const id = benchIds.manager(t, m);
        const [f, l] = nameOf();
        insUser.run(id, `m${t + 1}_${m + 1}`, f, l, setupAt, setupAt);
        insMember.run(teamId, id, "manager", setupAt + 60_000 * (m + 1));
      }
      // The usual plans: deals and revenue for the month, calls per day, plus
      // one personal weekly plan.
      insPlan.run(teamId, "deals", 8 + (t % 5), "month", "each", null, head, setupAt, setupAt);
      insPlan.run(teamId, "calls", 20, "day", "each", null, head, setupAt, setupAt);
      insPlan.run(teamId, "revenue", 150_000_000 * opts.managersPerTeam, "month", "team", null, head, setupAt, setupAt);
      insPlan.run(teamId, "meetings", 6, "week", "user", benchIds.manager(t, 0), head, setupAt, setupAt);
    }
  })();

  // Multi-row inserts: far fewer statement calls than one row at a time.
  const insActivity = bulkInsert(
    sqlite,
    "insert into activities (id, team_id, user_id, kind, outcome, amount_minor, client_name, lead_id, lead_stage_before, lost_reason, note, occurred_at, created_at, deleted_at, source_update_id)",
    15,
  );
  const insStage = bulkInsert(sqlite, "insert into lead_stages (lead_id, team_id, owner_id, stage, entered_at, activity_id)", 6);

  // Open leads per team+owner+client key: what findOpenLead would return.
  const open = new Map<string, LeadState>();
  const leads: LeadState[] = [];
  const undo = rng(opts.seed ^ 0x5eed);
  let activityId = 0;
  let leadId = 0;

  const logDay = sqlite.transaction((batch: SimulatedEntry[]) => {
    for (const e of batch) {
      const key = e.clientName ? clientKey(e.clientName) : null;
      const mapKey = key === null ? "" : `${e.teamId}|${e.userId}|${key}`;
      let lead = key === null ? undefined : open.get(mapKey);
      if (e.kind === "lead" && lead) continue; // "lead_exists": nothing stored
      if (e.kind === "lost" && !lead) continue; // "no_open_lead"
      const creates = !lead && key !== null && (e.kind === "lead" || e.kind === "deal");
      const stageBefore = lead?.stage ?? null;
      const id = ++activityId;
      if (creates) {
        lead = {
          id: ++leadId,
          teamId: e.teamId,
          ownerId: e.userId,
          clientName: e.clientName!,
          key: key!,
          stage: "new",
          lostAtStage: null,
          lostReason: null,
          createdByActivityId: id,
          createdAt: e.occurredAt,
          updatedAt: e.occurredAt,
        };
        leads.push(lead);
        open.set(mapKey, lead);
      }
      const deletedAt = e.kind === "call" && key === null && undo() < UNDO_SHARE ? e.occurredAt + 45_000 : null;
      insActivity.add(
        id,
        e.teamId,
        e.userId,
        e.kind,
        e.outcome,
        e.amountMinor,
        e.clientName,
        lead?.id ?? null,
        stageBefore,
        e.lostReason,
        null,
        e.occurredAt,
        e.occurredAt + 1_000,
        deletedAt,
        100_000_000 + id,
      );
      const target = targetStage(e.kind, e.outcome);
      if (!lead || !target) continue;
      const move = advance(creates ? null : lead.stage, target);
      if (move.entered.length === 0) continue;
      for (const stage of move.entered) insStage.add(lead.id, e.teamId, e.userId, stage, e.occurredAt, id);
      lead.stage = move.stage;
      lead.updatedAt = e.occurredAt;
      if (move.stage === "lost") {
        lead.lostAtStage = stageBefore;
        lead.lostReason = e.lostReason;
      }
      if (!isOpen(lead.stage)) open.delete(mapKey);
    }
    insActivity.flush();
    insStage.flush();
  });

  for (const batch of benchEntries({ ...opts, endDate })) logDay(batch);

  const insLead = bulkInsert(
    sqlite,
    "insert into leads (id, team_id, owner_id, client_name, client_key, stage, lost_at_stage, lost_reason, created_by_activity_id, created_at, updated_at)",
    11,
  );
  sqlite.transaction(() => {
    for (const l of leads)
      insLead.add(
        l.id,
        l.teamId,
        l.ownerId,
        l.clientName,
        l.key,
        l.stage,
        l.lostAtStage,
        l.lostReason,
        l.createdByActivityId,
        l.createdAt,
        l.updatedAt,
      );
    insLead.flush();
  })();

  sqlite.pragma("cache_size = -2000");
  sqlite.unsafeMode(false);
  closeDatabase(db);
  // Reopen in the bot's mode so the file is left in WAL, like a live database.
  const back = openDatabase(path);
  closeDatabase(back);
  return { activities: activityId, leads: leadId, seconds: (performance.now() - started) / 1000 };
}
