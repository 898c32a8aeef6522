import type { Locale } from "../../config.js";
import type { Member } from "../../db/repositories/users.js";
import type { MetricKey } from "../../domain/metrics.js";
import type { Ranked } from "../../domain/ranking.js";
import { formatMetricValue } from "../format/metric-value.js";
import { escapeHtml, fitHtml } from "../html.js";

const MEDALS = ["🥇", "🥈", "🥉"];

/** "🥇 1. Иван — 5" lines; people who share a value share the place and the medal. */
export function rankingLines(ranked: Ranked<Member>[], metric: MetricKey, locale: Locale, limit = 30): string[] {
  return ranked.slice(0, limit).map((r) => {
    const badge = r.place === null ? "▫️" : (MEDALS[r.place - 1] ?? "▫️");
    const place = r.place === null ? "—" : `${r.place}.`;
    return `${badge} ${place} ${escapeHtml(r.item.user.firstName)} — ${escapeHtml(formatMetricValue(metric, r.value, locale))}`;
  });
}

export function rankingHtml(
  title: string,
  ranked: Ranked<Member>[],
  metric: MetricKey,
  locale: Locale,
  empty: string,
  footer?: string | null,
): string {
  const lines = ranked.some((r) => r.value !== null) ? rankingLines(ranked, metric, locale) : [empty];
  if (footer) lines.push(footer);
  return fitHtml(`${title}\n${lines.join("\n")}`);
}
