import { type Context, InlineKeyboard } from "grammy";
import type { SquadInput } from "../../db/repositories/contests.js";
import {
  CONTEST_NAME_MAX,
  CONTEST_PRIZE_MAX,
  type ContestKind,
  checkContestName,
  parseContestDay,
  resolveContestDays,
  SQUAD_NAME_MAX,
  SQUADS_MAX,
  SQUADS_MIN,
} from "../../domain/contests.js";
import type { MetricKey } from "../../domain/metrics.js";
import { metricsFor, TEAM_GROUP } from "../../domain/trust-policy.js";
import { escapeHtml } from "../../presentation/html.js";
import { messages } from "../../presentation/i18n/index.js";
import { metricLabel } from "../../presentation/i18n/metric-words.js";
import { contestDates, contestErrorText } from "../../presentation/views/contest-view.js";
import { type ContestDraft, contestNameTaken, contestToday, createContest } from "../../services/contests.js";
import { openScope, recheckScope } from "./flow-scope.js";
import { type FlowConversation, waitForAnswer } from "./wait-answer.js";

export const CONTEST_BUILDER_CONVERSATION = "contest-builder";

/** Squad names typed one a line or separated by commas. */
function splitSquadNames(text: string): string[] {
  return text
    .split(/[\n,;]+/)
    .map((s) => s.replace(/\s+/g, " ").trim())
    .filter(Boolean);
}

/**
 * `/contest new` alone: name → metric (buttons) → first day → last day → individual
 * or squads (the head names 2–4 squads and puts each manager in one with buttons)
 * → prize → confirm. Each answer is checked as it comes; nothing is stored before
 * ✅, which re-checks the head's role and team and every rule (a name may have been
 * taken, or midnight passed, meanwhile).
 */
