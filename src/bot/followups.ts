// Drains the after-reply queue (services/followups.ts) and tells people what their
// entries earned: the congratulation as its own message right after the reply, the
// reaction on their message. Poked by a handler once its reply is sent, and drained
// once at start for the jobs a stopped or killed process left.
//
// Another chat's poke can drain a job whose own reply is not sent yet (updates of
// different chats run side by side). What such a job earned waits until its chat's
// handler pokes (updates of one chat run one at a time, so by then every reply of that
// chat is out), or REPLY_WAIT_MS if that poke never comes (the reply failed).
import type { Api } from "grammy";
import { groupCommit } from "../db/group-commit.js";
import type { FollowupTarget } from "../db/repositories/followups.js";
import { celebrationLines } from "../presentation/views/badge-view.js";
import type { AppDeps } from "../services/deps.js";
import { FOLLOWUP_BATCH, type FollowupNotice, runFollowups } from "../services/followups.js";
import type { BotContext } from "./context.js";
import { entryReaction } from "./entry-reaction.js";
import { ephemeralFor } from "./ephemeral.js";

/** How long a congratulation waits for its entry's reply before it goes anyway. */
export const REPLY_WAIT_MS = 10_000;

export class FollowupRunner {
  private scheduled = false;
  /** Chats with an entry stored and its reply not yet sent. */
  private readonly replying = new Set<number>();
  /** What was earned in a chat whose reply is still on its way, and the wait's limit. */
  private readonly waiting = new Map<number, { notices: FollowupNotice[]; timer: NodeJS.Timeout }>();
  /** What waited and may go now: sent first by the next drain. */
  private ready: FollowupNotice[] = [];
  private again = false;
  private stopped = false;
  private running: Promise<void> | undefined;

  constructor(
    private readonly api: Api,
    private readonly deps: AppDeps,
  ) {}

  /**
   * Asks for a drain soon (after the current handler's turn): calls while one is
   * scheduled or running are one more round, so a burst of entries drains in batches.
   */
  poke(chatId: number | null = null): void {
    if (this.stopped) return;
    if (chatId !== null) this.replied(chatId);
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (!this.stopped) void this.drain();
    });
  }

  /** An entry was stored in `chatId`; its reply is being written. */
  replyPending(chatId: number): void {
    this.replying.add(chatId);
  }

  /** The chat's replies are out: what waited for them goes with the next drain (the caller pokes). */
  private replied(chatId: number): void {
    this.replying.delete(chatId);
    const held = this.waiting.get(chatId);
    if (!held) return;
    // Its limit goes too: left running, it would end a later entry's wait in this chat early.
    clearTimeout(held.timer);
    this.waiting.delete(chatId);
    this.ready.push(...held.notices);
  }

  /** Sends what a job earned now, or keeps it until its chat's reply is out. */
  private async deliver(notice: FollowupNotice): Promise<void> {
    const chatId = notice.target.chatId;
    if (!this.replying.has(chatId)) return this.notify(notice);
    const held = this.waiting.get(chatId);
    if (held) return void held.notices.push(notice);
    this.waiting.set(chatId, { notices: [notice], timer: setTimeout(() => this.poke(chatId), REPLY_WAIT_MS).unref() });
  }

  /** Runs every pending job and sends what they earned; concurrent calls share one drain. */
  drain(): Promise<void> {
    this.running ??= this.loop().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.poke();
      }
    });
    return this.running;
  }

  /** Nothing scheduled or running (tests wait for it; shutdown lets the last drain finish). */
  get idle(): boolean {
    return !this.scheduled && !this.running;
  }

  /**
   * Shutdown: no drain starts after this (one poked just before would find the database
   * closed); the one in progress commits its batch, and jobs not reached run at the next start.
   * What is held or ready goes now: its jobs are done and will not run again, and the
   * updates have finished (the runner stops first), so their replies are out.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.settled();
    for (const chatId of [...this.waiting.keys()]) this.replied(chatId);
    await this.sendReady();
  }

  /** Sends what waited for its reply and may go now. */
  private async sendReady(): Promise<void> {
    const ready = this.ready;
    this.ready = [];
    for (const notice of ready) await this.notify(notice);
  }

  /** Resolves when the drain in progress, if any, has finished. */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  private async loop(): Promise<void> {
    for (;;) {
      await this.sendReady();
      let round: ReturnType<typeof runFollowups>;
      try {
        // Committed with the entries and handled ids of the same turn (one commit).
        round = await groupCommit(this.deps.db).run(() => runFollowups(this.deps));
      } catch (err) {
        // The jobs stay pending: the next poke or start runs them.
        this.deps.logger.error({ err }, "entry follow-ups failed");
        return;
      }
      for (const notice of round.notices) await this.deliver(notice);
      // Fewer than a batch: the queue was emptied (jobs queued since poked another round).
      if (round.done < FOLLOWUP_BATCH) return;
    }
  }

  private async notify(n: FollowupNotice): Promise<void> {
    const { chatId, messageId, receiverId, locale } = n.target;
    const lines = celebrationLines(n.celebrations, locale);
    if (lines.length > 0) {
      await this.api
        .sendMessage(chatId, lines.join("\n"), {
          ...(messageId !== null ? { reply_parameters: { message_id: messageId, allow_sending_without_reply: true } } : {}),
          ...(receiverId !== null ? { ephemeral_message_parameters: { receiver_user_id: receiverId } } : {}),
        })
        .catch((err: unknown) => this.deps.logger.warn({ err, chat_id: chatId }, "congratulation not sent"));
    }
    const emoji = entryReaction(n.kind, n.celebrations);
    if (emoji && messageId !== null) {
      // A refusal (old message, reactions off in the chat) only costs the reaction.
      await this.api
        .setMessageReaction(chatId, messageId, [{ type: "emoji", emoji }])
        .catch((err: unknown) => this.deps.logger.warn({ err, chat_id: chatId }, "reaction refused"));
    }
  }
}

/**
 * Starts the queue for a bot: handlers poke it through `deps.onEntriesQueued`, and
 * the jobs left by the previous process are drained now (before new updates).
 */
export function startFollowups(api: Api, deps: AppDeps): FollowupRunner {
  const runner = new FollowupRunner(api, deps);
  deps.onEntriesQueued = (chatId) => runner.poke(chatId);
  deps.onReplyPending = (chatId) => runner.replyPending(chatId);
  void runner.drain();
  return runner;
}

/**
 * Where an entry's congratulation goes: the chat it was typed in, answering the
 * person's message (`withMessage`) and, when the reply went to them alone, to them alone.
 */
export function followupTarget(ctx: BotContext, withMessage: boolean): FollowupTarget | null {
  if (!ctx.chat) return null;
  const ephemeral = ephemeralFor(ctx.update, ctx.me?.username);
  return {
    chatId: ctx.chat.id,
    messageId: withMessage && ctx.message ? ctx.message.message_id : null,
    receiverId: ephemeral?.receiver_user_id ?? null,
    locale: ctx.locale,
  };
}
