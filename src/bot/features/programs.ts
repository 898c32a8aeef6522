import { Composer } from "grammy";
import { parseProgram } from "../../domain/program-format.js";
import { foldText } from "../../domain/search-text.js";
import { DAY_MS, formatLocal, isValidDate, localClock, zonedMidnight } from "../../domain/time.js";
import { echo, escapeHtml, fitHtml } from "../../presentation/html.js";
import { messages, pickLocale } from "../../presentation/i18n/index.js";
import { materialById } from "../../services/knowledge-base.js";
import { memberByUsername, type TeamMember, teamManagers } from "../../services/members.js";
import { assignProgram, createProgram, programProgress, programsOf, programTable, teamPrograms } from "../../services/programs.js";
import { quizById, quizByName, startQuizRun } from "../../services/quizzes.js";
import type { BotContext } from "../context.js";
import { requireHead, requireMember } from "../middlewares/guards.js";
import { sendQuestion } from "../quiz-polls.js";

export const programsFeature = new Composer<BotContext>();

const dueLabel = (ms: number, tz: string) => formatLocal(ms - 1, tz, "DD.MM");

async function newProgram(ctx: BotContext, args: string): Promise<void> {
  const head = await requireHead(ctx, "program new");
  if (!head) return;
  const t = ctx.t.coaching.program;
  const [header = "", ...body] = args.split(/\r?\n/);
  const parsed = parseProgram(header, body.join("\n"));
  const { team } = head;
  const errors: string[] = [];
  if (!parsed.ok) errors.push(...parsed.errors.map((e) => ctx.t.coaching.quiz.error(e.line, t.errors[e.code])));
  const steps: { kind: "kb" | "quiz"; id: number }[] = [];
  let dueAt = 0;
  if (parsed.ok) {
    const { draft } = parsed;
    const today = localClock(ctx.deps.now(), team.timezone).date;
    const year = draft.due!.year ?? Number(today.slice(0, 4));
    if (!isValidDate(year, draft.due!.month, draft.due!.day)) errors.push(ctx.t.coaching.quiz.error(1, t.errors.no_due));
    else {
      let date = `${year}-${String(draft.due!.month).padStart(2, "0")}-${String(draft.due!.day).padStart(2, "0")}`;
      // "15.01" written in December means next January.
      if (draft.due!.year === null && date < today) date = `${year + 1}${date.slice(4)}`;
      dueAt = zonedMidnight(date, team.timezone) + DAY_MS;
    }
    for (const s of draft.steps) {
      if (s.kind === "kb") {
        if (!materialById(ctx.deps, team.id, s.id)) errors.push(t.unknownMaterial(s.line, s.id));
        else steps.push({ kind: "kb", id: s.id });
      } else {
        const quiz = quizByName(ctx.deps, team.id, s.name);
        if (!quiz) errors.push(t.unknownQuiz(s.line, echo(s.name)));
        else steps.push({ kind: "quiz", id: quiz.id });
      }
    }
  }
  if (!parsed.ok || errors.length > 0) {
    await ctx.reply(fitHtml([t.errorsTitle, ...errors.map((e) => `• ${e}`), "", t.usage].join("\n")));
    return;
  }
  const { draft } = parsed;
  let targets: TeamMember[] = teamManagers(ctx.deps, team.id);
  if (draft.who?.startsWith("@")) {
    const m = memberByUsername(ctx.deps, team.id, draft.who);
    if (m?.membership.role !== "manager") return void (await ctx.reply(ctx.t.coaching.quiz.unknownTarget(echo(draft.who))));
    targets = [m];
  }
  const now = ctx.deps.now();
  const program = createProgram(ctx.deps, team.id, head.user.id, { name: draft.name, steps, dueAt }, now);
  if (!program) return void (await ctx.reply(t.exists(escapeHtml(draft.name))));
  const due = dueLabel(dueAt, team.timezone);
  for (const m of targets) {
    assignProgram(ctx.deps, program.id, m.user.id, now);
    const locale = pickLocale(m.user.settings["language"], m.user.languageCode, team.locale);
    // Best effort: a manager who never opened the private chat still sees it in /learn.
    await ctx.api
      .sendMessage(m.user.id, messages[locale].coaching.program.assigned(escapeHtml(program.name), due))
      .catch((err: unknown) => ctx.log.warn({ err, user_id: m.user.id }, "program notice not delivered"));
  }
  const names = targets.map((m) => m.user.firstName).join(", ") || "—";
  await ctx.reply(t.saved(escapeHtml(program.name), steps.length, due, escapeHtml(names)));
}

