import type { KpiValues } from "../../domain/kpi.js";
import type { Locale } from "../../domain/locales.js";
import type { MetricKey } from "../../domain/metrics.js";
import { rankBy } from "../../domain/ranking.js";
import { type Audience, metricsFor } from "../../domain/trust-policy.js";
import type { TeamSnapshot } from "../../services/team-snapshot.js";
import { type Doc, doc, table } from "../document/model.js";
import { formatMetricNarrow } from "../format/metric-value.js";
import { periodLabel } from "../format/period-label.js";
import { escapeHtml } from "../html.js";
import { messages } from "../i18n/index.js";
import { head } from "./metric-head.js";
import { firstName } from "./report-view.js";
import { cut } from "./table.js";

/** A manager's column title: the first name, at most this long. */
const NAME_CHARS = 7;

/**
 * The catalogue's comparison table as a table model: metrics as rows (each unit in its
 * row label), one column per manager, then the average manager and the team's own
 * figure; with `sortBy`, managers are ordered best first by it.
 */
export function comparisonDoc(
  title: string,
  snap: TeamSnapshot,
  average: KpiValues,
  sortBy: MetricKey | null,
  locale: Locale,
  audience: Audience,
  footer?: string | null,
): Doc {
  const t = messages[locale];
  const people = sortBy ? rankBy(snap.people, sortBy, (p) => snap.byUser.get(p.user.id)![sortBy]).map((r) => r.item) : snap.people;
  const parts = [
    `⚖️ <b>${escapeHtml(title)}</b> · ${escapeHtml(periodLabel(snap.period, locale))}${sortBy ? ` · ↓ ${head(sortBy, locale)}` : ""}`,
  ];
  if (people.length === 0) return doc(`${parts[0]}\n${t.reports.funnelEmpty}`);
  const columns = [
    { title: "", align: "left" as const },
    ...people.map((p) => ({ title: cut(firstName(p.user.firstName), NAME_CHARS) })),
    { title: t.reports.avg },
    { title: t.reports.teamColumn },
  ];
  // Metrics are rows here, each in its own unit: the cells keep theirs ("916 тыс.", "25%").
  const rows = metricsFor("compare", audience).map((m) => [
    head(m, locale),
    ...people.map((p) => formatMetricNarrow(m, snap.byUser.get(p.user.id)![m], locale)),
    formatMetricNarrow(m, average[m], locale),
    formatMetricNarrow(m, snap.total[m], locale),
  ]);
  return doc(parts[0], table(columns, rows, { lead: 1, tail: 2 }), footer);
}
