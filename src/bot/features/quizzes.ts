import { Composer } from "grammy";
import { parseQuiz, quizPercent } from "../../domain/quiz-format.js";
import { DAY_MS, formatLocal } from "../../domain/time.js";
import { echo, escapeHtml } from "../../presentation/html.js";
import { messages, pickLocale } from "../../presentation/i18n/index.js";
import { renderQuizErrors, renderQuizResults } from "../../presentation/views/quiz-view.js";
import { memberByUsername, type TeamMember, teamManagers, userById } from "../../services/members.js";
import {
  dropQuizRun,
  type QuizRow,
  quizByName,
  quizResults,
  quizRunOf,
  recordQuizAnswer,
  saveQuiz,
  startQuizRun,
  teamQuizzes,
} from "../../services/quizzes.js";
import { teamById } from "../../services/teams.js";
import type { BotContext } from "../context.js";
import { QUIZ_BUILDER_CONVERSATION } from "../conversations/quiz-builder.js";
import { requireHead, requireMember } from "../middlewares/guards.js";
import { sendQuestion } from "../quiz-polls.js";

export const quizzesFeature = new Composer<BotContext>();

/** Days to answer when `/quiz send` names none. */
const DEFAULT_DEADLINE_DAYS = 3;

function quizNames(ctx: BotContext, teamId: number): string {
  return teamQuizzes(ctx.deps, teamId)
    .map((q) => escapeHtml(q.name))
    .join(", ");
}

function findQuiz(ctx: BotContext, teamId: number, name: string): QuizRow | undefined {
  return quizByName(ctx.deps, teamId, name);
}

async function newQuiz(ctx: BotContext, args: string): Promise<void> {
  const head = await requireHead(ctx, "quiz new");
  if (!head) return;
  // No name and no questions: the guided flow asks for each part.
  if (!args.trim()) return void (await ctx.conversation.enter(QUIZ_BUILDER_CONVERSATION));
  const t = ctx.t.coaching.quiz;
  const [header = "", ...body] = args.split(/\r?\n/);
  const parsed = parseQuiz(header, body.join("\n"));
  if (!parsed.ok) {
    await ctx.reply(renderQuizErrors(parsed.errors, ctx.locale));
    return;
  }
  const { quiz } = parsed;
  const saved = saveQuiz(ctx.deps, head.team.id, head.user.id, quiz, ctx.deps.now());
  if ("taken" in saved) {
    await ctx.reply(t.taken(escapeHtml(quiz.name)));
    return;
  }
  await ctx.reply(t.saved(escapeHtml(quiz.name), quiz.questions.length));
}

/** `/quiz send <name> [@user|all] [3d]`: starts a run per manager and sends the first question. */
async function sendQuiz(ctx: BotContext, args: string): Promise<void> {
  const head = await requireHead(ctx, "quiz send");
  if (!head) return;
  const t = ctx.t.coaching.quiz;
  const words = args.trim().split(/\s+/).filter(Boolean);
  let days = DEFAULT_DEADLINE_DAYS;
  let who: string | null = null;
  const nameWords: string[] = [];
  for (const w of words) {
    const d = /^(\d+)(d|д|дн|days?)$/i.exec(w);
    if (d) {
      days = Number(d[1]);
      if (days < 1 || days > 30) return void (await ctx.reply(t.badDeadline));
    } else if (w.startsWith("@") || /^(all|все|всем)$/i.test(w)) who = w;
    else nameWords.push(w);
  }
  const name = nameWords.join(" ");
  if (!name) return void (await ctx.reply(t.usage));
  const quiz = findQuiz(ctx, head.team.id, name);
  if (!quiz) return void (await ctx.reply(t.unknown(echo(name), quizNames(ctx, head.team.id))));
  let targets: TeamMember[];
  if (who?.startsWith("@")) {
    const m = memberByUsername(ctx.deps, head.team.id, who);
    if (m?.membership.role !== "manager") return void (await ctx.reply(t.unknownTarget(echo(who))));
    targets = [m];
  } else {
    targets = teamManagers(ctx.deps, head.team.id);
  }
  const now = ctx.deps.now();
  const deadlineAt = now + days * DAY_MS;
  const deadline = formatLocal(deadlineAt, head.team.timezone, "DD.MM.YYYY HH:mm");
  const sent: string[] = [];
  const already: string[] = [];
  const unreachable: string[] = [];
  for (const m of targets) {
    const run = startQuizRun(ctx.deps, quiz.id, head.team.id, m.user.id, now, deadlineAt);
    if (!run) {
      already.push(m.user.firstName);
      continue;
    }
    try {
      // Written in the manager's language, not the head's.
      const intro = messages[pickLocale(m.user.settings["language"], m.user.languageCode, head.team.locale)].coaching.quiz.intro;
      await ctx.api.sendMessage(m.user.id, intro(escapeHtml(quiz.name), quiz.questions.length, deadline));
      await sendQuestion(ctx.api, ctx.deps, m.user.id, quiz, run.id, 0);
      sent.push(m.user.firstName);
    } catch (err) {
      ctx.log.warn({ err, user_id: m.user.id }, "quiz not delivered");
      dropQuizRun(ctx.deps, run.id);
      unreachable.push(m.user.firstName);
    }
  }
  const lines: string[] = [];
  if (sent.length > 0) lines.push(t.sent(escapeHtml(quiz.name), escapeHtml(sent.join(", ")), deadline));
  if (already.length > 0) lines.push(t.alreadySent(escapeHtml(already.join(", "))));
  if (unreachable.length > 0) lines.push(t.unreachable(escapeHtml(unreachable.join(", "))));
  if (lines.length === 0) lines.push(t.nobody);
  await ctx.reply(lines.join("\n"));
}

