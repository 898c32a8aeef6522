import { Composer, InlineKeyboard } from "grammy";
import type { Locale } from "../../config.js";
import { INPUT_KINDS, type InputKind, monthAt } from "../../domain/business-inputs.js";
import { parseInputsCommand } from "../../domain/inputs-command.js";
import { mayShowField } from "../../domain/trust-policy.js";
import { echo } from "../../presentation/html.js";
import { messages } from "../../presentation/i18n/index.js";
import { inputValueText, monthLabel, renderInputsStatus } from "../../presentation/views/inputs-view.js";
import { inputsStatus, setInput } from "../../services/business.js";
import type { BotContext } from "../context.js";
import { INPUTS_EDITOR_CONVERSATION, INPUTS_EDITOR_PREFIX } from "../conversations/inputs-editor.js";
import { requireHead } from "../middlewares/guards.js";

/** The status screen's buttons: each opens the guided flow for one input. */
function editKeyboard(locale: Locale): InlineKeyboard {
  const b = messages[locale].inputs.editButtons;
  return new InlineKeyboard()
    .text(b.market, "inp:edit:market")
    .text(b.margin, "inp:edit:margin")
    .row()
    .text(b.costs, "inp:edit:costs")
    .text(b.overhead, "inp:edit:overhead");
}

/** `/inputs`: the head's monthly market volume, margin, sales costs and overhead (business metrics). */
export const inputsFeature = new Composer<BotContext>();

inputsFeature.command("inputs", async (ctx) => {
  const head = await requireHead(ctx, "inputs");
  if (!head) return;
  // Sales costs are salaries: never shown or typed in the team's group (trust policy).
  if (!mayShowField("inputs", ctx.audience)) return void (await ctx.reply(ctx.t.privateOnly));
  const t = ctx.t.inputs;
  const text = ctx.match.trim();
  if (!text) {
    await ctx.reply(renderInputsStatus(inputsStatus(ctx.deps, head.team), ctx.locale), {
      reply_markup: editKeyboard(ctx.locale),
    });
    return;
  }
  const cmd = parseInputsCommand(text, monthAt(ctx.deps.now(), head.team.timezone));
  if ("error" in cmd) {
    let reason: string;
    switch (cmd.error) {
      case "kind":
        reason = t.unknownKind(echo(cmd.word));
        break;
      case "username":
        reason = t.needUser;
        break;
      case "value":
        reason = cmd.reason === "format" ? t.badValue.format(echo(cmd.word)) : t.badValue[cmd.reason];
        break;
      case "month":
        reason = cmd.reason === "future" ? t.futureMonth : t.badMonth(echo(cmd.word));
        break;
    }
    await ctx.reply(`⚠️ ${reason}\n\n${t.usage}`);
    return;
  }
  const result = setInput(ctx.deps, head, cmd);
  if (result.status === "unknown_user") {
    await ctx.reply(`⚠️ ${t.unknownUser(echo(result.username))}`);
    return;
  }
  const what = cmd.kind === "costs" ? `${t.costs} @${echo(cmd.username ?? "")}` : t[cmd.kind];
  await ctx.reply(t.saved(what, inputValueText(cmd.kind, cmd.value, ctx.locale), monthLabel(result.month, ctx.locale)));
});

// A status-screen button: the same checks as the command (a head, in private), then the flow.
inputsFeature.callbackQuery(/^inp:edit:(\w+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const head = await requireHead(ctx, "inputs");
  if (!head) return;
  if (!mayShowField("inputs", ctx.audience)) return void (await ctx.reply(ctx.t.privateOnly));
  const kind = ctx.match[1] as InputKind;
  // Button data can be forged: only the four kinds open the flow.
  if (!INPUT_KINDS.includes(kind)) return void (await ctx.reply(ctx.t.staleButton));
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(INPUTS_EDITOR_CONVERSATION, kind);
});

// A flow button tapped after its flow ended (saved, cancelled, or replaced by another).
inputsFeature.callbackQuery(new RegExp(`^${INPUTS_EDITOR_PREFIX}`), async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t.staleButton);
});
