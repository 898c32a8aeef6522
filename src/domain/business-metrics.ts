// The seven business metrics (catalogue, "Business metrics"): market share, return
// on sales, CAC, client payback, active customers, repeat rate and churn. They need
// more than a period's entries: every won deal of the team (a customer's history)
// and the head's monthly inputs. Pure; the service reads the rows.

import { addMonths, type InputRow, inputFor, type MissingInput, moneyOver, monthAt } from "./business-inputs.js";
import { clientKey } from "./pipeline.js";
import { DAY_MS, zonedMidnight } from "./time.js";
import type { Period } from "./types.js";

export const BUSINESS_METRIC_KEYS = [
  "market_share",
  "sales_margin",
  "cac",
  "payback_months",
  "active_customers",
  "repeat_rate",
  "churn",
] as const;
export type BusinessMetricKey = (typeof BUSINESS_METRIC_KEYS)[number];

/** True for the metrics that need the team's history and the head's inputs (a costlier read). */
export function isBusinessMetric(key: string): key is BusinessMetricKey {
  return (BUSINESS_METRIC_KEYS as readonly string[]).includes(key);
}

/** A live won deal. */
export interface WonDeal {
  userId: number;
  clientName: string | null;
  occurredAt: number;
  amountMinor: number;
  /** The deal's own margin %, or null: the team's margin for its month. */
  marginPct: number | null;
}

export interface BusinessContext {
  /** The team's time zone: a deal's month, the payback window. */
  tz: string;
  /** Every live won deal of the team up to now (customers' history, overhead shares). */
  deals: readonly WonDeal[];
  /** Every input the head ever set (history). */
  inputs: readonly InputRow[];
  /** The managers whose costs make the team's costs: one of them missing makes the team's missing. */
  costUserIds: readonly number[];
  /** Whom the values are for: some people, or null for the whole team. */
  subject: readonly number[] | null;
  /** "Now": the period's end is min(period end, now) for the metrics measured "at the end". */
  asOf: number;
  /** A customer is active with a won deal within this many days (catalogue: 90). */
  activeDays: number;
}

export interface Customer {
  key: string;
  name: string;
  /** Who won its first deal: it belongs to them. */
  ownerId: number;
  /** Its won deals' times, oldest first. */
  dealTimes: number[];
}

// One team's customers are read for each of its managers from the same deals array: build them once.
const customerCache = new WeakMap<readonly WonDeal[], Customer[]>();

/** Customers (clients with a won deal) from the deals, by normalised name, each owned by its first deal's winner. */
export function customersOf(deals: readonly WonDeal[]): Customer[] {
  const cached = customerCache.get(deals);
  if (cached) return cached;
  const built = buildCustomers(deals);
  customerCache.set(deals, built);
  return built;
}

function buildCustomers(deals: readonly WonDeal[]): Customer[] {
  const byKey = new Map<string, Customer>();
  for (const d of [...deals].sort((a, b) => a.occurredAt - b.occurredAt)) {
    if (d.clientName === null) continue;
    const key = clientKey(d.clientName);
    if (!key) continue;
    const c = byKey.get(key);
    if (c) c.dealTimes.push(d.occurredAt);
    else byKey.set(key, { key, name: d.clientName, ownerId: d.userId, dealTimes: [d.occurredAt] });
  }
  return [...byKey.values()];
}

/** A customer with a won deal in the `days` days before `at`. */
export function isActiveAt(c: Customer, at: number, days: number): boolean {
  const from = at - days * DAY_MS;
  return c.dealTimes.some((t) => t >= from && t < at);
}

export interface BusinessResult {
  values: Record<BusinessMetricKey, number | null>;
  /** Per metric, the inputs it still needs (its value is then null). */
  missing: Record<BusinessMetricKey, MissingInput[]>;
}

const inRange = (t: number, from: number, to: number) => t >= from && t < to;

