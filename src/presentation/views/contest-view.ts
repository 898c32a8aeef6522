import {
  CONTEST_NAME_MAX,
  CONTEST_PRIZE_MAX,
  contestPhase,
  winners as firstPlaces,
  SQUAD_NAME_MAX,
  SQUADS_MAX,
  SQUADS_MIN,
} from "../../domain/contests.js";
import type { Locale } from "../../domain/locales.js";
import type { MetricKey } from "../../domain/metrics.js";
import type { ContestError, ContestStandings, StandingLine } from "../../services/contests.js";
import { podiumChart } from "../charts/index.js";
import { type Doc, type DocTable, doc, table } from "../document/model.js";
import { docToHtml } from "../document/render.js";
import { formatDuration } from "../format/duration.js";
import { displayValue, formatMetricValue } from "../format/metric-value.js";
import { clip, escapeHtml, fitHtml, MAX_CAPTION } from "../html.js";
import { messages } from "../i18n/index.js";
import { metricLabel } from "../i18n/metric-words.js";
import { metricCell, metricColumn } from "./metric-columns.js";
import type { ContestDatesVM, ContestVM } from "./view-models.js";

const MEDALS = ["🥇", "🥈", "🥉"];
/** Rows shown in a standings message: a phone screen or two; the rest is counted. */
const MAX_ROWS = 30;
const MAX_SQUAD_MEMBERS = 12;

