import type { Locale } from "../../domain/locales.js";
import type { MetricKey } from "../../domain/metrics.js";
import type { Ranked } from "../../domain/ranking.js";
import { type Doc, type DocTable, doc, table } from "../document/model.js";
import { docToHtml } from "../document/render.js";
import { formatMetricValue } from "../format/metric-value.js";
import { escapeHtml } from "../html.js";
import { messages } from "../i18n/index.js";
import { metricCell, metricColumn } from "./metric-columns.js";
import type { PersonVM } from "./view-models.js";

const MEDALS = ["🥇", "🥈", "🥉"];

/** "🥇 1. Иван — 5" lines; people who share a value share the place and the medal. */
export function rankingLines(ranked: Ranked<PersonVM>[], metric: MetricKey, locale: Locale, limit = 30): string[] {
  return ranked.slice(0, limit).map((r) => {
    const badge = r.place === null ? "▫️" : (MEDALS[r.place - 1] ?? "▫️");
    const place = r.place === null ? "—" : `${r.place}.`;
    return `${badge} ${place} ${escapeHtml(r.item.user.firstName)} — ${escapeHtml(formatMetricValue(metric, r.value, locale))}`;
  });
}

/** A ranking as a table model (place, name, value with the unit in the header); its fallback is the medal lines. */
export function rankingTable(ranked: Ranked<PersonVM>[], metric: MetricKey, locale: Locale, limit = 30): DocTable {
  const t = messages[locale].table;
  const rows = ranked.slice(0, limit).map((r) => {
    const badge = r.place === null ? "▫️" : (MEDALS[r.place - 1] ?? "▫️");
    return [`${badge} ${r.place === null ? "—" : r.place}`, r.item.user.firstName, metricCell(metric, r.value, locale)];
  });
  return table([{ title: "#", align: "left" }, { title: t.who, align: "left" }, metricColumn(metric, locale)], rows, {
    lines: rankingLines(ranked, metric, locale, limit).join("\n"),
  });
}

export function rankingHtml(...args: Parameters<typeof rankingDoc>): string {
  return docToHtml(rankingDoc(...args));
}

export function rankingDoc(
  title: string,
  ranked: Ranked<PersonVM>[],
  metric: MetricKey,
  locale: Locale,
  empty: string,
  footer?: string | null,
): Doc {
  return doc(title, ranked.some((r) => r.value !== null) ? rankingTable(ranked, metric, locale) : empty, footer);
}
