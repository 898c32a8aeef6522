import type { QuizRow, QuizRun } from "../db/repositories/quizzes.js";
import type { Team } from "../db/repositories/teams.js";
import { type QuizQuestion, quizPercent } from "../domain/quiz-format.js";
import { foldText } from "../domain/search-text.js";
import type { AppDeps } from "./deps.js";

export type { QuizRow, QuizRun };

export interface ManagerScore {
  userId: number;
  name: string;
  status: QuizRun["status"] | "not_sent";
  correct: number;
  answered: number;
  total: number;
  percent: number;
}

export interface QuestionScore {
  index: number;
  question: string;
  right: number;
  answered: number;
  /** Share of right answers, 0..100 (null when nobody answered). */
  percent: number | null;
}

export interface QuizResults {
  quiz: QuizRow;
  managers: ManagerScore[];
  /** Weakest questions first. */
  questions: QuestionScore[];
}

/** Scores per manager (best first) and per question (weakest first). */
export function quizResults(deps: AppDeps, team: Team, quiz: QuizRow): QuizResults {
  const total = quiz.questions.length;
  const runs = deps.repos.quizzes.runsOf(quiz.id);
  const names = new Map(deps.repos.memberships.listTeam(team.id).map((m) => [m.user.id, m.user.firstName]));
  const managers = runs
    .map((r) => ({
      userId: r.userId,
      name: names.get(r.userId) ?? String(r.userId),
      status: r.status,
      correct: r.correct,
      answered: r.answered,
      total,
      percent: quizPercent(r.correct, total),
    }))
    .sort((a, b) => b.percent - a.percent || a.name.localeCompare(b.name));
  const right = new Array<number>(total).fill(0);
  const answered = new Array<number>(total).fill(0);
  for (const run of runs) {
    for (const p of deps.repos.quizzes.pollsOfRun(run.id)) {
      if (p.answeredAt === null) continue;
      answered[p.questionIndex]! += 1;
      if (p.correct) right[p.questionIndex]! += 1;
    }
  }
  const questions = quiz.questions
    .map((q, index) => ({
      index,
      question: q.question,
      right: right[index]!,
      answered: answered[index]!,
      percent: answered[index]! === 0 ? null : quizPercent(right[index]!, answered[index]!),
    }))
    .sort((a, b) => (a.percent ?? 101) - (b.percent ?? 101) || a.index - b.index);
  return { quiz, managers, questions };
}

export interface PersonalQuizScore {
  quiz: string;
  tags: string[];
  correct: number;
  total: number;
  percent: number;
  status: QuizRun["status"];
}

/** One manager's quizzes (for /coach and for a manager's own /quiz results). */
export function scoresOf(deps: AppDeps, team: Team, userId: number): PersonalQuizScore[] {
  return deps.repos.quizzes.runsOfUser(team.id, userId).flatMap((run) => {
    const quiz = deps.repos.quizzes.byId(run.quizId);
    if (!quiz) return [];
    const total = quiz.questions.length;
    return [
      { quiz: quiz.name, tags: quiz.tags, correct: run.correct, total, percent: quizPercent(run.correct, total), status: run.status },
    ];
  });
}

/** Quiz tags where the team's answers are weakest (under 70 % right), weakest first. */
export function weakQuizTopics(deps: AppDeps, team: Team): { tag: string; percent: number }[] {
  const byTag = new Map<string, { right: number; total: number }>();
  for (const quiz of deps.repos.quizzes.list(team.id)) {
    for (const run of deps.repos.quizzes.runsOf(quiz.id)) {
      if (run.answered === 0) continue;
      for (const tag of quiz.tags) {
        const t = byTag.get(tag) ?? { right: 0, total: 0 };
        t.right += run.correct;
        t.total += run.answered;
        byTag.set(tag, t);
      }
    }
  }
  return [...byTag.entries()]
    .map(([tag, t]) => ({ tag, percent: quizPercent(t.right, t.total) }))
    .filter((t) => t.percent < 70)
    .sort((a, b) => a.percent - b.percent);
}

/** The team's quizzes. */
export function teamQuizzes(deps: AppDeps, teamId: number): QuizRow[] {
  return deps.repos.quizzes.list(teamId);
}

/** A quiz of the team by name as typed (case and ё do not matter). */
export function quizByName(deps: AppDeps, teamId: number, name: string): QuizRow | undefined {
  return deps.repos.quizzes.byName(teamId, foldText(name));
}

export function quizById(deps: AppDeps, quizId: number): QuizRow | undefined {
  return deps.repos.quizzes.byId(quizId);
}

/** Saves a new quiz; `taken` when the team has one by that name. */
export function saveQuiz(
  deps: AppDeps,
  teamId: number,
  createdBy: number,
  quiz: { name: string; tags: string[]; questions: QuizQuestion[] },
  now: number,
) {
  return deps.repos.quizzes.save(
    { teamId, name: quiz.name, nameKey: foldText(quiz.name), tags: quiz.tags, questions: quiz.questions, createdBy },
    now,
  );
}

/** A run of the quiz for one person; null when they have one already. */
export function startQuizRun(
  deps: AppDeps,
  quizId: number,
  teamId: number,
  userId: number,
  now: number,
  deadlineAt: number,
): QuizRun | null {
  return deps.repos.quizzes.startRun(quizId, teamId, userId, now, deadlineAt);
}

/** Forgets a run that never reached its person (so it can be sent again). */
export function dropQuizRun(deps: AppDeps, runId: number): void {
  deps.repos.quizzes.dropRun(runId);
}

/** One person's run of a quiz, if they were sent it. */
export function quizRunOf(deps: AppDeps, quizId: number, userId: number): QuizRun | undefined {
  return deps.repos.quizzes.runsOf(quizId).find((r) => r.userId === userId);
}

/**
 * An answer to one of the quiz's polls, by a member of the run's team: the quiz and
 * the run after it. Null for a poll that is not a quiz question, a stranger, a
 * question gone, or an answer already counted.
 */
export function recordQuizAnswer(
  deps: AppDeps,
  pollId: string,
  userId: number,
  chosen: number,
  now: number,
): { quiz: QuizRow; run: QuizRun } | null {
  const ref = deps.repos.quizzes.pollById(pollId);
  if (!ref) return null;
  if (!deps.repos.memberships.get(ref.run.teamId, userId)?.active) return null;
  const quiz = quizById(deps, ref.run.quizId);
  const question = quiz?.questions[ref.poll.questionIndex];
  if (!quiz || !question) return null;
  const run = deps.repos.quizzes.answer(pollId, userId, chosen, chosen === question.correct, quiz.questions.length, now);
  return run ? { quiz, run } : null;
}
