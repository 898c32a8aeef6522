import type { Material } from "../db/repositories/knowledge-base.js";
import type { QuizRow } from "../db/repositories/quizzes.js";
import type { Team } from "../db/repositories/teams.js";
import { COACHING_METRICS, chooseFocus, type Focus, percentile } from "../domain/coaching.js";
import { computeKpisByUser, type KpiValues, type SeriesPoint, timeSeries } from "../domain/kpi.js";
import { METRICS, type MetricKey } from "../domain/metrics.js";
import { resolvePeriod } from "../domain/periods.js";
import { addDays } from "../domain/time.js";
import type { Period } from "../domain/types.js";
import type { AppDeps } from "./deps.js";
import { programProgress } from "./programs.js";
import { type PersonalQuizScore, quizResults, scoresOf, weakQuizTopics } from "./quizzes.js";
import { toPlan } from "./scorecard.js";
import { teamPointWeights, teamWeekStart, teamWorkdays } from "./team-settings.js";

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

function managersOf(deps: AppDeps, team: Team) {
  return deps.repos.memberships.listTeam(team.id).filter((m) => m.membership.role === "manager");
}

/** Every manager's KPIs over a period, read once. */
function managerKpis(deps: AppDeps, team: Team, period: Period): Map<number, KpiValues> {
  const ids = managersOf(deps, team).map((m) => m.user.id);
  const activities = deps.repos.entries.activities(team.id, period.from, period.to, ids);
  const timelines = deps.repos.entries.timelines(team.id, period.from, period.to, ids);
  return computeKpisByUser({ activities, timelines, period, weights: teamPointWeights(team) }, ids);
}

/**
 * A manager's own targets for a week: level metrics (percent, average, time) from any
 * plan that binds them; counts and money from weekly plans, or daily ones × workdays.
 * Relative (+N %) plans are left out: they already compare the manager with themselves.
 */
export function weeklyTargets(deps: AppDeps, team: Team, userId: number): Partial<Record<MetricKey, number>> {
  const out: Partial<Record<MetricKey, number>> = {};
  const plans = deps.repos.plans
    .list(team.id)
    .map(toPlan)
    .filter((p) => p.relative === null && (p.scope === "each" || (p.scope === "user" && p.userId === userId)));
  // A personal plan beats the team-wide "each" one: apply those last.
  plans.sort((a, b) => (a.scope === "user" ? 1 : 0) - (b.scope === "user" ? 1 : 0));
  for (const p of plans) {
    if (!METRICS[p.metric].summable) out[p.metric] = p.value;
    else if (p.period === "week") out[p.metric] = p.value;
    else if (p.period === "day") out[p.metric] = p.value * teamWorkdays(team).length;
  }
  return out;
}

export interface CoachingNote {
  userId: number;
  name: string;
  period: Period;
  focus: Focus;
  materials: Material[];
  quiz: QuizRow | null;
}

/** Last week's focus for one manager, or null when nothing is behind. */
function noteFor(
  deps: AppDeps,
  team: Team,
  userId: number,
  name: string,
  period: Period,
  kpis: Map<number, KpiValues>,
): CoachingNote | null {
  const own = kpis.get(userId);
  if (!own) return null;
  const focus = chooseFocus({ own, team: [...kpis.values()], plans: weeklyTargets(deps, team, userId) });
  if (!focus.weakest) return null;
  const metric = focus.weakest.metric;
  const materials = deps.repos.knowledgeBase
    .list(team.id)
    .filter((m) => m.tags.includes(metric))
    .slice(0, 3);
  const quiz = deps.repos.quizzes.list(team.id).find((q) => q.tags.includes(metric)) ?? null;
  return { userId, name, period, focus, materials, quiz };
}

/** Weekly notes for every manager who is behind on something last week. */
export function weeklyCoachingNotes(deps: AppDeps, team: Team, now: number): CoachingNote[] {
  const period = resolvePeriod({ kind: "lastweek" }, now, team.timezone, { weekStart: teamWeekStart(team) });
  const kpis = managerKpis(deps, team, period);
  return managersOf(deps, team).flatMap((m) => noteFor(deps, team, m.user.id, m.user.firstName, period, kpis) ?? []);
}

/** The coaching note one manager would get for last week (null when nothing is behind). */
export function coachingNoteFor(deps: AppDeps, team: Team, userId: number, now: number): CoachingNote | null {
  return weeklyCoachingNotes(deps, team, now).find((n) => n.userId === userId) ?? null;
}

export interface CoachingOverviewRow {
  name: string;
  weakest: Focus["weakest"];
  quizPercent: number | null;
  /** Program steps done and assigned, over all the manager's programs; late when any is overdue. */
  program: { done: number; total: number; late: boolean } | null;
}

