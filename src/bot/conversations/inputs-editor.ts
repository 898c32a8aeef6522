import { type Context, InlineKeyboard } from "grammy";
import { addMonths, type InputKind, monthAt, parseInputMoney, parseInputMonth, parsePercent } from "../../domain/business-inputs.js";
import { echo, escapeHtml } from "../../presentation/html.js";
import { messages } from "../../presentation/i18n/index.js";
import { inputValueText, monthLabel } from "../../presentation/views/inputs-view.js";
import { setInput } from "../../services/business.js";
import { openScope, recheckScope } from "./flow-scope.js";
import { type FlowConversation, waitForAnswer } from "./wait-answer.js";

export const INPUTS_EDITOR_CONVERSATION = "inputs-editor";

/** Callback data of the flow's own buttons; a tap on one after the flow ended is stale. */
export const INPUTS_EDITOR_PREFIX = "ie:";

/**
 * The guided `/inputs` flow, opened from a button on the status screen: month →
 * (costs only) whose → the value. The answers are the one-line form's, read by the
 * same parsers, so the refusals are the same; nothing is stored before the value is
 * accepted, and then only through `setInput` after the head's role and team are
 * re-read (`recheckScope`).
 */
export async function inputsEditorConversation(conversation: FlowConversation, ctx: Context, kind: InputKind): Promise<void> {
  const userId = ctx.from!.id;
  const env = await conversation.external((o) => {
    const scope = openScope(o, "head");
    if (!scope) return { locale: o.locale, scope, current: "", managers: [] };
    const team = o.deps.repos.teams.byId(scope.teamId)!;
    // One button per manager; Telegram allows 100 buttons, a sales team is far smaller.
    const managers = o.deps.repos.memberships
      .listTeam(scope.teamId)
      .filter((m) => m.membership.role === "manager")
      .slice(0, 60)
      .map((m) => ({ id: m.user.id, name: m.user.username ? `@${m.user.username}` : m.user.firstName }));
    return { locale: o.locale, scope, current: monthAt(o.deps.now(), team.timezone), managers };
  });
  const flowScope = env.scope;
  if (!flowScope) return;
  const t = messages[env.locale];
  const it = t.inputs;
  const what = it[kind];

  const ask = (acceptText: boolean) =>
    waitForAnswer(conversation, {
      userId,
      prefix: INPUTS_EDITOR_PREFIX,
      cancel: "cancel",
      cancelledText: it.flowCancelled,
      acceptText,
      expectText: t.flow.expectText,
    });
  // Only a value one of the offered buttons carries is taken: button data can be forged.
  const offeredOf = (kb: InlineKeyboard) =>
    new Set(kb.inline_keyboard.flat().flatMap((b) => ("callback_data" in b ? [b.callback_data.slice(INPUTS_EDITOR_PREFIX.length)] : [])));
  const withCancel = (kb: InlineKeyboard) => kb.row().text(t.buttons.cancel, `${INPUTS_EDITOR_PREFIX}cancel`);

  // 1. The month: a button, or typed as in the one-line form.
  const mk = new InlineKeyboard()
    .text(it.lastMonth(monthLabel(addMonths(env.current, -1), env.locale)), `${INPUTS_EDITOR_PREFIX}mo:${addMonths(env.current, -1)}`)
    .text(it.thisMonth(monthLabel(env.current, env.locale)), `${INPUTS_EDITOR_PREFIX}mo:${env.current}`)
    .row()
    .text(it.nextMonth(monthLabel(addMonths(env.current, 1), env.locale)), `${INPUTS_EDITOR_PREFIX}mo:${addMonths(env.current, 1)}`);
  const monthOffered = offeredOf(mk);
  await ctx.reply(it.askMonth(what), { reply_markup: withCancel(mk) });
  let month: string;
  for (;;) {
    const a = await ask(true);
    if (a.kind === "button") {
      if (a.value.startsWith("mo:") && monthOffered.has(a.value)) {
        month = a.value.slice(3);
        break;
      }
      await a.ctx.reply(t.staleButton);
      continue;
    }
    const parsed = parseInputMonth(a.text, env.current);
    if ("month" in parsed) {
      month = parsed.month;
      break;
    }
    const reason = parsed.error === "future" ? it.futureMonth : it.badMonth(echo(a.text));
    await a.ctx.reply(`⚠️ ${reason}\n${it.askMonth(what)}`);
  }
  const monthText = monthLabel(month, env.locale);

  // 2. Costs are one manager's: whose, from the team's managers.
  let manager: { id: number; name: string } | null = null;
  if (kind === "costs") {
    if (env.managers.length === 0) {
      await ctx.reply(`${it.costs}: ${it.noManagers}.`);
      return;
    }
    const uk = new InlineKeyboard();
    env.managers.forEach((m, i) => {
      uk.text(m.name, `${INPUTS_EDITOR_PREFIX}u:${m.id}`);
      if (i % 3 === 2) uk.row();
    });
    const userOffered = offeredOf(uk);
    withCancel(uk);
    await ctx.reply(it.askManager(monthText), { reply_markup: uk });
    for (;;) {
      const a = await ask(true);
      if (a.kind === "text") {
        // "@ivan" typed instead of tapped is the same answer; anything else asks again.
        const typed = a.text.trim().toLowerCase();
        manager = env.managers.find((m) => m.name.toLowerCase() === typed) ?? null;
        if (manager) break;
        await a.ctx.reply(it.askManager(monthText), { reply_markup: uk });
        continue;
      }
      if (a.value.startsWith("u:") && userOffered.has(a.value)) {
        const id = Number(a.value.slice(2));
        manager = env.managers.find((m) => m.id === id) ?? null;
        if (manager) break;
      }
      await a.ctx.reply(t.staleButton);
    }
  }

  // 3. The value, re-asked until it reads; then saved by a head of the flow's team.
  const askValue =
    kind === "margin" ? it.askPercent(what, monthText) : it.askMoney(manager ? `${what} ${escapeHtml(manager.name)}` : what, monthText);
  await ctx.reply(askValue, { reply_markup: withCancel(new InlineKeyboard()) });
  for (;;) {
    const a = await ask(true);
    if (a.kind !== "text") {
      await a.ctx.reply(t.staleButton);
      continue;
    }
    const parsed = kind === "margin" ? parsePercent(a.text) : parseInputMoney(a.text);
    if ("error" in parsed) {
      const reason = parsed.error === "format" ? it.badValue.format(echo(a.text)) : it.badValue[parsed.error];
      await a.ctx.reply(`⚠️ ${reason}\n${askValue}`);
      continue;
    }
    const value = parsed.value;
    const result = await conversation.external((o) => {
      const still = recheckScope(o, flowScope);
      if (!still.ok) return { ok: false as const, text: still.text };
      const r = setInput(o.deps, still.member, { kind, value, month, username: null, ...(manager ? { userId: manager.id } : {}) });
      return r.status === "saved" ? { ok: true as const } : { ok: false as const, text: it.managerGone(escapeHtml(manager?.name ?? "")) };
    });
    if (!result.ok) {
      await a.ctx.reply(result.text);
      return;
    }
    const label = manager ? `${it.costs} ${escapeHtml(manager.name)}` : what;
    await a.ctx.reply(it.saved(label, inputValueText(kind, value, env.locale), monthText));
    return;
  }
}
