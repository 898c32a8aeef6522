import cron, { type ScheduledTask } from "node-cron";
import type { Locale } from "../config.js";
import { type ClaimedPost, POST_LEASE_MS } from "../db/repositories/posts.js";
import type { Team } from "../db/repositories/teams.js";
import type { Delivery, DeliveryOutcome, Outgoing } from "../delivery/index.js";
import { readTeamSettings, readUserSettings, type TeamSettings } from "../domain/team-settings.js";
import { formatLocal } from "../domain/time.js";
import { type Audience, HEAD_PRIVATE, TEAM_GROUP } from "../domain/trust-policy.js";
import { hasTable } from "../presentation/document/model.js";
import { docToRich } from "../presentation/document/render.js";
import { escapeHtml } from "../presentation/html.js";
import { messages, pickLocale } from "../presentation/i18n/index.js";
import { renderCoachingNote, renderCoachingOverview } from "../presentation/views/coaching-view.js";
import { funnelAlertText } from "../presentation/views/funnel-alert-text.js";
import { renderMorningSummary } from "../presentation/views/morning-summary-view.js";
import { standingLine } from "../presentation/views/plan-progress.js";
import type { PostContent } from "../presentation/views/post-content.js";
import { coachingOverview, weeklyCoachingNotes } from "../services/coaching.js";
import type { AppDeps } from "../services/deps.js";
import { checkFunnel } from "../services/funnel-alerts.js";
import { detectSinceLastWorkday, openFlagCount } from "../services/gaming-flags.js";
import { buildMorningSummary, type MorningSummary } from "../services/morning-summary.js";
import { plansBehindPace } from "../services/pace-nudge.js";
import { localDayBounds } from "../services/record-entry.js";
import { CelebrationRunner } from "./celebrations.js";
import type { ContestBoard } from "./contest-board.js";
import { CrmRunner } from "./crm-runner.js";
import { cronExpressions, dueSlots, type Slot } from "./due-posts.js";
import { leaguePost } from "./league-post.js";
import { buildEveningLeaderboard, buildWeeklyPodium } from "./post-builders.js";

/** The post with its chart rendered at most once, however many chats it goes to. */
function memoChart(content: PostContent): PostContent {
  if (!content.chart) return content;
  const render = content.chart;
  let png: Promise<Buffer> | undefined;
  return { ...content, chart: () => (png ??= render()) };
}

/** An open quiz run is reminded once, when less than this is left before its deadline. */
const QUIZ_REMINDER_MS = 24 * 60 * 60 * 1000;

/** Teams whose due posts are built and sent at the same time. */
const TEAM_CONCURRENCY = 64;

interface Target {
  key: string;
  chatId: number;
  threadId?: number;
  locale: Locale;
  userId?: number;
  /** In a group: the one person who sees the post (an ephemeral message). */
  ephemeralTo?: number;
}

/**
 * Speaks first: posts each team's summaries, leaderboards, nudges and funnel
 * alerts at the team's local times. Every post is recorded (team, kind, local
 * date, target) before it is sent, so a restart never posts twice; a post missed
 * while the bot was down goes out at start-up if its window is still open.
 * node-cron only wakes it up; what is due is decided by `dueSlots` from `now`.
 */
export class PostScheduler {
  private tasks = new Map<number, ScheduledTask[]>();
  private sweeper: ScheduledTask | null = null;
  /** Contests' live standings: a pass every minute (edits are debounced per contest). */
  private contestTicker: ScheduledTask | null = null;
  private readonly contests: ContestBoard | null;
  private celebrationTick: ScheduledTask | null = null;
  private crmTick: ScheduledTask | null = null;
  /** CRM reconciles and their alerts (ticks every 15 s; each connection syncs every CRM_POLL_SECONDS). */
  readonly crm: CrmRunner;
  /** Month-end badges and bundled badge announcements (ticks every 20 s). */
  readonly celebrations: CelebrationRunner;
  private running = new Set<Promise<unknown>>();
  /** Posts this process has claimed and is sending. */
  private sending = new Set<number>();
  private readonly leaseMs: number;
  private startedAt: number | null = null;
  private lastRunAt: number | null = null;

