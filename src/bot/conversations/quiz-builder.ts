import type { Context } from "grammy";
import { InlineKeyboard } from "grammy";
import { extractTags, parseQuiz, QUIZ_MAX_QUESTIONS, QUIZ_NAME_MAX, type QuizQuestion } from "../../domain/quiz-format.js";
import { foldText } from "../../domain/search-text.js";
import { escapeHtml } from "../../presentation/html.js";
import { messages } from "../../presentation/i18n/index.js";
import { openScope, recheckScope } from "./flow-scope.js";
import { type FlowConversation, waitForAnswer } from "./wait-answer.js";

export const QUIZ_BUILDER_CONVERSATION = "quiz-builder";

/**
 * `/quiz new` alone: name → tags → questions one message at a time, in the same plain
 * format and limits as the one-message form → "add another" / "done" → saved. Nothing
 * is stored before "done", which re-checks that the author still heads the team.
 */
export async function quizBuilderConversation(conversation: FlowConversation, ctx: Context): Promise<void> {
  const userId = ctx.from!.id;
  const env = await conversation.external((o) => ({ locale: o.locale, scope: openScope(o, "head") }));
  const scope = env.scope;
  if (!scope) return;
  const t = messages[env.locale];
  const q = t.coaching.quiz;
  const k = q.flow;
  const ask = () => waitForAnswer(conversation, { userId, prefix: "qb:", cancel: "cancel", cancelledText: k.cancelled, acceptText: true });
  const cancelKb = () => new InlineKeyboard().text(t.buttons.cancel, "qb:cancel");

  await ctx.reply(k.askName(QUIZ_NAME_MAX), { reply_markup: cancelKb() });
  let name: string;
  for (;;) {
    const a = await ask();
    if (a.kind !== "text") continue;
    name = a.text
      .replace(/#[\p{L}\p{N}_]+/gu, " ")
      .replace(/\s+/g, " ")
      .trim();
    if (name && Array.from(name).length <= QUIZ_NAME_MAX) break;
    await a.ctx.reply(`• ${q.error(1, q.errors[name ? "name_too_long" : "no_name"])}`);
  }

  await ctx.reply(k.askTags, {
    reply_markup: new InlineKeyboard().text(t.buttons.skip, "qb:skip").row().text(t.buttons.cancel, "qb:cancel"),
  });
  let tags: string[] = [];
  for (;;) {
    const a = await ask();
    if (a.kind === "button" && a.value === "skip") break;
    if (a.kind === "text" && extractTags(a.text).length > 0) {
      tags = extractTags(a.text);
      break;
    }
    await a.ctx.reply(k.badTags);
  }

  const nextKb = () => new InlineKeyboard().text(k.another, "qb:more").text(k.done, "qb:done").row().text(t.buttons.cancel, "qb:cancel");
  const questions: QuizQuestion[] = [];
  await ctx.reply(k.askQuestion(1), { reply_markup: cancelKb() });
  for (;;) {
    const a = await ask();
    if (a.kind === "button" && a.value === "more") {
      await a.ctx.reply(k.askQuestion(questions.length + 1), { reply_markup: cancelKb() });
      continue;
    }
    if (a.kind === "button" && a.value === "done" && questions.length > 0) {
      const result = await conversation.external((o) => {
        const still = recheckScope(o, scope);
        if (!still.ok) return { ok: false as const, text: still.text };
        const saved = o.deps.repos.quizzes.save(
          { teamId: still.member.team.id, name, nameKey: foldText(name), tags, questions, createdBy: still.member.user.id },
          o.deps.now(),
        );
        return "taken" in saved ? { ok: false as const, text: q.taken(escapeHtml(name)) } : { ok: true as const };
      });
      await a.ctx.reply(result.ok ? q.saved(escapeHtml(name), questions.length) : result.text);
      return;
    }
    if (a.kind === "button") {
      await a.ctx.reply(t.staleButton);
      continue;
    }
    // The message's own lines are numbered from 1 (the parser counts the header as line 1).
    const parsed = parseQuiz("x", a.text);
    if (!parsed.ok) {
      const lines = parsed.errors.slice(0, 15).map((e) => `• ${q.error(Math.max(1, e.line - 1), q.errors[e.code])}`);
      await a.ctx.reply([k.questionErrors, ...lines, "", k.askQuestion(questions.length + 1)].join("\n"));
      continue;
    }
    if (questions.length + parsed.quiz.questions.length > QUIZ_MAX_QUESTIONS) {
      await a.ctx.reply(`• ${q.error(1, q.errors.too_many_questions)}`, { reply_markup: nextKb() });
      continue;
    }
    questions.push(...parsed.quiz.questions);
    await a.ctx.reply(k.added(questions.length), { reply_markup: nextKb() });
  }
}
