import { createHash } from "node:crypto";
import { type Api, GrammyError } from "grammy";
import type { Contest } from "../db/repositories/contests.js";
import type { Team } from "../db/repositories/teams.js";
import type { Delivery } from "../delivery/index.js";
import { editRichOrHtml, type RichGate } from "../delivery/rich.js";
import { CONTEST_EDIT_INTERVAL_MS } from "../domain/contests.js";
import { readTeamSettings } from "../domain/team-settings.js";
import { type Doc, hasTable } from "../presentation/document/model.js";
import { docToHtml, docToRich } from "../presentation/document/render.js";
import { escapeHtml } from "../presentation/html.js";
import { contestPodium, finalStandingsDoc, liveStandingsDoc } from "../presentation/views/contest-view.js";
import { computeStandings, freezeResult } from "../services/contests.js";
import type { AppDeps } from "../services/deps.js";
import { richGate } from "../services/rich-gate.js";

/** Without entries the time left still moves on: the live message is refreshed this often. */
const REFRESH_MS = 60 * 60 * 1000;

const hashOf = (html: string) => createHash("sha1").update(html).digest("hex");

function apiError(err: unknown): string {
  return err instanceof GrammyError ? err.description : err instanceof Error ? err.message : String(err);
}

/**
 * Keeps each contest's live standings message in the team group: posts it (pinned
 * when the bot may pin), edits it in place when entries changed the standings — at
 * most once a minute per contest, never a new message per entry — and, at the end,
 * freezes the result, edits the message to "finished" and posts the podium.
 */
export class ContestBoard {
  private chain: Promise<unknown> = Promise.resolve();
  private readonly botId: number;
  private readonly rich: RichGate;

  constructor(
    private readonly deps: AppDeps,
    private readonly api: Api,
    private readonly delivery: Delivery,
  ) {
    // A bot token starts with the bot's user id ("123456:ABC…").
    this.botId = Number.parseInt(deps.config.botToken?.split(":")[0] ?? "", 10);
    this.rich = richGate(deps);
  }