export async function contestBuilderConversation(conversation: FlowConversation, ctx: Context): Promise<void> {
  const userId = ctx.from!.id;
  const env = await conversation.external((o) => {
    const scope = openScope(o, "head");
    const managers = scope
      ? o.deps.repos.memberships
          .listTeam(scope.teamId)
          .filter((m) => m.membership.role === "manager")
          .map((m) => ({ id: m.user.id, name: m.user.firstName }))
      : [];
    return { locale: o.locale, scope, managers };
  });
  const scope = env.scope;
  if (!scope) return;
  const t = messages[env.locale];
  const c = t.contests;
  const k = c.flow;
  const ask = (acceptText: boolean) =>
    waitForAnswer(conversation, { userId, prefix: "cb:", cancel: "cancel", cancelledText: k.cancelled, acceptText });
  const cancelKb = () => new InlineKeyboard().text(t.buttons.cancel, "cb:cancel");
  /** Waits for a tap on one of `kb`'s buttons (forged data is refused). */
  const choose = async (prompt: string, kb: InlineKeyboard): Promise<string> => {
    const offered = new Set(kb.inline_keyboard.flat().flatMap((b) => ("callback_data" in b ? [b.callback_data] : [])));
    kb.row().text(t.buttons.cancel, "cb:cancel");
    await ctx.reply(prompt, { reply_markup: kb });
    for (;;) {
      const a = await ask(false);
      if (a.kind === "button" && offered.has(`cb:${a.value}`)) return a.value;
      if (a.kind === "button") await a.ctx.reply(t.staleButton);
    }
  };
  const refuse = (error: Parameters<typeof contestErrorText>[0]) => contestErrorText(error, env.locale, false);

  await ctx.reply(k.askName(CONTEST_NAME_MAX), { reply_markup: cancelKb() });
  let name: string;
  for (;;) {
    const a = await ask(true);
    if (a.kind !== "text") continue;
    const checked = checkContestName(a.text);
    const error = checked.ok
      ? await conversation.external((o) =>
          contestNameTaken(o.deps, scope.teamId, checked.name) ? { code: "taken" as const, name: checked.name } : null,
        )
      : { code: "name" as const, error: checked.error };
    if (checked.ok && !error) {
      name = checked.name;
      break;
    }
    await a.ctx.reply(`${refuse(error!)}\n${k.again}`, { reply_markup: cancelKb() });
  }

  const mk = new InlineKeyboard();
  metricsFor("top", TEAM_GROUP).forEach((m, i) => {
    mk.text(metricLabel(m, env.locale), `cb:m:${m}`);
    if (i % 2 === 1) mk.row();
  });
  const metric = (await choose(k.askMetric, mk)).slice(2) as MetricKey;

  const today = await conversation.external((o) => {
    const team = o.deps.repos.teams.byId(scope.teamId);
    return team ? contestToday(team, o.deps.now()) : "";
  });
  await ctx.reply(k.askStart, { reply_markup: cancelKb() });
  let startDate: string;
  for (;;) {
    const a = await ask(true);
    if (a.kind !== "text") continue;
    const day = parseContestDay(a.text, today);
    if (day && day >= today) {
      startDate = day;
      break;
    }
    await a.ctx.reply(`${refuse({ code: "dates", error: day ? "past" : "bad_date" })}\n${k.again}`);
  }
  await ctx.reply(k.askEnd, { reply_markup: cancelKb() });
  let endDate: string;
  for (;;) {
    const a = await ask(true);
    if (a.kind !== "text") continue;
    const days = resolveContestDays(startDate, a.text, today);
    if (days.ok) {
      endDate = days.endDate;
      break;
    }
    await a.ctx.reply(`${refuse({ code: "dates", error: days.error })}\n${k.again}`);
  }

  let kind: ContestKind = "individual";
  const squads: SquadInput[] = [];
  if (env.managers.length === 0) {
    await ctx.reply(k.noManagers);
  } else {
    const kk = new InlineKeyboard().text(k.individual, "cb:k:individual").text(k.squads, "cb:k:squads");
    kind = (await choose(k.askKind, kk)).slice(2) as ContestKind;
  }
  if (kind === "squads") {
    await ctx.reply(k.askSquads(SQUADS_MIN, SQUADS_MAX), { reply_markup: cancelKb() });
    let names: string[];
    for (;;) {
      const a = await ask(true);
      if (a.kind !== "text") continue;
      names = splitSquadNames(a.text);
      const tooLong = names.find((n) => Array.from(n).length > SQUAD_NAME_MAX);
      const error = tooLong
        ? ({ code: "squad_name", squad: tooLong } as const)
        : names.length < SQUADS_MIN || names.length > SQUADS_MAX || new Set(names.map((n) => n.toLowerCase())).size !== names.length
          ? ({ code: "squad_count" } as const)
          : null;
      if (!error) break;
      await a.ctx.reply(`${refuse(error)}\n${k.again}`);
    }
    // Each manager is put in one squad; a squad left empty sends the head round again.
    for (;;) {
      squads.length = 0;
      for (const n of names) squads.push({ name: n, userIds: [] });
      let i = 0;
      for (const m of env.managers) {
        i++;
        const sk = new InlineKeyboard();
        names.forEach((n, j) => {
          sk.text(n, `cb:s:${j}`);
          if (j % 2 === 1) sk.row();
        });
        const pick = Number((await choose(k.assign(escapeHtml(m.name), i, env.managers.length), sk)).slice(2));
        squads[pick]!.userIds.push(m.id);
      }
      const empty = squads.find((s) => s.userIds.length === 0);
      if (!empty) break;
      await ctx.reply(`${refuse({ code: "empty_squad", squad: empty.name })}\n${k.again}`);
    }
  }

  await ctx.reply(k.askPrize, {
    reply_markup: new InlineKeyboard().text(k.noPrize, "cb:noprize").row().text(t.buttons.cancel, "cb:cancel"),
  });
  let prize = "";
  for (;;) {
    const a = await ask(true);
    if (a.kind === "button" && a.value === "noprize") break;
    if (a.kind === "button") {
      await a.ctx.reply(t.staleButton);
      continue;
    }
    prize = a.text.replace(/\s+/g, " ").trim();
    if (Array.from(prize).length <= CONTEST_PRIZE_MAX) break;
    await a.ctx.reply(`${refuse({ code: "prize_too_long" })}\n${k.again}`);
  }

  const draft: ContestDraft = { name, metric, startDate, endDate, kind, prize, squads };
  const summary = [
    `🏆 <b>${escapeHtml(name)}</b> · ${escapeHtml(metricLabel(metric, env.locale))}`,
    `📅 ${contestDates({ startDate, endDate })}`,
    ...(kind === "squads"
      ? [
          k.summaryKind(
            squads
              .map(
                (s) =>
                  `${escapeHtml(s.name)} (${s.userIds.map((id) => escapeHtml(env.managers.find((m) => m.id === id)?.name ?? "")).join(", ")})`,
              )
              .join("; "),
          ),
        ]
      : [k.individual]),
    ...(prize ? [c.prize(escapeHtml(prize))] : []),
    "",
    k.confirm,
  ].join("\n");
  const confirmKb = new InlineKeyboard().text(k.save, "cb:save");
  await choose(summary, confirmKb);
  const saved = await conversation.external((o) => {
    const still = recheckScope(o, scope);
    if (!still.ok) return { ok: false as const, text: still.text };
    const result = createContest(o.deps, still.member, draft);
    return result.ok ? { ok: true as const } : { ok: false as const, text: contestErrorText(result.error, env.locale, false) };
  });
  await ctx.reply(saved.ok ? c.created(escapeHtml(name)) : saved.text);
}
