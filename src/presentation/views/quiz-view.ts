import type { Locale } from "../../domain/locales.js";
import type { QuizError } from "../../domain/quiz-format.js";
import type { QuizResults } from "../../services/quizzes.js";
import { clip, escapeHtml, fitHtml } from "../html.js";
import { messages } from "../i18n/index.js";

/** Every error of a quiz message, one line each, naming the line it is on. */
export function renderQuizErrors(errors: QuizError[], locale: Locale): string {
  const t = messages[locale].coaching.quiz;
  const lines = errors.slice(0, 15).map((e) => `• ${t.error(e.line, t.errors[e.code])}`);
  return fitHtml([t.errorsTitle, ...lines, "", t.usage].join("\n"));
}

/** A head's results: per manager (best first), per question (weakest first). */
export function renderQuizResults(r: QuizResults, locale: Locale): string {
  const t = messages[locale].coaching.quiz;
  const title = t.resultsTitle(escapeHtml(r.quiz.name));
  if (r.managers.length === 0) return `${title}\n${t.notTaken}`;
  const status = (s: string) => (s === "active" ? t.inProgress : s === "closed" ? t.closed : "");
  const managers = r.managers.map((m) => `• ${t.managerLine(escapeHtml(m.name), m.correct, m.total, m.percent, status(m.status))}`);
  const questions = r.questions.map((q) =>
    t.questionLine(
      q.index + 1,
      escapeHtml(clip(q.question, 80)),
      q.percent === null ? t.noAnswers : `${q.right}/${q.answered} (${q.percent} %)`,
    ),
  );
  return fitHtml([title, "", t.byManager, ...managers, "", t.byQuestion, ...questions].join("\n"));
}
