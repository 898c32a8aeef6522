import type { FairRanking, ImprovementScore, PlanScore } from "../../domain/fair-ranking.js";
import type { Locale } from "../../domain/locales.js";
import { METRICS, type MetricKey } from "../../domain/metrics.js";
import type { Ranked } from "../../domain/ranking.js";
import { type Doc, type DocBlock, doc, table } from "../document/model.js";
import { docToHtml } from "../document/render.js";
import { formatMetricValue } from "../format/metric-value.js";
import { formatNumber, formatPercent } from "../format/number.js";
import { escapeHtml } from "../html.js";
import { messages } from "../i18n/index.js";
import { metricShort } from "../i18n/metric-words.js";
import { metricCell, metricUnit } from "./metric-columns.js";
import { rankingLines, rankingTable } from "./ranking-view.js";
import type { PersonVM } from "./view-models.js";

const MEDALS = ["🥇", "🥈", "🥉"];

export type FairMode =
  | { mode: "fair"; board: FairRanking<PersonVM, PlanScore> }
  | { mode: "improved"; board: FairRanking<PersonVM, ImprovementScore> };

/** A ranking's parts: the ranked people and, for a fair one, who is listed apart. */
export type AnyBoard = { mode: "plain"; ranked: Ranked<PersonVM>[] } | FairMode;

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
  const name = (m: PersonVM) => escapeHtml(m.user.firstName);
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
export function fairRankingHtml(...args: Parameters<typeof fairRankingDoc>): string {
  return docToHtml(fairRankingDoc(...args));
}

/** A board as a table (the classic lines as its fallback), or its "nobody" line. */
function boardBlock(board: AnyBoard, metric: MetricKey, locale: Locale, empty: string): DocBlock | string {
  const classic = lines(board, metric, locale, empty);
  if (board.mode === "plain") return board.ranked.some((r) => r.value !== null) ? rankingTable(board.ranked, metric, locale) : empty;
  if (board.board.ranked.length + board.board.apart.length === 0) return empty;
  const m = messages[locale];
  const cell = (v: number | null) => metricCell(metric, v, locale);
  const rows: string[][] = [];
  if (board.mode === "fair")
    for (const r of board.board.ranked)
      rows.push([
        place(r),
        r.item.item.user.firstName,
        r.item.score.pct === null ? "—" : formatNumber(r.item.score.pct, locale, 0),
        m.table.ofPlan(cell(r.item.score.actual), cell(r.item.score.target)),
      ]);
  else
    for (const r of board.board.ranked)
      rows.push([
        place(r),
        r.item.item.user.firstName,
        r.item.score.pct === null ? "—" : formatNumber(r.item.score.pct, locale, 0),
        `${cell(r.item.score.current)} / ${cell(r.item.score.baseline)}`,
      ]);
  for (const a of board.board.apart) rows.push(["▫️", a.item.user.firstName, "", cell(a.actual)]);
  const unit = metricUnit(metric, locale);
  const detail = `${metricShort(metric, locale)}${unit ? `, ${unit}` : ""}`;
  return table([{ title: "#", align: "left" }, { title: m.table.who, align: "left" }, { title: "%" }, { title: detail }], rows, {
    lines: classic.join("\n"),
  });
}

/** `/top` in any mode as a table model (see fairRankingHtml). */
export function fairRankingDoc(title: string, main: AnyBoard, rookies: AnyBoard | null, metric: MetricKey, locale: Locale): Doc {
  const t = messages[locale];
  const blocks: (DocBlock | string)[] = [title, boardBlock(main, metric, locale, t.posts.nobody)];
  if (rookies) {
    const empty = rookies.mode === "plain" ? rookies.ranked.length === 0 : rookies.board.ranked.length + rookies.board.apart.length === 0;
    blocks.push(`\n${t.league.rookies}`, empty ? t.league.noRookies : boardBlock(rookies, metric, locale, t.posts.nobody));
  }
  return doc(...blocks);
}
