import type { NewEntry } from "../db/repositories/entries.js";
import type { Repositories } from "../db/repositories/index.js";
import { addDays, isoWeekday, zonedTime } from "../domain/time.js";
import type { CallOutcome, Stage } from "../domain/types.js";

/** Small deterministic PRNG (mulberry32) so demo data is the same on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMPANIES = [
  "Ромашка",
  "Вектор",
  "Альфа-Трейд",
  "СеверСталь Сервис",
  "Технопарк",
  "Грандстрой",
  "Медиагруппа",
  "ЛогистикПро",
  "Агрокомплекс",
  "Фармация",
  "ИнфоСофт",
  "Энергосбыт",
  "Автодом",
  "Стройресурс",
  "Балтика Опт",
  "Уралхим Снаб",
];
const FORMS = ["ООО", "АО", "ИП", "ПАО"];
const LOST_REASONS = ["дорого", "выбрали конкурента", "нет бюджета", "не актуально", "не выходит на связь"];

export interface SimulatedEntry extends Omit<NewEntry, "sourceUpdateId"> {}

/** A manager's working style: some call more, some close better. */
interface Profile {
  calls: number;
  leads: number;
  close: number;
  check: number;
}

/**
 * Generates a realistic stream of entries for some managers over `days` local
 * days ending yesterday-or-today, in time order. Leads move through the pipeline
 * the way sales do: most stall or are lost, a few are won.
 */
export function* simulateEntries(opts: {
  teamId: number;
  userIds: number[];
  tz: string;
  endDate: string;
  days: number;
  seed: number;
  stopAt?: number;
}): Generator<SimulatedEntry> {
  const rand = rng(opts.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const profiles = new Map<number, Profile>(
    opts.userIds.map((id) => [
      id,
      { calls: 12 + rand() * 16, leads: 1 + rand() * 2.5, close: 0.08 + rand() * 0.14, check: 60_000 + rand() * 200_000 },
    ]),
  );
  const open = new Map<number, { client: string; stage: Stage; since: number }[]>(opts.userIds.map((id) => [id, []]));
  let serial = 0;
  for (let d = opts.days - 1; d >= 0; d--) {
    const date = addDays(opts.endDate, -d);
    if (isoWeekday(date) > 5) continue;
    const dayStart = zonedTime(date, 9, 0, opts.tz);
    const batch: SimulatedEntry[] = [];
    for (const userId of opts.userIds) {
      const p = profiles.get(userId)!;
      const mine = open.get(userId)!;
      const at = () => dayStart + Math.floor(rand() * 9 * 3_600_000);
      const base = { teamId: opts.teamId, userId, outcome: null, amountMinor: null, clientName: null, lostReason: null } as const;
      const nLeads = Math.floor(p.leads + rand());
      for (let i = 0; i < nLeads; i++) {
        const client = `${pick(FORMS)} «${pick(COMPANIES)}-${++serial}»`;
        batch.push({ ...base, kind: "lead", clientName: client, occurredAt: at() });
        mine.push({ client, stage: "new", since: d });
      }
      const nCalls = Math.round(p.calls * (0.7 + rand() * 0.6));
      for (let i = 0; i < nCalls; i++) {
        const r = rand();
        const outcome: CallOutcome = r < 0.3 ? "noanswer" : r < 0.84 ? "reached" : "meeting";
        const fresh = mine.filter((l) => l.stage === "new");
        const lead = fresh.length > 0 && rand() < 0.45 ? pick(fresh) : null;
        batch.push({ ...base, kind: "call", outcome, clientName: lead?.client ?? null, occurredAt: at() });
        if (lead && outcome !== "noanswer") lead.stage = "qualified";
      }
      for (const lead of [...mine]) {
        const r = rand();
        if (lead.stage === "qualified" && r < 0.3) {
          batch.push({ ...base, kind: "meeting", clientName: lead.client, occurredAt: at() });
          lead.stage = "meeting";
        } else if (lead.stage === "meeting" && r < 0.25) {
          batch.push({ ...base, kind: rand() < 0.4 ? "presentation" : "proposal", clientName: lead.client, occurredAt: at() });
          if (batch.at(-1)!.kind === "proposal") lead.stage = "proposal";
        } else if (lead.stage === "proposal" && r < p.close) {
          const amount = Math.round(p.check * Math.exp((rand() - 0.5) * 1.2)) * 100;
          batch.push({ ...base, kind: "deal", amountMinor: amount, clientName: lead.client, occurredAt: at() });
          lead.stage = "won";
        } else if (r > 0.97 || (lead.since - d > 20 && r > 0.85)) {
          batch.push({ ...base, kind: "lost", clientName: lead.client, lostReason: pick(LOST_REASONS), occurredAt: at() });
          lead.stage = "lost";
        }
      }
      open.set(
        userId,
        mine.filter((l) => l.stage !== "won" && l.stage !== "lost"),
      );
    }
    // Entries within a day are logged in time order, as they would be live.
    batch.sort((a, b) => a.occurredAt - b.occurredAt);
    for (const e of batch) if (opts.stopAt === undefined || e.occurredAt < opts.stopAt) yield e;
  }
}

/** Logs simulated entries through the same repository path live entries take. */
export function logSimulated(repos: Repositories, entries: Iterable<SimulatedEntry>): number {
  let n = 0;
  for (const e of entries) {
    const r = repos.entries.log({ ...e, sourceUpdateId: null });
    if (r.status === "logged") n++;
  }
  return n;
}