/** Heads' "who needs coaching on what": managers × weakest metric, quiz average, and the team's weak quiz topics. */
export function coachingOverview(deps: AppDeps, team: Team, now: number) {
  const period = resolvePeriod({ kind: "lastweek" }, now, team.timezone, { weekStart: teamWeekStart(team) });
  const kpis = managerKpis(deps, team, period);
  const rows: CoachingOverviewRow[] = managersOf(deps, team).map((m) => {
    const note = noteFor(deps, team, m.user.id, m.user.firstName, period, kpis);
    const scores = scoresOf(deps, team, m.user.id).filter((s) => s.status !== "active" || s.correct > 0);
    const quizPercent = scores.length === 0 ? null : Math.round(scores.reduce((a, s) => a + s.percent, 0) / scores.length);
    const progs = deps.repos.programs.ofUser(team.id, m.user.id).map((p) => programProgress(deps, team, p, m.user.id, now));
    const program =
      progs.length === 0
        ? null
        : {
            done: progs.reduce((a, p) => a + p.done, 0),
            total: progs.reduce((a, p) => a + p.steps.length, 0),
            late: progs.some((p) => p.late),
          };
    return { name: m.user.firstName, weakest: note?.focus.weakest ?? null, quizPercent, program };
  });
  return { period, rows, weakTopics: weakQuizTopics(deps, team), quizzes: quizSummaries(deps, team) };
}

/** How many of a quiz's weakest questions the heads' weekly post names. */
const WEAKEST_SHOWN = 2;

export interface QuizSummary {
  name: string;
  /** Managers who answered at least one question. */
  takers: number;
  /** Their average score, % of the quiz's questions. */
  average: number;
  /** Questions under 100 % right, weakest first. */
  weakest: { question: string; percent: number }[];
}

/**
 * Per quiz someone has answered: the average score and the weakest questions, for the
 * heads' weekly post (the issue asks for quiz results there, not only on /quiz results).
 */
function quizSummaries(deps: AppDeps, team: Team): QuizSummary[] {
  return deps.repos.quizzes.list(team.id).flatMap((quiz) => {
    const r = quizResults(deps, team, quiz);
    const took = r.managers.filter((m) => m.answered > 0);
    if (took.length === 0) return [];
    const average = Math.round(took.reduce((a, m) => a + m.percent, 0) / took.length);
    const weakest = r.questions
      .flatMap((q) => (q.percent === null || q.percent >= 100 ? [] : [{ question: q.question, percent: q.percent }]))
      .slice(0, WEAKEST_SHOWN);
    return [{ name: quiz.name, takers: took.length, average, weakest }];
  });
}

export interface CoachCard {
  name: string;
  period: Period;
  /** Percentile in the team (0 worst … 100 best) per metric, with the value. */
  percentiles: { metric: MetricKey; value: number | null; percentile: number | null }[];
  focus: Focus;
  /** 8 weeks of the weakest metric (this week last). */
  trend: SeriesPoint[];
  quizzes: PersonalQuizScore[];
  programs: { name: string; done: number; total: number; late: boolean }[];
  notes: { text: string; at: number; author: string }[];
}

/** `/coach @user`: the last four weeks against the team, the weakest metric's 8-week trend, quizzes, notes. */
export function coachCard(deps: AppDeps, team: Team, userId: number, name: string, now: number): CoachCard {
  const weekStart = teamWeekStart(team);
  const thisWeek = resolvePeriod({ kind: "week" }, now, team.timezone, { weekStart });
  const fourWeeks: Period = { ...thisWeek, from: thisWeek.from - 3 * WEEK_MS, startDate: addDays(thisWeek.startDate, -21), kind: "range" };
  const kpis = managerKpis(deps, team, fourWeeks);
  const own = kpis.get(userId);
  const all = [...kpis.values()];
  const ownValues = own ?? (Object.fromEntries(COACHING_METRICS.map((k) => [k, null])) as unknown as KpiValues);
  const percentiles = COACHING_METRICS.map((metric) => ({
    metric,
    value: ownValues[metric],
    percentile: percentile(
      metric,
      ownValues[metric],
      all.map((k) => k[metric]),
    ),
  }));
  const focus = own ? chooseFocus({ own, team: all, plans: weeklyTargets(deps, team, userId) }) : { weakest: null, best: null };
  let trend: SeriesPoint[] = [];
  if (focus.weakest) {
    const eight: Period = { ...thisWeek, from: thisWeek.from - 7 * WEEK_MS, startDate: addDays(thisWeek.startDate, -49), kind: "range" };
    const activities = deps.repos.entries.activities(team.id, eight.from, eight.to, [userId]);
    const timelines = deps.repos.entries.timelines(team.id, eight.from, eight.to, [userId]);
    trend = timeSeries(activities, eight, team.timezone, "week", focus.weakest.metric, {
      weekStart,
      timelines,
      weights: teamPointWeights(team),
    });
  }
  const authors = new Map(deps.repos.memberships.listTeam(team.id).map((m) => [m.user.id, m.user.firstName]));
  const notes = deps.repos.coachNotes
    .about(team.id, userId)
    .slice(0, 5)
    .map((n) => ({ text: n.text, at: n.createdAt, author: authors.get(n.authorId) ?? "" }));
  const programs = deps.repos.programs.ofUser(team.id, userId).map((p) => {
    const pr = programProgress(deps, team, p, userId, now);
    return { name: p.name, done: pr.done, total: p.steps.length, late: pr.late };
  });
  return { name, period: fourWeeks, percentiles, focus, trend, quizzes: scoresOf(deps, team, userId), programs, notes };
}

/** A head's private note about a manager (/note). */
export function addCoachNote(deps: AppDeps, teamId: number, aboutUserId: number, authorId: number, text: string, now: number): void {
  deps.repos.coachNotes.add(teamId, aboutUserId, authorId, text, now);
}