  constructor(
    private readonly deps: AppDeps,
    private readonly delivery: Delivery,
    options: { leaseMs?: number; contests?: ContestBoard } = {},
  ) {
    this.leaseMs = options.leaseMs ?? POST_LEASE_MS;
    this.contests = options.contests ?? null;
    this.celebrations = new CelebrationRunner(deps, delivery);
    this.crm = new CrmRunner(deps, delivery);
  }

  /**
   * For the health check: started, not stopped, and a run began within two sweeps
   * (a sweep runs every 5 minutes, so a later one means the timers stopped firing).
   */
  health(now = Date.now()): { alive: boolean; lastRunAt: number | null } {
    const alive = this.startedAt !== null && this.lastRunAt !== null && now - this.lastRunAt < 11 * 60_000;
    return { alive, lastRunAt: this.lastRunAt };
  }

  /** Registers every team's jobs and sends what was missed. */
  start(): Promise<number> {
    this.startedAt = Date.now();
    for (const team of this.deps.repos.teams.all()) this.schedule(team);
    // A safety net: anything a trigger missed (a settings change, a clock jump) within 5 minutes.
    this.sweeper = cron.schedule("*/5 * * * *", () => void this.track("due posts", this.runDue(), 0), {
      name: "kpi-sweeper",
      noOverlap: true,
    });
    if (this.contests) {
      this.contestTicker = cron.schedule("* * * * *", () => void this.runContests(), { name: "kpi-contests", noOverlap: true });
    }
    this.celebrationTick = cron.schedule("*/20 * * * * *", () => void this.track("celebrations", this.celebrations.run(), 0), {
      name: "kpi-celebrations",
      noOverlap: true,
    });
    this.crmTick = cron.schedule("*/15 * * * * *", () => void this.runCrm(), { name: "kpi-crm", noOverlap: true });
    return this.track("due posts", this.runDue(), 0);
  }

  /** CRM reconciles due at `now` and alerts owed; returns alerts sent. */
  runCrm(now = this.deps.now()): Promise<number> {
    return this.track("CRM tick", this.crm.tick(now), 0);
  }

  /** Re-reads a team's settings (time zone, times, workdays) and reschedules it. */
  refresh(teamId: number): void {
    for (const task of this.tasks.get(teamId) ?? []) void task.destroy();
    this.tasks.delete(teamId);
    const team = this.deps.repos.teams.byId(teamId);
    if (team) this.schedule(team);
  }

  async stop(): Promise<void> {
    this.startedAt = null;
    for (const list of this.tasks.values()) for (const task of list) await task.destroy();
    this.tasks.clear();
    await this.sweeper?.destroy();
    await this.contestTicker?.destroy();
    await this.celebrationTick?.destroy();
    await this.crmTick?.destroy();
    await Promise.allSettled([...this.running]);
    await this.delivery.idle();
  }

  /** Posts, edits and finishes contests' live standings due at `now`; returns messages sent or edited. */
  runContests(now = this.deps.now()): Promise<number> {
    return this.contests ? this.track("contests", this.contests.tick(now), 0) : Promise.resolve(0);
  }

  /** The cron jobs registered for a team (for /settings and tests). */
  jobsOf(teamId: number): string[] {
    return (this.tasks.get(teamId) ?? []).map((t) => t.name ?? "");
  }

  /** Sends every post due at `now` (all teams, or some); returns how many messages went out. */
  async runDue(now = this.deps.now(), teamIds?: number[]): Promise<number> {
    this.lastRunAt = Date.now();
    const teams = teamIds ? teamIds.flatMap((id) => this.deps.repos.teams.byId(id) ?? []) : this.deps.repos.teams.all();
    // Teams run side by side so the delivery queue always holds work for many chats and
    // can fill Telegram's overall rate; the pool bounds how much is built ahead of sending.
    let sent = 0;
    let next = 0;
    const worker = async () => {
      while (next < teams.length) {
        // Read `sent` only after the await: the workers add to it in turn.
        const n = await this.runTeam(teams[next++]!, now);
        sent += n;
      }
    };
    await Promise.all(Array.from({ length: Math.min(TEAM_CONCURRENCY, teams.length) }, worker));
    if (!teamIds) sent += await this.quizDeadlines(now);
    return sent;
  }

