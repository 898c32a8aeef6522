import type { QuizRow, QuizRun } from "../db/repositories/quizzes.js";
import type { Team } from "../db/repositories/teams.js";
import { quizPercent } from "../domain/quiz-format.js";
import type { AppDeps } from "./deps.js";

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