/** Heads: each program's progress table, late people first. */
async function programsTable(ctx: BotContext, name: string): Promise<void> {
  const head = await requireHead(ctx, "program");
  if (!head) return;
  const t = ctx.t.coaching.program;
  const all = teamPrograms(ctx.deps, head.team.id);
  const chosen = name ? all.filter((p) => p.nameKey === foldText(name)) : all;
  if (name && chosen.length === 0) {
    return void (await ctx.reply(t.unknown(echo(name), all.map((p) => escapeHtml(p.name)).join(", "))));
  }
  if (chosen.length === 0) return void (await ctx.reply(`${t.none}\n${t.usage}`));
  const now = ctx.deps.now();
  const blocks = chosen.map((p) => {
    const rows = programTable(ctx.deps, head.team, p, now);
    const lines = rows.map((r) => t.row(escapeHtml(r.name), r.progress.done, p.steps.length, r.progress.late));
    return [t.tableTitle(escapeHtml(p.name), dueLabel(p.dueAt, head.team.timezone)), ...(lines.length ? lines : [t.nobodyAssigned])].join(
      "\n",
    );
  });
  await ctx.reply(fitHtml(blocks.join("\n\n")));
}

programsFeature.command("program", async (ctx) => {
  const full = ctx.msg.text ?? "";
  const args = full.replace(/^\/program(@\w+)?[ \t]*/i, "");
  const sub = /^(new|создать)\b[ \t]*/i.exec(args);
  if (sub) return newProgram(ctx, args.slice(sub[0].length));
  return programsTable(ctx, (args.split("\n")[0] ?? "").trim());
});

/** `/learn`: a manager's programs, the steps done (with ✅) and the next one; a quiz step starts here. */
programsFeature.command("learn", async (ctx) => {
  const member = await requireMember(ctx);
  if (!member) return;
  const t = ctx.t.coaching.program;
  const { team, user } = member;
  const now = ctx.deps.now();
  const programs = programsOf(ctx.deps, team.id, user.id);
  if (programs.length === 0) return void (await ctx.reply(t.learnNone));
  const blocks: string[] = [t.learnTitle];
  let quizToStart: { quizId: number; dueAt: number } | null = null;
  for (const p of programs) {
    const pr = programProgress(ctx.deps, team, p, user.id, now);
    const lines = [t.learnProgram(escapeHtml(p.name), pr.done, p.steps.length, dueLabel(p.dueAt, team.timezone), pr.late)];
    for (const [i, s] of pr.steps.entries()) lines.push(t.step(s.doneAt !== null, i + 1, escapeHtml(s.title)));
    if (!pr.next) lines.push(t.finished);
    else if (pr.next.kind === "kb") lines.push(t.nextKb(pr.next.id));
    else if (!pr.next.started && !quizToStart) {
      lines.push(t.nextQuiz);
      quizToStart = { quizId: pr.next.id, dueAt: p.dueAt };
    }
    blocks.push(lines.join("\n"));
  }
  await ctx.reply(fitHtml(blocks.join("\n\n")));
  if (quizToStart && ctx.chat.type === "private") {
    const quiz = quizById(ctx.deps, quizToStart.quizId);
    // The program's due date is the quiz deadline; after it, three days like /quiz send.
    const deadline = quizToStart.dueAt > now ? quizToStart.dueAt : now + 3 * DAY_MS;
    const run = quiz ? startQuizRun(ctx.deps, quiz.id, team.id, user.id, now, deadline) : null;
    if (quiz && run) await sendQuestion(ctx.api, ctx.deps, user.id, quiz, run.id, 0);
  }
});