  /**
   * Quiz deadlines: runs past their deadline are closed (later answers count for
   * nothing), and each open run gets one reminder in its last day. The reminder is
   * claimed in the database before it is sent, so it never repeats.
   */
  private async quizDeadlines(now: number): Promise<number> {
    const { quizzes, users, teams } = this.deps.repos;
    quizzes.closeExpired(now);
    const out: Outgoing[] = [];
    for (const run of quizzes.claimReminders(now + QUIZ_REMINDER_MS, now)) {
      const quiz = quizzes.byId(run.quizId);
      const user = users.byId(run.userId);
      const team = teams.byId(run.teamId);
      if (!quiz || !user || !team || user.blockedAt !== null) continue;
      const locale = pickLocale(user.settings["language"], user.languageCode, team.locale);
      const deadline = formatLocal(run.deadlineAt, team.timezone, "DD.MM.YYYY HH:mm");
      out.push({
        chatId: user.id,
        html: messages[locale].coaching.quiz.reminder(escapeHtml(quiz.name), deadline),
        label: `quiz:${run.id}`,
      });
    }
    const outcomes = await this.delivery.sendMany(out);
    return outcomes.filter((o) => o.status === "sent").length;
  }

  private async runTeam(team: Team, now: number): Promise<number> {
    const settings = readTeamSettings(team.settings);
    let sent = 0;
    for (const slot of dueSlots(settings, team.timezone, now)) {
      try {
        sent += await this.runSlot(team, settings, slot, now);
      } catch (err) {
        this.deps.logger.error({ err, team_id: team.id, slot }, "scheduled post failed");
      }
    }
    return sent;
  }

  private schedule(team: Team): void {
    const settings = readTeamSettings(team.settings);
    const list = cronExpressions(settings).map(({ kind, expression }) =>
      cron.schedule(expression, () => void this.track("due posts", this.runDue(this.deps.now(), [team.id]), 0), {
        timezone: team.timezone,
        name: `team-${team.id}-${kind}`,
        noOverlap: true,
      }),
    );
    this.tasks.set(team.id, list);
  }

  /**
   * Every job the timers (or start-up) fire goes through here: awaited by `stop()`, and a
   * rejection is logged and answered with `fallback`, never left to end the process.
   */
  private track<T>(job: string, p: Promise<T>, fallback: T): Promise<T> {
    const tracked: Promise<T> = p
      .catch((err: unknown) => {
        this.deps.logger.error({ err, job }, "scheduled job failed");
        return fallback;
      })
      .finally(() => this.running.delete(tracked));
    this.running.add(tracked);
    return tracked;
  }

  private groupTarget(team: Team, settings: TeamSettings): Target | null {
    if (team.chatUnreachableAt !== null) return null;
    return { key: "group", chatId: team.chatId, ...(settings.topicId ? { threadId: settings.topicId } : {}), locale: team.locale };
  }

  private headTargets(team: Team): Target[] {
    return this.deps.repos.memberships
      .listTeam(team.id)
      .filter((m) => m.membership.role === "head" && m.user.blockedAt === null)
      .map((m) => ({
        key: `head:${m.user.id}`,
        chatId: m.user.id,
        userId: m.user.id,
        locale: pickLocale(m.user.settings["language"], m.user.languageCode, team.locale),
      }));
  }

  private targets(team: Team, settings: TeamSettings, to: ("head" | "group")[]): Target[] {
    const out: Target[] = [];
    if (to.includes("head")) out.push(...this.headTargets(team));
    const group = to.includes("group") ? this.groupTarget(team, settings) : null;
    if (group) out.push(group);
    return out;
  }

