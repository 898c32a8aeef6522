import type { Locale } from "../config.js";
import type { Member } from "../db/repositories/users.js";
import type { KpiValues } from "../domain/kpi.js";
import { METRICS, type MetricKey, metricsOn } from "../domain/metrics.js";
import { formatLocal } from "../domain/time.js";
import type { ActivityRecord } from "../domain/types.js";
import { messages } from "../presentation/i18n/index.js";
import { metricLabel } from "../presentation/i18n/metric-words.js";

// CSV for Excel in a Russian locale: UTF-8 with a BOM (or Excel guesses the
// encoding wrong), ";" between fields, "," as the decimal mark for ru.

const BOM = "\uFEFF";

function field(value: string | number | null): string {
  if (value === null) return "";
  const s = String(value);
  // A leading =, +, - or @ makes Excel evaluate the cell as a formula.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csv(rows: (string | number | null)[][]): string {
  return BOM + rows.map((r) => r.map(field).join(";")).join("\r\n") + "\r\n";
}

function decimal(n: number, locale: Locale, digits: number): string {
  const s = n.toFixed(digits);
  return locale === "ru" ? s.replace(".", ",") : s;
}

/** One row per entry, oldest first, times in the team's zone. */
export function activitiesCsv(activities: ActivityRecord[], people: Map<number, string>, tz: string, locale: Locale): string {
  const t = messages[locale];
  const ru = locale === "ru";
  const header = ru
    ? ["Дата и время", "Менеджер", "Тип", "Результат", "Клиент", "Сумма, ₽", "Причина отказа"]
    : ["Date and time", "Manager", "Kind", "Outcome", "Client", "Amount, RUB", "Loss reason"];
  const rows = [...activities]
    .sort((a, b) => a.occurredAt - b.occurredAt || a.id - b.id)
    .map((a) => [
      formatLocal(a.occurredAt, tz, "DD.MM.YYYY HH:mm"),
      people.get(a.userId) ?? String(a.userId),
      t.kindName[a.kind],
      a.outcome ? t.outcome[a.outcome] : null,
      a.clientName,
      a.amountMinor === null ? null : decimal(a.amountMinor / 100, locale, 2),
      a.lostReason,
    ]);
  return csv([header, ...rows]);
}

const SUMMARY = metricsOn("export");

function plainValue(metric: MetricKey, v: number | null, locale: Locale): string | null {
  if (v === null) return null;
  switch (METRICS[metric].unit) {
    case "money":
      return decimal(v / 100, locale, 2);
    case "duration":
      return decimal(v / 3_600_000, locale, 1);
    case "percent":
      return decimal(v, locale, 1);
    case "count":
      return String(v);
  }
}

/** One row per manager plus the team total; money in rubles, times in hours. */
export function summaryCsv(people: Member[], byUser: Map<number, KpiValues>, total: KpiValues, locale: Locale): string {
  const ru = locale === "ru";
  const unit = (m: MetricKey) => ({ money: ", ₽", duration: ru ? ", ч" : ", h", percent: ", %", count: "" })[METRICS[m].unit];
  const header = [ru ? "Менеджер" : "Manager", ...SUMMARY.map((m) => metricLabel(m, locale) + unit(m))];
  const rows = people.map((p) => [
    p.user.firstName + (p.user.lastName ? ` ${p.user.lastName}` : ""),
    ...SUMMARY.map((m) => plainValue(m, byUser.get(p.user.id)![m], locale)),
  ]);
  rows.push([ru ? "Итого" : "Total", ...SUMMARY.map((m) => plainValue(m, total[m], locale))]);
  return csv([header, ...rows]);
}
