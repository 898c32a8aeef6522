import { z } from "zod";
import { clientKey } from "./pipeline.js";
import { DAY_MS, localClock } from "./time.js";
import type { ActivityKind, ActivityRecord } from "./types.js";

// Anti-gaming flags: patterns in a day's entries that a head may want to look at
// (entries typed to pad the numbers). Pure: the service feeds in the entries and
// stores what comes out, one flag per (kind, person, local day).

/** What a flag is about; the order is the order of lists and of the settings line. */
export const FLAG_KINDS = ["burst", "duplicate", "night", "calls", "no_history"] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

export const FLAG_STATUSES = ["open", "fine", "voided"] as const;
export type FlagStatus = (typeof FLAG_STATUSES)[number];

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/**
 * A team's thresholds (`/settings flags …`). A detector whose first field is
 * null is off; `on: false` turns detection off altogether.
 */
export const flagSettingsSchema = z.object({
  on: z.boolean().default(true),
  /** A burst: `burstCount` or more entries of one person within `burstMinutes`. */
  burstCount: z.number().int().min(3).max(500).nullable().default(20),
  burstMinutes: z.number().int().min(1).max(120).default(2),
  /** The same entry (kind, outcome, client, amount) again within this many minutes. */
  duplicateMinutes: z.number().int().min(1).max(1440).nullable().default(10),
  /** Entries at night, team local time; the interval wraps past midnight. */
  nightFrom: hhmm.nullable().default("23:00"),
  nightTo: hhmm.default("06:00"),
  /** Calls ≥ factor × the others' median that day, at least `callsMin`, with call conversion ≤ `callsConversion` %. */
  callsFactor: z.number().min(1.1).max(20).nullable().default(2),
  callsMin: z.number().int().min(1).max(10_000).default(30),
  callsConversion: z.number().min(0).max(100).default(5),
  /** A deal with no call, meeting, proposal, presentation or lead for its client in the days before. */
  dealLookbackDays: z.number().int().min(1).max(365).nullable().default(90),
});
export type FlagSettings = z.infer<typeof flagSettingsSchema>;
export const DEFAULT_FLAG_SETTINGS: FlagSettings = flagSettingsSchema.parse({});

/** Longest look back any detector needs before a day's first entry. */
export function historyDays(s: FlagSettings): number {
  return s.dealLookbackDays ?? 0;
}

/** What the flag's text needs; `count` is the number of flagged entries. */
export interface FlagDetail {
  count: number;
  firstAt: number;
  lastAt: number;
  /** calls: the person's calls, the others' median, the person's call conversion (%). */
  calls?: number;
  median?: number;
  conversion?: number;
  /** duplicate: the repeated entry's kind and client; no_history: the deals' clients. */
  entryKind?: ActivityKind;
  clients?: string[];
}

export interface DetectedFlag {
  kind: FlagKind;
  userId: number;
  /** Local date (team zone) of the flagged entries. */
  day: string;
  /** Flagged entry ids, ascending. */
  entryIds: number[];
  detail: FlagDetail;
}

/** Kinds that count as work on a client before a deal (first contact and on; an earlier deal does not). */
export const GROUNDWORK_KINDS = ["call", "meeting", "proposal", "presentation", "lead"] as const satisfies readonly ActivityKind[];
const GROUNDWORK: ReadonlySet<ActivityKind> = new Set(GROUNDWORK_KINDS);

const byTime = (a: ActivityRecord, b: ActivityRecord) => a.occurredAt - b.occurredAt || a.id - b.id;

function flagOf(kind: FlagKind, userId: number, day: string, entries: ActivityRecord[], extra: Partial<FlagDetail> = {}): DetectedFlag {
  const sorted = [...entries].sort(byTime);
  return {
    kind,
    userId,
    day,
    entryIds: sorted.map((e) => e.id).sort((a, b) => a - b),
    detail: { count: sorted.length, firstAt: sorted[0]!.occurredAt, lastAt: sorted.at(-1)!.occurredAt, ...extra },
  };
}

/**
 * Entries that lie in some run of `count` or more within `minutes` (the run's
 * first and last less than `minutes` apart). One person's entries of one day.
 */