  /**
   * Claims a post for this process. A claim whose lease ran out while this process
   * is still sending it (a long wait behind rate limits) stays ours: not sent twice.
   */
  private claim(teamId: number, kind: string, localDate: string, target: string, now: number): ClaimedPost | null {
    const claimed = this.deps.repos.posts.claim(teamId, kind, localDate, target, now, this.leaseMs);
    if (!claimed || this.sending.has(claimed.id)) return null;
    this.sending.add(claimed.id);
    return claimed;
  }

  /**
   * Claims, builds and sends one post to one target; 0 when it was already posted. A
   * build that finds nothing to say (null) marks the post skipped: decided once a day.
   */
  private async post(team: Team, slot: Slot, target: Target, now: number, build: (locale: Locale) => PostContent | null): Promise<number> {
    const claimed = this.claim(team.id, slot.key, slot.localDate, target.key, now);
    if (claimed === null) return 0;
    try {
      return await this.deliverPost(team, slot, target, claimed, build);
    } finally {
      this.sending.delete(claimed.id);
    }
  }

  /**
   * Sends what an earlier attempt did not: each part's message id is recorded as
   * soon as Telegram answers, so a retry after a crash skips what reached the chat.
   */
  private async deliverPost(team: Team, slot: Slot, target: Target, claimed: ClaimedPost, build: (locale: Locale) => PostContent | null) {
    const { posts } = this.deps.repos;
    const content = build(target.locale);
    if (content === null) {
      posts.finish(claimed.id, "skipped", this.deps.now());
      return 0;
    }
    const base = {
      chatId: target.chatId,
      ...(target.threadId ? { threadId: target.threadId } : {}),
      ...(target.ephemeralTo !== undefined ? { ephemeralTo: target.ephemeralTo } : {}),
      label: `${slot.key}:${team.id}:${target.key}`,
    };
    const outcomes: DeliveryOutcome[] = [];
    let chatId = target.chatId;
    // Drawn (in the chart process) while the text goes out.
    const chart =
      content.chart && claimed.chartMessageId === null
        ? content.chart().catch((err: unknown) => {
            this.deps.logger.error({ err, team_id: team.id }, "chart render failed");
            return null;
          })
        : null;
    if (claimed.messageIds.length === 0) {
      const rich = content.doc && hasTable(content.doc) ? docToRich(content.doc) : null;
      // Recorded the moment Telegram answers: a crash right after never sends it again.
      const text = await this.delivery.send({
        ...base,
        html: content.html,
        ...(rich ? { rich } : {}),
        onPartSent: (id) => posts.recordDelivered(claimed.id, { text: [id] }),
      });
      outcomes.push(text);
      if (text.status === "sent") chatId = text.chatId;
    }
    const textReached = claimed.messageIds.length > 0 || outcomes[0]?.status === "sent";
    const png = chart && textReached ? await chart : null;
    if (png) {
      const photo = await this.delivery.send({
        ...base,
        chatId,
        html: escapeHtml(content.caption),
        photo: { data: png, filename: `${slot.kind}.png` },
        // Part 0 is the photo (a caption too long for it follows as part 1).
        onPartSent: (id, part) => {
          if (part === 0) posts.recordDelivered(claimed.id, { chart: id });
        },
      });
      outcomes.push(photo);
    }
    const failed = outcomes.find((o) => o.status !== "sent");
    posts.finish(
      claimed.id,
      failed ? "failed" : "sent",
      this.deps.now(),
      failed && "description" in failed ? failed.description : undefined,
    );
    return outcomes.filter((o) => o.status === "sent").length;
  }

  /** The same post to several targets at once (head and group wait on different chat limits). */
  private async postAll(team: Team, slot: Slot, targets: Target[], now: number, build: (locale: Locale) => PostContent): Promise<number> {
    // Head and group usually read the same language: build (and chart) once per language.
    const built = new Map<Locale, PostContent>();
    const once = (locale: Locale) => built.get(locale) ?? built.set(locale, memoChart(build(locale))).get(locale)!;
    const counts = await Promise.all(targets.map((target) => this.post(team, slot, target, now, once)));
    return counts.reduce((a, b) => a + b, 0);
  }

