import type { Locale } from "../../config.js";
import type { Member } from "../../db/repositories/users.js";
import type { FairRanking, ImprovementScore, PlanScore } from "../../domain/fair-ranking.js";
import { METRICS, type MetricKey } from "../../domain/metrics.js";
import type { Ranked } from "../../domain/ranking.js";
import { formatMetricValue } from "../format/metric-value.js";
import { formatNumber, formatPercent } from "../format/number.js";
import { escapeHtml, fitHtml } from "../html.js";
import { messages } from "../i18n/index.js";
import { rankingLines } from "./ranking-view.js";

const MEDALS = ["🥇", "🥈", "🥉"];

export type FairMode =
  | { mode: "fair"; board: FairRanking<Member, PlanScore> }
  | { mode: "improved"; board: FairRanking<Member, ImprovementScore> };

/** A ranking's parts: the ranked people and, for a fair one, who is listed apart. */
export type AnyBoard = { mode: "plain"; ranked: Ranked<Member>[] } | FairMode;

function place(r: { place: number | null }): string {
  const badge = r.place === null ? "▫️" : (MEDALS[r.place - 1] ?? "▫️");
  return `${badge} ${r.place === null ? "—" : `${r.place}.`}`;
}

const pct = (v: number | null, locale: Locale) => (v === null ? "—" : formatPercent(v, locale));

function lines(board: AnyBoard, metric: MetricKey, locale: Locale, empty: string): string[] {
  const t = messages[locale].league;
  const value = (v: number | null) => escapeHtml(formatMetricValue(metric, v, locale));
  // A count target scaled to a short period is fractional (a month's 4 deals over one day: 0,19).
  const target = (v: number) =>
    METRICS[metric].unit === "count" && !Number.isInteger(v) ? formatNumber(v, locale, v < 1 ? 2 : 1) : value(v);
  if (board.mode === "plain") return board.ranked.some((r) => r.value !== null) ? rankingLines(board.ranked, metric, locale) : [empty];
  const name = (m: Member) => escapeHtml(m.user.firstName);
  const out: string[] =
    board.mode === "fair"
      ? board.board.ranked.map(
          (r) =>
            `${place(r)} ${name(r.item.item)} — ${t.fairLine(pct(r.item.score.pct, locale), value(r.item.score.actual), target(r.item.score.target))}`,
        )
      : board.board.ranked.map(
          (r) =>
            `${place(r)} ${name(r.item.item)} — ${t.improvedLine(pct(r.item.score.pct, locale), value(r.item.score.current), value(r.item.score.baseline))}`,
        );
  if (out.length === 0 && board.board.apart.length === 0) return [empty];
  if (board.board.apart.length > 0) {
    out.push("", board.mode === "fair" ? t.noPlan : t.lessHistory);
    for (const a of board.board.apart) out.push(`▫️ ${name(a.item)} — ${value(a.actual)}`);
  }
  return out;
}

/**
 * `/top` in any mode: the title, the ranking (fair ones with the people listed
 * apart), then — when rookies were asked for — the rookies' own ranking.
 */
export function fairRankingHtml(title: string, main: AnyBoard, rookies: AnyBoard | null, metric: MetricKey, locale: Locale): string {
  const t = messages[locale];
  const parts = [title, ...lines(main, metric, locale, t.posts.nobody)];
  if (rookies) {
    const empty = rookies.mode === "plain" ? rookies.ranked.length === 0 : rookies.board.ranked.length + rookies.board.apart.length === 0;
    parts.push("", t.league.rookies, ...(empty ? [t.league.noRookies] : lines(rookies, metric, locale, t.posts.nobody)));
  }
  return fitHtml(parts.join("\n"));
}