export function burstEntries(entries: readonly ActivityRecord[], count: number, minutes: number): ActivityRecord[] {
  const sorted = [...entries].sort(byTime);
  const window = minutes * 60_000;
  const marked = new Set<number>();
  let i = 0;
  for (let j = 0; j < sorted.length; j++) {
    while (sorted[j]!.occurredAt - sorted[i]!.occurredAt >= window) i++;
    if (j - i + 1 >= count) for (let k = i; k <= j; k++) marked.add(k);
  }
  return sorted.filter((_, k) => marked.has(k));
}

/**
 * Entries repeated exactly (kind, outcome, client, amount) within `minutes` of
 * the previous one. An entry with neither client nor amount says too little to
 * call it a copy (two unnamed calls in ten minutes are ordinary work).
 */
export function duplicateEntries(entries: readonly ActivityRecord[], minutes: number): ActivityRecord[] {
  const last = new Map<string, ActivityRecord>();
  const out = new Map<number, ActivityRecord>();
  for (const e of [...entries].sort(byTime)) {
    if (!e.clientName && e.amountMinor === null) continue;
    const key = [e.kind, e.outcome ?? "", e.clientName ? clientKey(e.clientName) : "", e.amountMinor ?? ""].join("\u0000");
    const before = last.get(key);
    if (before && e.occurredAt - before.occurredAt <= minutes * 60_000) {
      out.set(before.id, before);
      out.set(e.id, e);
    }
    last.set(key, e);
  }
  return [...out.values()].sort(byTime);
}

const minutesOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** Entries whose local time (team zone) falls in [from, to), an interval that may wrap past midnight. */
export function nightEntries(entries: readonly ActivityRecord[], from: string, to: string, tz: string): ActivityRecord[] {
  const a = minutesOf(from);
  const b = minutesOf(to);
  if (a === b) return [];
  return entries.filter((e) => {
    const c = localClock(e.occurredAt, tz);
    const m = c.hour * 60 + c.minute;
    return a < b ? m >= a && m < b : m >= a || m < b;
  });
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((x, y) => x - y);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Calls far above the team with almost no conversion, for one day: a person
 * with at least `min` calls and at least `factor` × the median of the others who
 * logged anything that day (zeros counted), whose calls booked meetings at
 * `maxConversion` % or less. Nobody else logging: no team to compare with.
 */
export function callOutliers(
  dayEntries: readonly ActivityRecord[],
  s: { factor: number; min: number; maxConversion: number },
): { userId: number; calls: ActivityRecord[]; median: number; conversion: number }[] {
  const people = new Map<number, ActivityRecord[]>();
  for (const e of dayEntries) {
    const list = people.get(e.userId) ?? [];
    if (e.kind === "call") list.push(e);
    people.set(e.userId, list);
  }
  const out: { userId: number; calls: ActivityRecord[]; median: number; conversion: number }[] = [];
  for (const [userId, calls] of people) {
    if (calls.length < s.min) continue;
    const others = [...people].filter(([id]) => id !== userId).map(([, c]) => c.length);
    if (others.length === 0) continue;
    const med = median(others);
    const conversion = (calls.filter((c) => c.outcome === "meeting").length / calls.length) * 100;
    if (calls.length >= s.factor * med && conversion <= s.maxConversion) out.push({ userId, calls, median: med, conversion });
  }
  return out;
}

/**
 * Deals whose client had no call, meeting, proposal, presentation or lead logged
 * (by anyone in the team) in the `lookbackDays` before the deal. `history` holds
 * the team's entries from at least that far back; a deal with no client is not
 * judged (there is nothing to look for).
 */
export function dealsWithoutHistory(
  deals: readonly ActivityRecord[],
  history: readonly ActivityRecord[],
  lookbackDays: number,
): ActivityRecord[] {
  const work = new Map<string, ActivityRecord[]>();
  for (const e of history) {
    if (!GROUNDWORK.has(e.kind) || !e.clientName) continue;
    const key = clientKey(e.clientName);
    work.set(key, [...(work.get(key) ?? []), e]);
  }
  return deals.filter((d) => {
    if (d.kind !== "deal" || !d.clientName) return false;
    const since = d.occurredAt - lookbackDays * DAY_MS;
    // Same second (one message "called Acme and closed it"): the earlier-stored one came first.
    const earlier = (e: ActivityRecord) => e.occurredAt < d.occurredAt || (e.occurredAt === d.occurredAt && e.id < d.id);
    return !(work.get(clientKey(d.clientName)) ?? []).some((e) => e.occurredAt >= since && earlier(e));
  });
}

/**
 * Every flag of the given local days. `entries` are the team's live entries of
 * those days (any extra ones are ignored); `history` the team's entries of the
 * look-back before them (it may include the days themselves).
 */
export function detectFlags(input: {
  entries: readonly ActivityRecord[];
  history: readonly ActivityRecord[];
  days: readonly string[];
  tz: string;
  settings: FlagSettings;
}): DetectedFlag[] {
  const { settings: s, tz } = input;
  if (!s.on) return [];
  const wanted = new Set(input.days);
  const byDay = new Map<string, ActivityRecord[]>();
  for (const e of input.entries) {
    const day = localClock(e.occurredAt, tz).date;
    if (!wanted.has(day)) continue;
    byDay.set(day, [...(byDay.get(day) ?? []), e]);
  }
  const out: DetectedFlag[] = [];
  for (const [day, dayEntries] of [...byDay].sort(([a], [b]) => a.localeCompare(b))) {
    const people = new Map<number, ActivityRecord[]>();
    for (const e of dayEntries) people.set(e.userId, [...(people.get(e.userId) ?? []), e]);
    for (const [userId, mine] of [...people].sort(([a], [b]) => a - b)) {
      if (s.burstCount !== null) {
        const hit = burstEntries(mine, s.burstCount, s.burstMinutes);
        if (hit.length > 0) out.push(flagOf("burst", userId, day, hit));
      }
      if (s.duplicateMinutes !== null) {
        const hit = duplicateEntries(mine, s.duplicateMinutes);
        if (hit.length > 0) out.push(flagOf("duplicate", userId, day, hit, { entryKind: hit[0]!.kind, clients: clientsOf(hit) }));
      }
      if (s.nightFrom !== null) {
        const hit = nightEntries(mine, s.nightFrom, s.nightTo, tz);
        if (hit.length > 0) out.push(flagOf("night", userId, day, hit));
      }
      if (s.dealLookbackDays !== null) {
        const hit = dealsWithoutHistory(
          mine.filter((e) => e.kind === "deal"),
          input.history,
          s.dealLookbackDays,
        );
        if (hit.length > 0) out.push(flagOf("no_history", userId, day, hit, { clients: clientsOf(hit) }));
      }
    }
    if (s.callsFactor !== null) {
      const outliers = callOutliers(dayEntries, { factor: s.callsFactor, min: s.callsMin, maxConversion: s.callsConversion });
      for (const o of outliers) {
        out.push(
          flagOf("calls", o.userId, day, o.calls, {
            calls: o.calls.length,
            median: o.median,
            conversion: Math.round(o.conversion * 10) / 10,
          }),
        );
      }
    }
  }
  return out;
}

/** Distinct client names in order of first appearance. */
function clientsOf(entries: readonly ActivityRecord[]): string[] {
  const seen = new Map<string, string>();
  for (const e of entries) if (e.clientName && !seen.has(clientKey(e.clientName))) seen.set(clientKey(e.clientName), e.clientName);
  return [...seen.values()];
}

// ── `/settings flags …` ──────────────────────────────────────────────────────

const OFF = new Set(["off", "выкл", "no", "нет"]);
const ON = new Set(["on", "вкл", "yes", "да"]);
const WORDS: ReadonlyMap<string, "burst" | "duplicate" | "night" | "calls" | "deals"> = new Map([
  ["burst", "burst"],
  ["всплеск", "burst"],
  ["duplicate", "duplicate"],
  ["duplicates", "duplicate"],
  ["дубли", "duplicate"],
  ["night", "night"],
  ["ночь", "night"],
  ["calls", "calls"],
  ["звонки", "calls"],
  ["deals", "deals"],
  ["сделки", "deals"],
]);

const int = (w: string | undefined, min: number, max: number): number | null => {
  if (w === undefined || !/^\d{1,5}$/.test(w)) return null;
  const n = Number(w);
  return n >= min && n <= max ? n : null;
};

/** "2", "2x", "×2", "1.5", "1,5х" → 2, 1.5. */
const factor = (w: string | undefined): number | null => {
  const m = w === undefined ? null : /^[x×х]?(\d{1,2}(?:[.,]\d{1,2})?)[x×х]?$/i.exec(w);
  if (!m) return null;
  const n = Number(m[1]!.replace(",", "."));
  return n >= 1.1 && n <= 20 ? n : null;
};

/** "23-06", "23:00-06:00", "22:30–7" → ["23:00", "06:00"]. */
function clockRange(v: string): [string, string] | null {
  const m = /^(\d{1,2})(?::(\d{2}))?\s*[-–]\s*(\d{1,2})(?::(\d{2}))?$/.exec(v);
  if (!m) return null;
  const t = (h: string, mm = "00") => (Number(h) <= 23 && Number(mm) <= 59 ? `${h.padStart(2, "0")}:${mm}` : null);
  const from = t(m[1]!, m[2]);
  const to = t(m[3]!, m[4]);
  return from && to && from !== to ? [from, to] : null;
}

/**
 * The value part of `/settings flags …` as a change to the team's flag settings,
 * or null when it is not one of the forms:
 * `on|off`, `burst 20 2|off`, `duplicate 10|off`, `night 23-06|off`,
 * `calls 2 30 5%|off` (× the others' median, at least N calls, conversion ≤ %),
 * `deals 90|on|off` (days looked back for earlier work on the client).
 */
export function parseFlagSettings(value: string): Partial<FlagSettings> | null {
  const words = value.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const [first = "", ...rest] = words;
  if (rest.length === 0 && OFF.has(first)) return { on: false };
  if (rest.length === 0 && ON.has(first)) return { on: true };
  const what = WORDS.get(first);
  if (!what || rest.length === 0) return null;
  const off = rest.length === 1 && OFF.has(rest[0]!);
  const args = rest.map((w) => w.replace(/%$/, ""));
  switch (what) {
    case "burst": {
      if (off) return { burstCount: null };
      const count = int(args[0], 3, 500);
      const minutes = args.length === 1 ? DEFAULT_FLAG_SETTINGS.burstMinutes : int(args[1]?.replace(/(мин|min|m)$/, ""), 1, 120);
      return count !== null && minutes !== null && args.length <= 2 ? { burstCount: count, burstMinutes: minutes } : null;
    }
    case "duplicate": {
      if (off) return { duplicateMinutes: null };
      const minutes = int(args[0]?.replace(/(мин|min|m)$/, ""), 1, 1440);
      return minutes !== null && args.length === 1 ? { duplicateMinutes: minutes } : null;
    }
    case "night": {
      if (off) return { nightFrom: null };
      const r = clockRange(rest.join(""));
      return r ? { nightFrom: r[0], nightTo: r[1] } : null;
    }
    case "calls": {
      if (off) return { callsFactor: null };
      const f = factor(args[0]);
      const min = args.length >= 2 ? int(args[1], 1, 10_000) : DEFAULT_FLAG_SETTINGS.callsMin;
      const conv = args.length >= 3 ? int(args[2], 0, 100) : DEFAULT_FLAG_SETTINGS.callsConversion;
      return f !== null && min !== null && conv !== null && args.length <= 3
        ? { callsFactor: f, callsMin: min, callsConversion: conv }
        : null;
    }
    case "deals": {
      if (off) return { dealLookbackDays: null };
      if (rest.length === 1 && ON.has(rest[0]!)) return { dealLookbackDays: DEFAULT_FLAG_SETTINGS.dealLookbackDays };
      const days = int(args[0]?.replace(/(d|д|дн|days|дней)$/, ""), 1, 365);
      return days !== null && args.length === 1 ? { dealLookbackDays: days } : null;
    }
  }
}