async function results(ctx: BotContext, name: string): Promise<void> {
  const member = await requireMember(ctx);
  if (!member) return;
  const t = ctx.t.coaching.quiz;
  if (!name.trim()) return void (await ctx.reply(t.usage));
  const quiz = findQuiz(ctx, member.team.id, name.trim());
  if (!quiz) return void (await ctx.reply(t.unknown(echo(name.trim()), quizNames(ctx, member.team.id))));
  if (member.membership.role === "head") {
    await ctx.reply(renderQuizResults(quizResults(ctx.deps, member.team, quiz), ctx.locale));
    return;
  }
  // A manager sees only their own score.
  const run = quizRunOf(ctx.deps, quiz.id, member.user.id);
  if (!run) return void (await ctx.reply(t.ownNotTaken(escapeHtml(quiz.name))));
  const total = quiz.questions.length;
  await ctx.reply(t.ownScore(escapeHtml(quiz.name), run.correct, total, quizPercent(run.correct, total)));
}

async function list(ctx: BotContext): Promise<void> {
  const member = await requireMember(ctx);
  if (!member) return;
  const t = ctx.t.coaching.quiz;
  const quizzes = teamQuizzes(ctx.deps, member.team.id);
  if (quizzes.length === 0) return void (await ctx.reply(t.none));
  const lines = quizzes.map(
    (q) => `• ${escapeHtml(q.name)} (${q.questions.length})${q.tags.length ? ` ${q.tags.map((x) => `#${x}`).join(" ")}` : ""}`,
  );
  await ctx.reply([t.listTitle, ...lines].join("\n"));
}

quizzesFeature.command("quiz", async (ctx) => {
  const full = ctx.msg.text ?? "";
  const args = full.replace(/^\/quiz(@\w+)?[ \t]*/i, "");
  const sub = /^(\S+)[ \t]*/.exec(args);
  const rest = sub ? args.slice(sub[0].length) : "";
  switch (sub?.[1]?.toLowerCase()) {
    case "new":
    case "создать":
      return newQuiz(ctx, rest);
    case "send":
    case "отправить":
      return sendQuiz(ctx, rest.split("\n")[0] ?? "");
    case "results":
    case "результаты":
      return results(ctx, rest.split("\n")[0] ?? "");
    case "list":
    case "список":
      return list(ctx);
    default:
      if (!(await requireMember(ctx))) return;
      await ctx.reply(ctx.t.coaching.quiz.usage);
  }
});

/**
 * An answer to a quiz poll. It counts once, only from the manager the poll was sent
 * to, while they are still in the team and the run is open; then the next question
 * follows. Anything else changes nothing and gets no reply (there is no chat to reply in).
 */
quizzesFeature.on("poll_answer", async (ctx) => {
  const answer = ctx.pollAnswer;
  const chosen = answer.option_ids[0];
  if (!answer.user || chosen === undefined) return; // a retracted vote
  const answered = recordQuizAnswer(ctx.deps, answer.poll_id, answer.user.id, chosen, ctx.deps.now());
  if (!answered) return;
  const { quiz, run } = answered;
  if (run.status === "done") {
    const total = quiz.questions.length;
    // A poll answer carries no chat: the reply language comes from the user's own settings.
    const user = userById(ctx.deps, answer.user.id);
    const team = teamById(ctx.deps, run.teamId);
    const locale = pickLocale(user?.settings["language"], answer.user.language_code, team?.locale ?? ctx.locale);
    await ctx.api.sendMessage(answer.user.id, messages[locale].coaching.quiz.finished(run.correct, total, quizPercent(run.correct, total)));
    return;
  }
  await sendQuestion(ctx.api, ctx.deps, answer.user.id, quiz, run.id, run.current);
});
