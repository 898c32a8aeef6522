import type { KpiValues } from "../../domain/kpi.js";
import type { Locale } from "../../domain/locales.js";
import { formatLocal } from "../../domain/time.js";
import { type Audience, metricsFor } from "../../domain/trust-policy.js";
import type { ActivityRecord } from "../../domain/types.js";
import { csvUnitSuffix, csvValue } from "../format/metric-value.js";
import { formatPlain } from "../format/number.js";
import { messages } from "../i18n/index.js";
import { metricLabel } from "../i18n/metric-words.js";
import type { PersonVM } from "./view-models.js";

// CSV for Excel in a Russian locale: UTF-8 with a BOM (or Excel guesses the
// encoding wrong), ";" between fields, "," as the decimal mark for ru.

const BOM = "\uFEFF";

/** A number as the CSV writes it: an optional minus, digits, an optional decimal comma or point. */
const PLAIN_NUMBER = /^-?\d+(?:[.,]\d+)?$/;

function field(value: string | number | null): string {
  if (value === null) return "";
  const s = String(value);
  // A leading =, +, - or @ makes Excel evaluate text as a formula; a plain number such as
  // "-25,2" is read as a number (one Excel can sum), never a formula, so it stays as is.
  const safe = /^[=+\-@]/.test(s) && !PLAIN_NUMBER.test(s) ? `'${s}` : s;
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csv(rows: (string | number | null)[][]): string {
  return BOM + rows.map((r) => r.map(field).join(";")).join("\r\n") + "\r\n";
}

/** One row per entry, oldest first, times in the team's zone. */
export function activitiesCsv(activities: ActivityRecord[], people: Map<number, string>, tz: string, locale: Locale): string {
  const t = messages[locale];
  const c = t.csv;
  const header = [c.time, c.manager, c.kind, c.outcome, c.client, c.amount, c.lostReason];
  const rows = [...activities]
    .sort((a, b) => a.occurredAt - b.occurredAt || a.id - b.id)
    .map((a) => [
      formatLocal(a.occurredAt, tz, "DD.MM.YYYY HH:mm"),
      people.get(a.userId) ?? String(a.userId),
      t.kindName[a.kind],
      a.outcome ? t.outcome[a.outcome] : null,
      a.clientName,
      a.amountMinor === null ? null : formatPlain(a.amountMinor / 100, locale, 2),
      a.lostReason,
    ]);
  return csv([header, ...rows]);
}

/** The summary's last column: each person's bonus over the months the export touches, in kopecks. */
export interface BonusColumn {
  /** "11.2026" or "11.2026–12.2026". */
  months: string;
  byUser: ReadonlyMap<number, number>;
  totalMinor: number;
}

const rubles = (minor: number, locale: Locale) => formatPlain(minor / 100, locale, 2);

/** One row per manager plus the team total; money in rubles, times in hours; the bonus last when given. */
export function summaryCsv(
  people: PersonVM[],
  byUser: Map<number, KpiValues>,
  total: KpiValues,
  locale: Locale,
  audience: Audience,
  bonus?: BonusColumn,
): string {
  // The columns this file\'s readers may see (a file in the group is read by all).
  const SUMMARY = metricsFor("export", audience);
  const c = messages[locale].csv;
  const header = [c.manager, ...SUMMARY.map((m) => metricLabel(m, locale) + csvUnitSuffix(m, locale))];
  if (bonus) header.push(c.bonus(bonus.months));
  const rows = people.map((p) => [
    p.user.firstName + (p.user.lastName ? ` ${p.user.lastName}` : ""),
    ...SUMMARY.map((m) => csvValue(m, byUser.get(p.user.id)![m], locale)),
    ...(bonus ? [rubles(bonus.byUser.get(p.user.id) ?? 0, locale)] : []),
  ]);
  rows.push([c.total, ...SUMMARY.map((m) => csvValue(m, total[m], locale)), ...(bonus ? [rubles(bonus.totalMinor, locale)] : [])]);
  return csv([header, ...rows]);
}
