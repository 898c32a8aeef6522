import { autoRetry } from "@grammyjs/auto-retry";
import { conversations, createConversation } from "@grammyjs/conversations";
import { sequentialize } from "@grammyjs/runner";
import { Bot, type Context } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Config } from "../config.js";
import { useHtmlByDefault } from "../delivery/html-default.js";
import type { AppDeps } from "../services/deps.js";
import type { BotContext } from "./context.js";
import { CONTEST_BUILDER_CONVERSATION, contestBuilderConversation } from "./conversations/contest-builder.js";
import { expireOldFlows, flowStorage } from "./conversations/flow-storage.js";
import { INPUTS_EDITOR_CONVERSATION, inputsEditorConversation } from "./conversations/inputs-editor.js";
import { KB_ADD_CONVERSATION, kbAddConversation } from "./conversations/kb-add.js";
import { LOG_ENTRY_CONVERSATION, logEntryConversation } from "./conversations/log-entry.js";
import { PLAN_EDITOR_CONVERSATION, planEditorConversation } from "./conversations/plan-editor.js";
import { QUIZ_BUILDER_CONVERSATION, quizBuilderConversation } from "./conversations/quiz-builder.js";
import { REPORT_BUILDER_CONVERSATION, reportBuilderConversation } from "./conversations/report-builder.js";
import { applyEphemeral, ephemeralReplies } from "./ephemeral.js";
import { errorBoundary } from "./error-boundary.js";
import { FEATURES } from "./features/index.js";
import { attachDeps } from "./middlewares/attach-deps.js";
import { chain } from "./middlewares/chain.js";
import { dropForwarded, ignoreForeign } from "./middlewares/ignore-foreign.js";
import { limitHeavy } from "./middlewares/limit-heavy.js";
import { loadActor } from "./middlewares/load-actor.js";
import { skipProcessed } from "./middlewares/skip-processed.js";

export interface CreateBotOptions {
  /** Skips the getMe call (tests, and restarts that already know who they are). */
  botInfo?: UserFromGetMe;
}

/** Updates from one chat, and from one person, run in order; others run concurrently. */
function sequenceKeys(ctx: Context): string[] {
  const keys: string[] = [];
  if (ctx.chatId !== undefined) keys.push(`chat:${ctx.chatId}`);
  if (ctx.from) keys.push(`user:${ctx.from.id}`);
  // grammY's ctx.from leaves out poll answers: a manager's quiz answers run in order too.
  else if (ctx.pollAnswer?.user) keys.push(`user:${ctx.pollAnswer.user.id}`);
  return keys;
}

/** Builds the bot. No side effects: no network, no timers; main.ts starts it. */
export function createBot(config: Config, deps: AppDeps, options: CreateBotOptions = {}): Bot<BotContext> {
  if (!config.botToken) throw new Error("createBot needs config.botToken");
  const bot = new Bot<BotContext>(config.botToken, {
    client: { apiRoot: config.apiRoot },
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  });
  // Telegram's 429 (and 5xx) answers are waited out and retried, not surfaced. A network
  // error is not retried: the message may have arrived, and a scheduled post must not repeat.
  const retry = () => autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 60, rethrowHttpErrors: true });
  bot.api.config.use(retry());
  // Texts and captions are HTML unless a call says otherwise; handlers' ctx.api inherit this.
  useHtmlByDefault(bot.api);

  const flows = conversations<BotContext, Context>({
    // Flows get their own Api objects: give them the same 429 handling.
    plugins: [
      (ctx, next) => {
        ctx.api.config.use(retry());
        useHtmlByDefault(ctx.api);
        // A flow started by a tap on a logging button in a group answers that person alone.
        applyEphemeral(ctx);
        return next();
      },
    ],
    storage: flowStorage(deps.db),
  });
  // One flat chain (see chain.ts): the order is the order updates meet them.
  bot.use(
    chain([
      sequentialize(sequenceKeys),
      attachDeps(deps),
      ignoreForeign,
      skipProcessed,
      loadActor,
      limitHeavy,
      ephemeralReplies,
      expireOldFlows,
      flows,
      createConversation(logEntryConversation, LOG_ENTRY_CONVERSATION),
      createConversation(planEditorConversation, PLAN_EDITOR_CONVERSATION),
      createConversation(reportBuilderConversation, REPORT_BUILDER_CONVERSATION),
      createConversation(kbAddConversation, KB_ADD_CONVERSATION),
      createConversation(quizBuilderConversation, QUIZ_BUILDER_CONVERSATION),
      createConversation(contestBuilderConversation, CONTEST_BUILDER_CONVERSATION),
      createConversation(inputsEditorConversation, INPUTS_EDITOR_CONVERSATION),
      dropForwarded,
      ...FEATURES,
    ]),
  );
  bot.catch(errorBoundary);
  return bot;
}