  /** One pass at `now`; passes never overlap (the minute tick and a new contest's first post). Returns messages sent or edited. */
  tick(now = this.deps.now()): Promise<number> {
    const run = this.chain.then(() => this.run(now));
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async run(now: number): Promise<number> {
    const { contests, teams } = this.deps.repos;
    let n = 0;
    for (const contest of contests.ended(now)) {
      const team = teams.byId(contest.teamId);
      if (!team) continue;
      try {
        n += await this.finish(team, contest, now);
      } catch (err) {
        this.deps.logger.error({ err, contest_id: contest.id }, "contest finish failed");
      }
    }
    for (const contest of contests.dueForUpdate(now, CONTEST_EDIT_INTERVAL_MS, REFRESH_MS)) {
      const team = teams.byId(contest.teamId);
      if (!team || team.chatUnreachableAt !== null) continue;
      try {
        n += await this.update(team, contest, now);
      } catch (err) {
        this.deps.logger.error({ err, contest_id: contest.id }, "contest standings update failed");
      }
    }
    return n;
  }

  private async update(team: Team, contest: Contest, now: number): Promise<number> {
    const { contests } = this.deps.repos;
    // Cleared before reading: an entry stored while we edit marks it again for the next pass.
    contests.takeDirty(contest.id);
    const standings = liveStandingsDoc(computeStandings(this.deps, team, contest), now, team.locale);
    const html = docToHtml(standings);
    const hash = hashOf(html);
    if (contest.messageId === null || contest.chatId === null) return this.post(team, contest, standings, hash, now);
    if (hash === contest.shownHash) {
      contests.recordShown(contest.id, now, null);
      return 0;
    }
    const edited = await this.edit(contest.chatId, contest.messageId, standings);
    if (edited === "gone") {
      // Someone deleted it: posted again once, and the new id kept; no edit storm, no duplicates.
      this.deps.logger.info({ contest_id: contest.id }, "contest standings message was deleted: posting it again");
      return this.post(team, contest, standings, hash, now);
    }
    contests.recordShown(contest.id, now, edited === "failed" ? null : hash);
    return edited === "edited" ? 1 : 0;
  }

  /**
   * Edits the live message in place, as a rich message (native table) where the chat takes
   * one; "message is not modified" is success, a missing message is "gone".
   */
  private async edit(chatId: number, messageId: number, standings: Doc): Promise<"edited" | "same" | "gone" | "failed"> {
    try {
      const rich = hasTable(standings) ? docToRich(standings) : null;
      // A rich message has no link previews; the HTML form keeps them off.
      await editRichOrHtml(this.api, this.rich, chatId, messageId, rich, docToHtml(standings), {
        link_preview_options: { is_disabled: true },
      });
      return "edited";
    } catch (err) {
      const description = apiError(err);
      if (/message is not modified/i.test(description)) return "same";
      if (/message to edit not found|message can't be edited/i.test(description)) return "gone";
      this.deps.logger.warn({ chat_id: chatId, message_id: messageId, description }, "contest standings edit failed");
      return "failed";
    }
  }

  private async post(team: Team, contest: Contest, standings: Doc, hash: string, now: number): Promise<number> {
    const topic = readTeamSettings(team.settings).topicId;
    const rich = hasTable(standings) ? docToRich(standings) : null;
    const sent = await this.delivery.send({
      chatId: team.chatId,
      ...(topic ? { threadId: topic } : {}),
      html: docToHtml(standings),
      ...(rich ? { rich } : {}),
      label: `contest:${contest.id}`,
    });
    if (sent.status !== "sent" || sent.messageIds[0] === undefined) {
      // Tried again at the next pass (a group that removed the bot stops being tried).
      this.deps.repos.contests.recordShown(contest.id, now, null);
      return 0;
    }
    const messageId = sent.messageIds[0];
    const pinned = await this.pin(sent.chatId, messageId);
    this.deps.repos.contests.recordMessage(contest.id, { chatId: sent.chatId, messageId, pinned, at: now, hash });
    return 1;
  }

  /** Pins when the bot is allowed to (asked first, so a refusal is not provoked); any failure leaves it unpinned. */
  private async pin(chatId: number, messageId: number): Promise<boolean> {
    try {
      const me = await this.api.getChatMember(chatId, this.botId);
      const may = me.status === "creator" || (me.status === "administrator" && me.can_pin_messages === true);
      if (!may) return false;
      await this.api.pinChatMessage(chatId, messageId, { disable_notification: true });
      return true;
    } catch (err) {
      this.deps.logger.info({ chat_id: chatId, description: apiError(err) }, "contest standings not pinned");
      return false;
    }
  }

  private async finish(team: Team, contest: Contest, now: number): Promise<number> {
    const standings = computeStandings(this.deps, team, contest);
    // Claimed first: of two processes only one posts the result; the result is kept as it was at the end.
    if (!this.deps.repos.contests.finish(contest.id, now, freezeResult(standings))) return 0;
    const done = { ...standings, contest: { ...contest, status: "finished" as const } };
    const locale = team.locale;
    let n = 0;
    if (contest.chatId !== null && contest.messageId !== null) {
      if ((await this.edit(contest.chatId, contest.messageId, finalStandingsDoc(done, locale))) === "edited") n++;
      if (contest.pinned) await this.api.unpinChatMessage(contest.chatId, contest.messageId).catch(() => undefined);
    }
    if (team.chatUnreachableAt !== null) return n;
    const topic = readTeamSettings(team.settings).topicId;
    const base = { chatId: team.chatId, ...(topic ? { threadId: topic } : {}), label: `contest-final:${contest.id}` };
    const final = finalStandingsDoc(done, locale, true);
    const finalRich = hasTable(final) ? docToRich(final) : null;
    const text = await this.delivery.send({ ...base, html: docToHtml(final), ...(finalRich ? { rich: finalRich } : {}) });
    if (text.status !== "sent") return n;
    n++;
    const podium = contestPodium(done, locale);
    if (!podium) return n;
    const png = await podium.chart().catch((err: unknown) => {
      this.deps.logger.error({ err, contest_id: contest.id }, "contest podium chart failed");
      return null;
    });
    if (!png) return n;
    const photo = await this.delivery.send({
      ...base,
      chatId: text.chatId,
      html: escapeHtml(podium.caption),
      photo: { data: png, filename: "contest.png" },
    });
    return photo.status === "sent" ? n + 1 : n;
  }
}
