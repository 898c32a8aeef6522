// The TV page's JSON: everything formatted for a screen across the office, every
// figure through the trust policy for the page's audience (anyone holding the link):
// a metric it withholds is left out, user ids only where it allows them, and no
// client names (deals show who and how much).

import { contestPhase } from "../../domain/contests.js";
import type { Locale } from "../../domain/locales.js";
import { METRICS, type MetricKey } from "../../domain/metrics.js";
import type { Ranked } from "../../domain/ranking.js";
import { type Audience, mayShowField, mayShowMetric } from "../../domain/trust-policy.js";
import type { ContestStandings, StandingLine } from "../../services/contests.js";
import type { PlanStanding } from "../../services/scorecard.js";
import type { TvBoard, TvPlans } from "../../services/tv-board.js";
import { formatDuration } from "../format/duration.js";
import { formatMetricValue } from "../format/metric-value.js";
import { periodLabel } from "../format/period-label.js";
import { messages } from "../i18n/index.js";
import { metricLabel } from "../i18n/metric-words.js";
import { contestDates } from "./contest-view.js";
import type { PersonVM } from "./view-models.js";

/** Rows that fit the screen at the page's type size; the rest are counted. */
const ROWS = { leaderboard: 10, plans: 10, contest: 5, dealsWithContest: 5, deals: 12 } as const;
/** Longer names are cut (a Telegram first name may be 64 characters). */
const NAME_MAX = 18;

export function tvName(name: string): string {
  const chars = Array.from(name.trim());
  return chars.length > NAME_MAX ? `${chars.slice(0, NAME_MAX - 1).join("")}…` : chars.join("");
}

const fmt = (key: MetricKey, v: number | null, locale: Locale) => formatMetricValue(key, v, locale, { compact: true });

function capped<T>(rows: T[], max: number, locale: Locale): { rows: T[]; more: string | null } {
  return { rows: rows.slice(0, max), more: rows.length > max ? messages[locale].miniapp.tv.more(rows.length - max) : null };
}

/** The month's ranking with today's figure beside each name: one table. */
function leaderboard(b: TvBoard, locale: Locale, audience: Audience) {
  if (!mayShowMetric(b.metric, audience)) return null;
  const t = messages[locale].miniapp.tv;
  const ids = mayShowField("user_ids", audience);
  const today = new Map(b.today.map((r) => [r.item.user.id, r.value]));
  const row = (r: Ranked<PersonVM>) => ({
    place: r.place,
    ...(ids ? { userId: r.item.user.id } : {}),
    name: tvName(r.item.user.firstName),
    month: fmt(b.metric, r.value, locale),
    today: fmt(b.metric, today.get(r.item.user.id) ?? null, locale),
  });
  return {
    title: t.ranking(metricLabel(b.metric, locale)),
    month: t.month,
    today: t.today,
    ...capped(b.month.map(row), ROWS.leaderboard, locale),
  };
}

function bar(s: PlanStanding, locale: Locale) {
  const key = s.plan.metric;
  return {
    text: `${fmt(key, s.actual, locale)} / ${fmt(key, s.plan.value, locale)}`,
    pct: Math.round(Math.max(0, s.progress.pct ?? 0)),
    status: s.progress.status,
    // Where a cumulative figure should be by now: the share of the period's workdays gone.
    due: METRICS[key].summable && s.share < 1 ? Math.round(s.share * 100) : null,
  };
}

function plans(p: TvPlans | null, locale: Locale, audience: Audience) {
  if (!p || !mayShowMetric(p.metric, audience)) return null;
  const t = messages[locale].miniapp.tv;
  const period = p.team?.period ?? p.people[0]?.standing.period;
  return {
    title: t.plan(metricLabel(p.metric, locale), period ? periodLabel(period, locale) : ""),
    team: p.team ? { name: t.team, ...bar(p.team, locale) } : null,
    ...capped(
      p.people.map(({ member, standing }) => ({ name: tvName(member.user.firstName), ...bar(standing, locale) })),
      ROWS.plans,
      locale,
    ),
  };
}

function deals(b: TvBoard, locale: Locale, audience: Audience) {
  if (!mayShowMetric("deals", audience)) return null;
  const t = messages[locale].miniapp.tv;
  const amounts = mayShowMetric("revenue", audience);
  const time = new Intl.DateTimeFormat(locale === "ru" ? "ru-RU" : "en-GB", {
    timeZone: b.team.timezone,
    hour: "2-digit",
    minute: "2-digit",
  });
  const sum = b.deals.reduce((s, d) => s + (d.amountMinor ?? 0), 0);
  return {
    title: t.deals,
    total: b.deals.length ? t.dealsTotal(b.deals.length, amounts ? fmt("revenue", sum, locale) : null) : t.noDeals,
    ...capped(
      b.deals.map((d) => ({
        time: time.format(d.occurredAt),
        name: tvName(d.name),
        text: amounts && d.amountMinor !== null ? fmt("revenue", d.amountMinor, locale) : "",
      })),
      b.contest ? ROWS.dealsWithContest : ROWS.deals,
      locale,
    ),
  };
}

function contest(s: ContestStandings | null, now: number, locale: Locale, audience: Audience) {
  if (!s || !mayShowMetric(s.metric, audience)) return null;
  const phase = contestPhase(now, s.contest.startAt, s.contest.endAt);
  const left = phase.phase === "running" ? formatDuration(phase.ms, locale) : null;
  const lines: StandingLine[] = s.contest.kind === "squads" ? s.squads : s.rows;
  return {
    title: s.contest.name,
    when: messages[locale].miniapp.tv.contest(metricLabel(s.metric, locale), contestDates(s.contest), left),
    ...capped(
      lines.map((l) => ({ place: l.place, name: `${tvName(l.name)}${l.former ? " †" : ""}`, text: fmt(s.metric, l.value, locale) })),
      ROWS.contest,
      locale,
    ),
  };
}

export function tvJson(b: TvBoard, audience: Audience) {
  const locale = b.team.locale;
  const t = messages[locale].miniapp.tv;
  const time = new Intl.DateTimeFormat(locale === "ru" ? "ru-RU" : "en-GB", {
    timeZone: b.team.timezone,
    hour: "2-digit",
    minute: "2-digit",
  });
  return {
    locale,
    team: b.team.name,
    updated: messages[locale].miniapp.page.updated(time.format(b.now)),
    strings: { nobody: t.nobody, newDeal: t.newDeal },
    leaderboard: leaderboard(b, locale, audience),
    plans: plans(b.plans, locale, audience),
    deals: deals(b, locale, audience),
    contest: contest(b.contest, b.now, locale, audience),
  };
}
