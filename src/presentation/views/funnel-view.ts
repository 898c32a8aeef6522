import type { Funnel } from "../../domain/funnel.js";
import type { Locale } from "../../domain/locales.js";
import type { Period } from "../../domain/types.js";
import { formatPercent } from "../format/number.js";
import { periodLabel } from "../format/period-label.js";
import { escapeHtml, fitHtml, pre } from "../html.js";
import { messages } from "../i18n/index.js";
import { renderTable } from "./table.js";

/** Per stage: leads that reached it, conversion from the previous stage, losses; then reasons and the leakiest stage. */
export function renderFunnel(title: string, funnel: Funnel, period: Period, locale: Locale): string {
  const t = messages[locale];
  const r = t.reports;
  const head = `🔻 <b>${escapeHtml(title)}</b> · ${escapeHtml(periodLabel(period, locale))}`;
  if (funnel.cohort === 0) return `${head}\n${r.funnelEmpty}`;
  const rows = funnel.steps.map((s) => [
    t.stage[s.stage],
    String(s.reached),
    s.conversion === null ? "" : formatPercent(s.conversion, locale),
    s.stage === "won" ? "" : String(s.lost),
  ]);
  const table = renderTable(
    [{ title: r.stageCol, align: "left", max: 13 }, { title: r.reachedCol }, { title: r.convCol }, { title: r.lostCol }],
    rows,
  );
  const parts = [head, pre(table)];
  const reasons = funnel.steps
    .filter((s) => s.lost > 0)
    .map((s) => `• ${t.stage[s.stage]}: ${s.topReasons.map((x) => `${escapeHtml(x.reason ?? r.noReason)} (${x.count})`).join(", ")}`);
  if (reasons.length > 0) parts.push(`<b>${r.reasons}</b>\n${reasons.join("\n")}`);
  if (funnel.worstStage) {
    const worst = funnel.steps.find((s) => s.stage === funnel.worstStage)!;
    parts.push(`⚠️ ${r.worstStage(t.stage[worst.stage], worst.lost)}`);
  }
  return fitHtml(parts.join("\n"));
}