  private async runSlot(team: Team, settings: TeamSettings, slot: Slot, now: number): Promise<number> {
    switch (slot.kind) {
      case "summary": {
        // The numbers are read once, however many languages the targets read.
        let summary: MorningSummary | undefined;
        const targets = this.targets(team, settings, settings.summaryTo);
        // Detection runs when a head's copy is first built (claimed), not on every sweep of the window.
        let flags: number | undefined;
        const openFlags = () => (flags ??= this.detectFlags(team, now));
        const heads = targets.filter((x) => x.userId !== undefined);
        const others = targets.filter((x) => x.userId === undefined);
        // Heads' copies carry the flags line, so their text is built apart from the
        // group's; the chart is still drawn once per language.
        const charts = new Map<Locale, PostContent["chart"]>();
        const build = (l: Locale, audience: Audience, openFlags = 0): PostContent => {
          summary ??= buildMorningSummary(this.deps, team, now);
          const content = renderMorningSummary(summary, l, audience, { openFlags });
          if (!charts.has(l)) charts.set(l, memoChart(content).chart);
          return { ...content, chart: charts.get(l)! };
        };
        const [toHeads, toOthers] = await Promise.all([
          this.postAll(team, slot, heads, now, (l) => build(l, HEAD_PRIVATE, openFlags())),
          // A copy with no one person as its reader is the group's: read by every member.
          this.postAll(team, slot, others, now, (l) => build(l, TEAM_GROUP)),
        ]);
        return toHeads + toOthers;
      }
      case "evening":
        return this.postAll(team, slot, this.targets(team, settings, settings.leaderboardTo), now, (l) =>
          buildEveningLeaderboard(this.deps, team, now, l),
        );
      case "weekly": {
        const podium = await this.postAll(team, slot, this.targets(team, settings, settings.leaderboardTo), now, (l) =>
          buildWeeklyPodium(this.deps, team, now, l),
        );
        return podium + (await this.coaching(team, slot, now));
      }
      case "nudge":
        return this.nudge(team, slot, now);
      case "checks":
        return this.checks(team, settings, slot, now);
      case "league": {
        // To the team's group only, in the team's language; nothing for a team in no league.
        const build = leaguePost(this.deps, team, now);
        const group = this.groupTarget(team, settings);
        return build && group ? this.postAll(team, slot, [group], now, build) : 0;
      }
    }
  }

  /**
   * The daily anti-gaming detection, run with the heads' morning summary (the days
   * since the previous working day); returns the open flags for the heads' line. A
   * failure here must not hold the summary back.
   */
  private detectFlags(team: Team, now: number): number {
    try {
      detectSinceLastWorkday(this.deps, team, now);
      return openFlagCount(this.deps, team);
    } catch (err) {
      this.deps.logger.error({ err, team_id: team.id }, "flag detection failed");
      return 0;
    }
  }

  /**
   * With the weekly podium: each manager who is behind on something gets a private
   * coaching note (unless they turned it off), and heads get "who needs coaching on
   * what". Claimed per person under the week's first-workday date: at most one a week.
   */
  private async coaching(team: Team, slot: Slot, now: number): Promise<number> {
    const users = new Map(this.deps.repos.memberships.listTeam(team.id).map((m) => [m.user.id, m.user]));
    const noteSlot: Slot = { ...slot, key: "coaching" };
    const notes = weeklyCoachingNotes(this.deps, team, now).flatMap((note) => {
      const user = users.get(note.userId);
      if (!user || user.blockedAt !== null || !readUserSettings(user.settings).coaching) return [];
      const target = {
        key: `user:${user.id}`,
        chatId: user.id,
        locale: pickLocale(user.settings["language"], user.languageCode, team.locale),
      };
      return [this.post(team, noteSlot, target, now, (l) => ({ html: renderCoachingNote(note, l), chart: null, caption: "" }))];
    });
    const overview = this.postAll(team, { ...slot, key: "coaching-heads" }, this.headTargets(team), now, (l) => ({
      html: renderCoachingOverview(coachingOverview(this.deps, team, now), l),
      chart: null,
      caption: "",
    }));
    return (await Promise.all([...notes, overview])).reduce((a, b) => a + b, 0);
  }