/** "01.12–15.12", with years when the contest crosses a New Year. */
export function contestDates(contest: ContestDatesVM): string {
  const d = (iso: string, year: boolean) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}${year ? `.${iso.slice(0, 4)}` : ""}`;
  const years = contest.startDate.slice(0, 4) !== contest.endDate.slice(0, 4);
  return contest.startDate === contest.endDate
    ? d(contest.startDate, years)
    : `${d(contest.startDate, years)}–${d(contest.endDate, years)}`;
}

function who(line: StandingLine): string {
  return `${escapeHtml(line.name)}${line.former ? " †" : ""}`;
}

function rowText(line: StandingLine, metric: MetricKey, locale: Locale, indent = ""): string {
  const t = messages[locale].contests;
  const badge = line.place === null ? "▫️" : (MEDALS[line.place - 1] ?? "▫️");
  const place = line.place === null ? "—" : `${line.place}.`;
  const value = escapeHtml(formatMetricValue(metric, line.value, locale));
  const gap = line.gap !== null && line.gap > 0 ? ` (${escapeHtml(t.gap(formatMetricValue(metric, line.gap, locale)))})` : "";
  return `${indent}${badge} ${place} ${who(line)} — ${value}${gap}`;
}

function memberText(line: StandingLine, metric: MetricKey, locale: Locale): string {
  return `      ${who(line)} — ${escapeHtml(formatMetricValue(metric, line.value, locale))}`;
}

/** The lines under the title: squads with their members, or people. */
function tableLines(s: ContestStandings, locale: Locale): string[] {
  const t = messages[locale].contests;
  const out: string[] = [];
  if (s.contest.kind === "squads") {
    for (const squad of s.squads) {
      out.push(rowText(squad, s.metric, locale).replace(who(squad), `<b>${who(squad)}</b>`));
      for (const m of squad.members.slice(0, MAX_SQUAD_MEMBERS)) out.push(memberText(m, s.metric, locale));
      if (squad.members.length > MAX_SQUAD_MEMBERS) out.push(`      ${t.more(squad.members.length - MAX_SQUAD_MEMBERS)}`);
    }
    return out;
  }
  out.push(...s.rows.slice(0, MAX_ROWS).map((r) => rowText(r, s.metric, locale)));
  if (s.rows.length > MAX_ROWS) out.push(t.more(s.rows.length - MAX_ROWS));
  return out;
}

/**
 * The standings as a table model: place, name, value (unit in the header), gap to the
 * leader; squads in bold with their members under them. The fallback is the classic lines.
 */
function standingsTable(s: ContestStandings, locale: Locale): DocTable {
  const t = messages[locale];
  const place = (l: StandingLine) => `${l.place === null ? "▫️" : (MEDALS[l.place - 1] ?? "▫️")} ${l.place === null ? "—" : l.place}`;
  const name = (l: StandingLine) => `${l.name}${l.former ? " †" : ""}`;
  const gap = (l: StandingLine) => (l.gap !== null && l.gap > 0 ? t.contests.gap(metricCell(s.metric, l.gap, locale)) : "");
  const rows: string[][] = [];
  const strong: number[] = [];
  if (s.contest.kind === "squads") {
    for (const squad of s.squads) {
      strong.push(rows.length);
      rows.push([place(squad), name(squad), metricCell(s.metric, squad.value, locale), gap(squad)]);
      for (const m of squad.members.slice(0, MAX_SQUAD_MEMBERS)) rows.push(["", `  ${name(m)}`, metricCell(s.metric, m.value, locale), ""]);
      if (squad.members.length > MAX_SQUAD_MEMBERS)
        rows.push(["", `  ${t.contests.more(squad.members.length - MAX_SQUAD_MEMBERS)}`, "", ""]);
    }
  } else {
    for (const l of s.rows.slice(0, MAX_ROWS)) rows.push([place(l), name(l), metricCell(s.metric, l.value, locale), gap(l)]);
    if (s.rows.length > MAX_ROWS) rows.push(["", t.contests.more(s.rows.length - MAX_ROWS), "", ""]);
  }
  const column = metricColumn(s.metric, locale);
  return table([{ title: "#", align: "left" }, { title: t.table.who, align: "left" }, column, { title: "Δ", align: "right" }], rows, {
    strong,
    lines: tableLines(s, locale).join("\n"),
  });
}

function lines(s: ContestStandings): StandingLine[] {
  return s.contest.kind === "squads" ? s.squads : s.rows;
}

/** "👑 Leader: Ivan · ahead by 2" — the runner-up's gap is the leader's lead. */
function leaderLine(s: ContestStandings, locale: Locale): string {
  const t = messages[locale].contests;
  const all = lines(s);
  const top = firstPlaces(all.map((l) => ({ item: l, value: l.value, place: l.place, gap: l.gap })));
  if (top.length === 0 || all.every((l) => !l.value)) return t.nobodyYet;
  const names = top.map((r) => who(r.item)).join(", ");
  if (top.length > 1) return t.leaders(names);
  const second = all.find((l) => l.place !== null && l.place > 1);
  const lead = second?.gap ? escapeHtml(formatMetricValue(s.metric, second.gap, locale)) : null;
  return t.leader(names, lead);
}

function header(s: ContestStandings, now: number, locale: Locale): string[] {
  const t = messages[locale].contests;
  const c = s.contest;
  const phase = contestPhase(now, c.startAt, c.endAt);
  const when =
    c.status === "finished" || phase.phase === "over"
      ? t.ended
      : phase.phase === "before"
        ? t.startsIn(formatDuration(phase.ms, locale))
        : t.timeLeft(formatDuration(phase.ms, locale));
  const kind = c.kind === "squads" ? ` · ${t.squadsWord}` : "";
  const out = [`🏆 <b>${escapeHtml(c.name)}</b> · ${escapeHtml(metricLabel(s.metric, locale))}${kind}`, `📅 ${contestDates(c)} · ${when}`];
  if (c.prize) out.push(t.prize(escapeHtml(c.prize)));
  return out;
}

/** The live standings message (and `/contest <name>` while it runs). Fits one message. */
export function renderLiveStandings(s: ContestStandings, now: number, locale: Locale): string {
  return docToHtml(liveStandingsDoc(s, now, locale));
}

export function liveStandingsDoc(s: ContestStandings, now: number, locale: Locale): Doc {
  return doc([...header(s, now, locale), ""].join("\n"), standingsTable(s, locale), ["", leaderLine(s, locale)].join("\n"));
}

/** Winners named (ties share the win), or that nobody scored. */
function winnersLine(s: ContestStandings, locale: Locale): string {
  const t = messages[locale].contests;
  const all = lines(s);
  const top = all.filter((l) => l.place === 1 && l.value !== null);
  if (top.length === 0 || all.every((l) => !l.value)) return t.noWinner;
  const names = top.map(who).join(", ");
  return top.length > 1 ? t.winners(names) : t.winner(names);
}

/** The final standings: the finished live message, the final post and `/contest <name>` afterwards. */
export function renderFinalStandings(s: ContestStandings, locale: Locale, withTitle = false): string {
  return docToHtml(finalStandingsDoc(s, locale, withTitle));
}

export function finalStandingsDoc(s: ContestStandings, locale: Locale, withTitle = false): Doc {
  const t = messages[locale].contests;
  const title = withTitle ? [t.finalTitle(escapeHtml(s.contest.name))] : [];
  return doc([...title, ...header(s, s.contest.endAt, locale), "", winnersLine(s, locale), ""].join("\n"), standingsTable(s, locale));
}

/** The podium chart of a finished contest (top ten: squads or people), or null when nobody scored. */
export function contestPodium(s: ContestStandings, locale: Locale): { chart: () => Promise<Buffer>; caption: string } | null {
  const scored = lines(s).filter((l) => l.place !== null && l.value !== null);
  if (scored.length === 0 || scored.every((l) => !l.value)) return null;
  return {
    chart: () =>
      podiumChart({
        title: `${s.contest.name} · ${metricLabel(s.metric, locale)}`,
        subtitle: contestDates(s.contest),
        locale,
        entries: scored.slice(0, 10).map((l) => ({ name: l.name, value: displayValue(s.metric, l.value)!, place: l.place! })),
      }),
    caption: clip(messages[locale].contests.podiumCaption(s.contest.name), MAX_CAPTION),
  };
}

export interface ContestListItem {
  contest: ContestVM;
  standings: ContestStandings;
}

/** `/contests`: running, upcoming and finished contests with their leader or winner. */
export function renderContestList(team: string, items: ContestListItem[], now: number, locale: Locale): string {
  const t = messages[locale].contests;
  if (items.length === 0) return t.none;
  const groups: Record<"running" | "upcoming" | "finished", string[]> = { running: [], upcoming: [], finished: [] };
  for (const { contest: c, standings } of items) {
    const phase = contestPhase(now, c.startAt, c.endAt).phase;
    const group = c.status === "finished" || phase === "over" ? "finished" : phase === "before" ? "upcoming" : "running";
    const line = t.listLine(escapeHtml(c.name), escapeHtml(metricLabel(standings.metric, locale)), contestDates(c));
    const top = lines(standings).filter((l) => l.place === 1 && l.value);
    const names = top.map(who).join(", ");
    const extra = group === "upcoming" || !names ? "" : ` — ${group === "finished" ? t.listWinner(names) : t.listLeader(names)}`;
    groups[group].push(`• ${line}${extra}`);
  }
  const out = [t.listTitle(escapeHtml(team))];
  for (const key of ["running", "upcoming", "finished"] as const) {
    if (groups[key].length === 0) continue;
    out.push("", `<b>${t[key]}</b>`, ...groups[key]);
  }
  out.push("", t.listHint);
  return fitHtml(out.join("\n"));
}

/** Why a contest was refused, followed by the right form. */
export function contestErrorText(error: ContestError, locale: Locale, withUsage = true): string {
  const t = messages[locale].contests;
  const reason = (() => {
    switch (error.code) {
      case "name":
        return error.error === "too_long" ? t.nameErrors.too_long(CONTEST_NAME_MAX) : t.nameErrors[error.error];
      case "dates":
        return t.dateErrors[error.error];
      case "taken":
        return t.taken(escapeHtml(error.name));
      case "prize_too_long":
        return t.prizeTooLong(CONTEST_PRIZE_MAX);
      case "squad_count":
        return t.squadCount(SQUADS_MIN, SQUADS_MAX);
      case "squad_name":
        return t.squadName(SQUAD_NAME_MAX);
      case "empty_squad":
        return t.emptySquad(escapeHtml(error.squad));
      case "private_metric":
        return messages[locale].trust.headFigure;
    }
  })();
  return `⚠️ ${reason}${withUsage ? `\n${t.usage}` : ""}`;
}
