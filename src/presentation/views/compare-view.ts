import type { Locale } from "../../config.js";
import type { KpiValues } from "../../domain/kpi.js";
import { type MetricKey, metricsOn } from "../../domain/metrics.js";
import { periodLabel } from "../../domain/periods.js";
import { rankBy } from "../../domain/ranking.js";
import type { TeamSnapshot } from "../../services/team-snapshot.js";
import { escapeHtml, fitHtml, pre } from "../html.js";
import { messages } from "../i18n/index.js";
import { cell, head } from "./cells.js";
import { firstName } from "./report-view.js";
import { renderTable } from "./table.js";

/** Manager columns per table: label + 3 people + average fit a phone in portrait. */
const PEOPLE_PER_TABLE = 3;

/**
 * The article's comparison table: metrics as rows, one column per manager and a
 * team-average column; with `sortBy`, managers are ordered best first by it.
 */
export function renderComparison(title: string, snap: TeamSnapshot, average: KpiValues, sortBy: MetricKey | null, locale: Locale): string {
  const t = messages[locale];
  const people = sortBy ? rankBy(snap.people, sortBy, (p) => snap.byUser.get(p.user.id)![sortBy]).map((r) => r.item) : snap.people;
  const parts = [
    `⚖️ <b>${escapeHtml(title)}</b> · ${escapeHtml(periodLabel(snap.period, locale))}${sortBy ? ` · ↓ ${head(sortBy, locale)}` : ""}`,
  ];
  if (people.length === 0) return `${parts[0]}\n${t.reports.funnelEmpty}`;
  for (let i = 0; i < people.length; i += PEOPLE_PER_TABLE) {
    const group = people.slice(i, i + PEOPLE_PER_TABLE);
    const columns = [
      { title: "", align: "left" as const },
      ...group.map((p) => ({ title: firstName(p.user.firstName), max: 7 })),
      { title: t.reports.avg },
    ];
    const rows = metricsOn("compare").map((m) => [
      head(m, locale),
      ...group.map((p) => cell(m, snap.byUser.get(p.user.id)![m], locale)),
      cell(m, average[m], locale),
    ]);
    parts.push(pre(renderTable(columns, rows)));
  }
  return fitHtml(parts.join("\n"));
}