  /**
   * The evening reminder (unless a manager turned it off): to a manager who logged
   * nothing today, that; to one behind plan pace, their plan lines. Each manager's
   * nudge is claimed before it is decided, so at most one a day, whichever it is.
   */
  private async nudge(team: Team, slot: Slot, now: number): Promise<number> {
    const settings = readTeamSettings(team.settings);
    // In the group (a team setting), each nudge is seen only by its manager; the private chat stays the default.
    const inGroup = settings.nudgeTo === "group" && team.chatUnreachableAt === null;
    // What the nudge may show is what its one reader may see where it lands.
    const audience: Audience = { role: "manager", channel: inGroup ? "ephemeral" : "private" };
    const day = localDayBounds(now, team.timezone);
    const active = new Set(this.deps.repos.entries.activities(team.id, day.from, day.to).map((a) => a.userId));
    const posts = this.deps.repos.memberships
      .listTeam(team.id)
      .filter((m) => m.membership.role === "manager" && m.user.blockedAt === null && readUserSettings(m.user.settings).nudge)
      .map((m) => {
        const locale = pickLocale(m.user.settings["language"], m.user.languageCode, team.locale);
        const target: Target = inGroup
          ? {
              key: `user:${m.user.id}`,
              chatId: team.chatId,
              ...(settings.topicId ? { threadId: settings.topicId } : {}),
              locale,
              ephemeralTo: m.user.id,
            }
          : { key: `user:${m.user.id}`, chatId: m.user.id, locale };
        const name = escapeHtml(m.user.firstName);
        return this.post(team, slot, target, now, (l) => {
          if (!active.has(m.user.id)) return { html: messages[l].posts.nudge(name), chart: null, caption: "" };
          const behind = plansBehindPace(this.deps, team, m.user.id, now, audience);
          if (behind.length === 0) return null;
          const lines = behind.map((s) => escapeHtml(standingLine(s, l)));
          return { html: messages[l].posts.paceNudge(name, lines), chart: null, caption: "" };
        });
      });
    return (await Promise.all(posts)).reduce((a, b) => a + b, 0);
  }

  /** Hourly funnel check: lead alerts go to their owners, conversion drops to the team. */
  private async checks(team: Team, settings: TeamSettings, slot: Slot, now: number): Promise<number> {
    const claimed = this.claim(team.id, slot.key, slot.localDate, "team", now);
    if (claimed === null) return 0;
    try {
      return await this.sendChecks(team, settings, now, claimed.id);
    } finally {
      this.sending.delete(claimed.id);
    }
  }

  private async sendChecks(team: Team, settings: TeamSettings, now: number, id: number): Promise<number> {
    const fired = checkFunnel(this.deps, team, now, funnelAlertText);
    const messagesOut: Outgoing[] = [];
    const users = new Map(this.deps.repos.memberships.listTeam(team.id).map((m) => [m.user.id, m.user]));
    for (const alert of fired) {
      if (alert.ownerId !== null) {
        const owner = users.get(alert.ownerId);
        if (!owner || owner.blockedAt !== null) continue;
        const locale = pickLocale(owner.settings["language"], owner.languageCode, team.locale);
        messagesOut.push({ chatId: owner.id, html: funnelAlertText(alert, locale), label: `alert:${team.id}` });
      } else {
        for (const target of this.targets(team, settings, settings.alertsTo)) {
          messagesOut.push({
            chatId: target.chatId,
            ...(target.threadId ? { threadId: target.threadId } : {}),
            html: funnelAlertText(alert, target.locale),
            label: `alert:${team.id}`,
          });
        }
      }
    }
    const outcomes = await this.delivery.sendMany(messagesOut);
    this.deps.repos.posts.finish(id, "sent", this.deps.now());
    return outcomes.filter((o) => o.status === "sent").length;
  }
}
