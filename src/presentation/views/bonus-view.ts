// Bonus rules and a month's bonuses: a manager's own accrual rule by rule, and the
// head's phone-width table (a column per rule, then the total) with its legend.

import type { BonusParams, BonusPart, BonusResult, BonusRule } from "../../domain/bonus.js";
import type { Locale } from "../../domain/locales.js";
import type { Period } from "../../domain/types.js";
import { formatMetricValue } from "../format/metric-value.js";
import { formatMoney, formatMoneyNarrow } from "../format/money.js";
import { formatPercent } from "../format/number.js";
import { periodLabel } from "../format/period-label.js";
import { escapeHtml, fitHtml, pre } from "../html.js";
import { messages } from "../i18n/index.js";
import { metricLabel } from "../i18n/metric-words.js";
import { firstName } from "./report-view.js";
import { renderTables } from "./table.js";
import type { MemberVM } from "./view-models.js";

const money = (minor: number, locale: Locale) => formatMoney(minor, locale, { compact: true });
const percent = (bp: number, locale: Locale) => formatPercent(bp / 100, locale, 2);

/** A rule in words: "5% выручки сверх плана по выручке", "10 тыс. ₽ за сделку от 300 тыс. ₽". */
export function describeBonusRule(rule: BonusParams, locale: Locale): string {
  const w = messages[locale].bonus.rule;
  switch (rule.kind) {
    case "over_plan":
      return w.overPlan(percent(rule.percentBp, locale));
    case "big_deal":
      return w.bigDeal(money(rule.thresholdMinor, locale), money(rule.amountMinor, locale));
    case "plan_hit":
      return w.planHit(metricLabel(rule.metric, locale), money(rule.amountMinor, locale));
  }
}

/** The numbered list of rules in force (the ✖ buttons carry the same numbers). */
export function renderBonusRules(rules: readonly BonusRule[], locale: Locale): string {
  const w = messages[locale].bonus;
  const lines = rules.map((r, i) => `${i + 1}. ${escapeHtml(describeBonusRule(r, locale))}`);
  return fitHtml([w.rulesTitle, lines.length > 0 ? lines.join("\n") : w.noRules, "", w.addHint].join("\n"));
}

/** One rule's contribution in words, e.g. "сделка ≥ 300 тыс. ₽ × 2 = 20 тыс. ₽". */
export function describeBonusPart(part: BonusPart, locale: Locale): string {
  const w = messages[locale].bonus.part;
  switch (part.kind) {
    case "over_plan": {
      const pct = percent(part.rule.percentBp, locale);
      if (part.target === null) return w.overPlanNoPlan(pct);
      if (part.excess <= 0) return w.overPlanBelow(pct, money(part.revenue, locale), money(part.target, locale));
      return w.overPlan(pct, money(part.revenue, locale), money(part.target, locale), money(part.amountMinor, locale));
    }
    case "big_deal":
      return w.bigDeal(money(part.rule.thresholdMinor, locale), part.count, money(part.amountMinor, locale));
    case "plan_hit": {
      const label = metricLabel(part.metric, locale);
      if (part.target === null) return w.planNoPlan(label);
      const actual = formatMetricValue(part.metric, part.actual, locale, { compact: true });
      const target = formatMetricValue(part.metric, part.target, locale, { compact: true });
      return part.hit ? w.planHit(label, actual, target, money(part.amountMinor, locale)) : w.planMissed(label, actual, target);
    }
  }
}

/** A period is still running when `now` is before its end. */
const ongoing = (period: Period, now: number) => now < period.to;

/** A manager's own bonus for a month, rule by rule. */
export function renderPersonBonus(result: BonusResult, period: Period, now: number, locale: Locale): string {
  const w = messages[locale].bonus;
  const lines = [w.personTitle(escapeHtml(periodLabel(period, locale)))];
  if (result.parts.length === 0) return [...lines, w.noRulesMonth].join("\n");
  for (const part of result.parts) lines.push(`• ${escapeHtml(describeBonusPart(part, locale))}`);
  lines.push(w.total(escapeHtml(money(result.totalMinor, locale))));
  if (ongoing(period, now)) lines.push(`<i>${w.soFar}</i>`);
  return fitHtml(lines.join("\n"));
}

export interface TeamBonusView {
  period: Period;
  rules: readonly BonusRule[];
  people: readonly MemberVM[];
  byUser: ReadonlyMap<number, BonusResult>;
  totalMinor: number;
}

/** The team's month: a row per person, a column per rule ("#1", "#2", …) and the total, then the legend. */
export function renderTeamBonus(view: TeamBonusView, now: number, locale: Locale): string {
  const t = messages[locale];
  const w = t.bonus;
  const lines = [w.teamTitle(escapeHtml(periodLabel(view.period, locale)))];
  if (view.rules.length === 0) return [...lines, w.noRulesMonth].join("\n");
  if (view.people.length === 0) return [...lines, w.nobody].join("\n");
  const cell = (minor: number) => (minor === 0 ? "0" : formatMoneyNarrow(minor, locale));
  const columns = [
    { title: t.table.who, align: "left" as const, max: 8 },
    ...view.rules.map((_, i) => ({ title: `#${i + 1}` })),
    { title: t.table.total },
  ];
  const rows = view.people.map((p) => {
    const r = view.byUser.get(p.user.id);
    const name = `${p.membership.active ? "" : "†"}${firstName(p.user.firstName)}`;
    return [name, ...view.rules.map((_, i) => cell(r?.parts[i]?.amountMinor ?? 0)), cell(r?.totalMinor ?? 0)];
  });
  const sums = view.rules.map((_, i) => view.people.reduce((s, p) => s + (view.byUser.get(p.user.id)?.parts[i]?.amountMinor ?? 0), 0));
  rows.push([t.table.total, ...sums.map(cell), cell(view.totalMinor)]);
  lines.push(...renderTables(columns, rows, { lead: 1, tail: 1 }).map(pre));
  lines.push(...view.rules.map((r, i) => `#${i + 1} — ${escapeHtml(describeBonusRule(r, locale))}`));
  lines.push(w.total(escapeHtml(money(view.totalMinor, locale))));
  if (ongoing(view.period, now)) lines.push(`<i>${w.soFar}</i>`);
  return fitHtml(lines.join("\n"));
}
