import { Composer } from "grammy";
import { monthAt } from "../../domain/business-inputs.js";
import { parseInputsCommand } from "../../domain/inputs-command.js";
import { echo } from "../../presentation/html.js";
import { inputValueText, monthLabel, renderInputsStatus } from "../../presentation/views/inputs-view.js";
import { inputsStatus, setInput } from "../../services/business.js";
import type { BotContext } from "../context.js";
import { requireHead } from "../middlewares/guards.js";

/** `/inputs`: the head's monthly market volume, margin, sales costs and overhead (business metrics). */
export const inputsFeature = new Composer<BotContext>();

inputsFeature.command("inputs", async (ctx) => {
  const head = await requireHead(ctx, "inputs");
  if (!head) return;
  // Sales costs are salaries: never shown or typed in the team's group.
  if (ctx.chat?.type !== "private") return void (await ctx.reply(ctx.t.privateOnly));
  const t = ctx.t.inputs;
  const text = ctx.match.trim();
  if (!text) {
    await ctx.reply(renderInputsStatus(inputsStatus(ctx.deps, head.team), ctx.locale), { parse_mode: "HTML" });
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
    await ctx.reply(`⚠️ ${reason}\n\n${t.usage}`, { parse_mode: "HTML" });
    return;
  }
  const result = setInput(ctx.deps, head, cmd);
  if (result.status === "unknown_user") {
    await ctx.reply(`⚠️ ${t.unknownUser(echo(result.username))}`, { parse_mode: "HTML" });
    return;
  }
  const what = cmd.kind === "costs" ? `${t.costs} @${echo(cmd.username ?? "")}` : t[cmd.kind];
  await ctx.reply(t.saved(what, inputValueText(cmd.kind, cmd.value, ctx.locale), monthLabel(result.month, ctx.locale)), {
    parse_mode: "HTML",
  });
});
