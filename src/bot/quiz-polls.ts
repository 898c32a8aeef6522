import type { Api } from "grammy";
import type { QuizRow } from "../db/repositories/quizzes.js";
import type { AppDeps } from "../services/deps.js";

/**
 * Sends one question as a native, non-anonymous quiz poll in the manager's private
 * chat and remembers the poll id, so the answer (a poll_answer update, which
 * carries no chat) can be matched to the run and the question.
 */
export async function sendQuestion(api: Api, deps: AppDeps, userId: number, quiz: QuizRow, runId: number, index: number): Promise<void> {
  const q = quiz.questions[index]!;
  const message = await api.sendPoll(
    userId,
    q.question,
    q.options.map((text) => ({ text })),
    {
      type: "quiz",
      is_anonymous: false,
      correct_option_ids: [q.correct],
      ...(q.explanation ? { explanation: q.explanation } : {}),
    },
  );
  deps.repos.quizzes.recordPoll(message.poll.id, runId, index);
}