/** The seven values for the context's subject over `period`, with what each still needs. */
export function computeBusiness(ctx: BusinessContext, period: Period): BusinessResult {
  const subject = ctx.subject === null ? null : new Set(ctx.subject);
  const mine = (userId: number) => subject === null || subject.has(userId);
  const end = Math.min(period.to, ctx.asOf);
  const missing: Record<BusinessMetricKey, MissingInput[]> = {
    market_share: [],
    sales_margin: [],
    cac: [],
    payback_months: [],
    active_customers: [],
    repeat_rate: [],
    churn: [],
  };

  // Gross profit: each deal × its own margin, else the team's margin for the deal's month.
  let marginMissing = false;
  const grossProfit = (from: number, to: number): number => {
    let gp = 0;
    for (const d of ctx.deals) {
      if (!mine(d.userId) || !inRange(d.occurredAt, from, to)) continue;
      const pct = d.marginPct ?? inputFor(ctx.inputs, "margin", monthAt(d.occurredAt, ctx.tz));
      if (pct === null) marginMissing = true;
      else gp += (d.amountMinor * pct) / 100;
    }
    return gp;
  };

  let revenue = 0;
  let teamRevenue = 0;
  for (const d of ctx.deals) {
    if (!inRange(d.occurredAt, period.from, period.to)) continue;
    teamRevenue += d.amountMinor;
    if (mine(d.userId)) revenue += d.amountMinor;
  }
  const gp = grossProfit(period.from, period.to);
  const periodMarginMissing = marginMissing;

  // Sales costs: the people's own costs plus the overhead shared by revenue (the whole
  // overhead for the team). An unset overhead is none; an unset manager's costs are missing.
  const costMissing: MissingInput[] = [];
  let costs = 0;
  const costPeople = subject === null ? ctx.costUserIds : [...subject];
  for (const id of costPeople) {
    const v = moneyOver(ctx.inputs, "costs", period, id);
    if (v === null) costMissing.push({ kind: "costs", userId: id });
    else costs += v;
  }
  const overhead = moneyOver(ctx.inputs, "overhead", period) ?? 0;
  costs += subject === null ? overhead : teamRevenue > 0 ? (overhead * revenue) / teamRevenue : 0;
  if (costPeople.length === 0) costMissing.push({ kind: "costs", userId: null });

  const market = moneyOver(ctx.inputs, "market", period);
  const marketShare = market === null ? null : market > 0 ? (revenue / market) * 100 : null;
  if (market === null) missing.market_share.push({ kind: "market", userId: null });

  const salesMargin = periodMarginMissing || costMissing.length > 0 || revenue === 0 ? null : ((gp - costs) / revenue) * 100;
  if (periodMarginMissing) missing.sales_margin.push({ kind: "margin", userId: null });
  missing.sales_margin.push(...costMissing);

  const customers = customersOf(ctx.deals);
  const owned = customers.filter((c) => mine(c.ownerId));
  const newCustomers = owned.filter((c) => inRange(c.dealTimes[0]!, period.from, period.to)).length;
  const cac = costMissing.length > 0 || newCustomers === 0 ? null : costs / newCustomers;
  missing.cac.push(...costMissing);

  const activeNow = owned.filter((c) => isActiveAt(c, end, ctx.activeDays));
  const known = owned.filter((c) => c.dealTimes[0]! < end);
  const repeaters = known.filter((c) => c.dealTimes.filter((t) => t < end).length >= 2);
  const activeBefore = owned.filter((c) => isActiveAt(c, period.from, ctx.activeDays));
  const churned = activeBefore.filter((c) => !isActiveAt(c, end, ctx.activeDays));

  // Payback: CAC ÷ the average monthly gross profit per active customer over the
  // three full months before the month the period's end falls in (a period ending
  // at midnight on 1 December counts September–November).
  const endMonth = monthAt(end, ctx.tz);
  const windowFrom = zonedMidnight(`${addMonths(endMonth, -3)}-01`, ctx.tz);
  const windowTo = zonedMidnight(`${endMonth}-01`, ctx.tz);
  marginMissing = false;
  const gp3 = grossProfit(windowFrom, windowTo);
  const perCustomerMonthly = activeNow.length > 0 ? gp3 / 3 / activeNow.length : 0;
  const payback = cac === null || marginMissing || perCustomerMonthly <= 0 ? null : cac / perCustomerMonthly;
  missing.payback_months.push(...costMissing);
  if (marginMissing) missing.payback_months.push({ kind: "margin", userId: null });

  return {
    values: {
      market_share: marketShare,
      sales_margin: salesMargin,
      // Money stays whole kopecks.
      cac: cac === null ? null : Math.round(cac),
      payback_months: payback,
      active_customers: activeNow.length,
      repeat_rate: known.length === 0 ? null : (repeaters.length / known.length) * 100,
      churn: activeBefore.length === 0 ? null : (churned.length / activeBefore.length) * 100,
    },
    missing,
  };
}

/** The inputs any of the metrics still need, each once. */
export function allMissing(result: BusinessResult): MissingInput[] {
  const seen = new Set<string>();
  const out: MissingInput[] = [];
  for (const list of Object.values(result.missing)) {
    for (const m of list) {
      const k = `${m.kind}:${m.userId ?? ""}`;
      if (!seen.has(k)) {
        seen.add(k);
        out.push(m);
      }
    }
  }
  return out;
}
