// The plain quiz format heads type in one message, checked against Telegram's
// limits for quiz polls, with every error naming the line it is on:
//
//   /quiz new <name> #tag          (the command line is line 1)
//   ? question
//   - wrong option
//   + correct option
//   ! explanation (optional)
//   <blank line> next question

import { foldText } from "./search-text.js";

/** Telegram's sendPoll limits. */
export const POLL_LIMITS = { question: 300, option: 100, minOptions: 2, maxOptions: 10, explanation: 200 } as const;
export const QUIZ_NAME_MAX = 40;
export const QUIZ_MAX_QUESTIONS = 50;

export interface QuizQuestion {
  question: string;
  options: string[];
  /** Index of the one correct option. */
  correct: number;
  explanation: string | null;
}

export interface QuizDraft {
  name: string;
  tags: string[];
  questions: QuizQuestion[];
}

export type QuizErrorCode =
  | "no_name"
  | "name_too_long"
  | "no_questions"
  | "too_many_questions"
  | "question_too_long"
  | "option_too_long"
  | "explanation_too_long"
  | "too_few_options"
  | "too_many_options"
  | "no_correct"
  | "several_correct"
  | "option_before_question"
  | "unknown_line";

export interface QuizError {
  /** 1-based line of the message (the command is line 1). */
  line: number;
  code: QuizErrorCode;
  /** The limit that was exceeded, or the count found. */
  limit?: number;
  length?: number;
}

export type QuizParse = { ok: true; quiz: QuizDraft } | { ok: false; errors: QuizError[] };

const TAG_RE = /#([\p{L}\p{N}_]+)/gu;

/** `#tag`s of a line, folded (lower case, ё → е), in order, without repeats. */
export function extractTags(text: string): string[] {
  const tags = [...text.matchAll(TAG_RE)].map((m) => foldText(m[1]!));
  return [...new Set(tags)];
}

const len = (s: string) => Array.from(s).length;

/**
 * Reads `/quiz new`'s arguments: `header` is what follows the command on line 1,
 * `body` the following lines. Returns the draft or every error found.
 */
export function parseQuiz(header: string, body: string): QuizParse {
  const errors: QuizError[] = [];
  const name = header.replace(TAG_RE, " ").replace(/\s+/g, " ").trim();
  const tags = extractTags(header);
  if (!name) errors.push({ line: 1, code: "no_name" });
  else if (len(name) > QUIZ_NAME_MAX) errors.push({ line: 1, code: "name_too_long", limit: QUIZ_NAME_MAX, length: len(name) });

  const questions: QuizQuestion[] = [];
  interface Open {
    line: number;
    question: string;
    options: { text: string; correct: boolean; line: number }[];
    explanation: string | null;
  }
  let open: Open | null = null;
  const close = () => {
    if (!open) return;
    const q: Open = open;
    open = null;
    if (q.options.length < POLL_LIMITS.minOptions) {
      errors.push({ line: q.line, code: "too_few_options", limit: POLL_LIMITS.minOptions, length: q.options.length });
    } else if (q.options.length > POLL_LIMITS.maxOptions) {
      errors.push({ line: q.options[POLL_LIMITS.maxOptions]!.line, code: "too_many_options", limit: POLL_LIMITS.maxOptions });
    }
    const right = q.options.filter((o) => o.correct);
    if (q.options.length > 0 && right.length === 0) errors.push({ line: q.line, code: "no_correct" });
    if (right.length > 1) errors.push({ line: right[1]!.line, code: "several_correct" });
    questions.push({
      question: q.question,
      options: q.options.map((o) => o.text),
      correct: Math.max(
        0,
        q.options.findIndex((o) => o.correct),
      ),
      explanation: q.explanation,
    });
  };

  const lines = body.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 2;
    const text = raw.trim();
    if (!text) {
      close();
      return;
    }
    const mark = text[0]!;
    const rest = text.slice(1).trim();
    if (mark === "?") {
      close();
      if (len(rest) > POLL_LIMITS.question)
        errors.push({ line, code: "question_too_long", limit: POLL_LIMITS.question, length: len(rest) });
      if (!rest) errors.push({ line, code: "unknown_line" });
      open = { line, question: rest, options: [], explanation: null };
      return;
    }
    if (mark === "+" || mark === "-" || mark === "!") {
      if (!open) {
        errors.push({ line, code: "option_before_question" });
        return;
      }
      const q: Open = open;
      if (mark === "!") {
        if (len(rest) > POLL_LIMITS.explanation)
          errors.push({ line, code: "explanation_too_long", limit: POLL_LIMITS.explanation, length: len(rest) });
        q.explanation = rest;
        return;
      }
      if (!rest) errors.push({ line, code: "unknown_line" });
      if (len(rest) > POLL_LIMITS.option) errors.push({ line, code: "option_too_long", limit: POLL_LIMITS.option, length: len(rest) });
      q.options.push({ text: rest, correct: mark === "+", line });
      return;
    }
    errors.push({ line, code: "unknown_line" });
  });
  close();
  if (questions.length === 0 && errors.length === 0) errors.push({ line: 2, code: "no_questions" });
  if (questions.length > QUIZ_MAX_QUESTIONS) errors.push({ line: 1, code: "too_many_questions", limit: QUIZ_MAX_QUESTIONS });
  errors.sort((a, b) => a.line - b.line);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, quiz: { name, tags, questions } };
}

/** Score of answers: correct ones over all questions, as a whole percent. */
export function quizPercent(correct: number, total: number): number {
  return total === 0 ? 0 : Math.round((correct / total) * 100);
}
