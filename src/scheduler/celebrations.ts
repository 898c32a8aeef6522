import type { Team } from "../db/repositories/teams.js";
import type { Delivery } from "../delivery/index.js";
import { resolvePeriod } from "../domain/periods.js";
import { readTeamSettings } from "../domain/team-settings.js";
import { renderAnnouncement } from "../presentation/views/badge-view.js";
import type { AppDeps } from "../services/deps.js";
import { awardMonthEnd } from "../services/motivation.js";
import { teamWeekStart } from "../services/team-settings.js";

/** Badges awarded within this long of the first pending one go out as one post. */
export const BUNDLE_MS = 60_000;
/** A claimed announcement not recorded as sent within this long belongs to a dead process. */
const ANNOUNCE_LEASE_MS = 3 * 60_000;

/**
 * The motivation side of the scheduler, run every few seconds: awards the
 * month-end badges once a team's month is over, and posts pending badge
 * announcements to each team's group, bundled. Both live in SQLite (the awards
 * and their announce state; the month check is claimed in `posts`), so a crash
 * loses nothing and a restart posts nothing twice.
 */
export class CelebrationRunner {
  /** Team months already checked by this process: the database is asked once per team and month. */
  private checked = new Set<string>();
  private running: Promise<number> | undefined;

  constructor(
    private readonly deps: AppDeps,
    private readonly delivery: Delivery,
  ) {}

  /** One round; concurrent calls share it. Resolves with the posts sent. */
  run(now = this.deps.now()): Promise<number> {
    this.running ??= this.round(now).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async round(now: number): Promise<number> {
    for (const team of this.deps.repos.teams.all()) {
      try {
        this.monthEnd(team, now);
      } catch (err) {
        this.deps.logger.error({ err, team_id: team.id }, "month-end badges failed");
      }
    }
    let sent = 0;
    for (const teamId of this.deps.repos.awards.teamsToAnnounce(now, BUNDLE_MS, ANNOUNCE_LEASE_MS)) {
      sent += await this.announce(teamId, now);
    }
    return sent;
  }

  /** The finished month's best day and biggest deal, once per team and month. */
  private monthEnd(team: Team, now: number): void {
    const last = resolvePeriod({ kind: "lastmonth" }, now, team.timezone, { weekStart: teamWeekStart(team) });
    const key = `${team.id}:${last.startDate}`;
    if (this.checked.has(key)) return;
    const claimed = this.deps.repos.posts.claim(team.id, "month-badges", last.startDate, "team", now);
    this.checked.add(key);
    if (!claimed) return;
    const awarded = awardMonthEnd(this.deps, team, last, now);
    this.deps.repos.posts.finish(claimed.id, "sent", now);
    if (awarded.length > 0) this.deps.logger.info({ team_id: team.id, month: last.startDate, badges: awarded.length }, "month-end badges");
  }

  private async announce(teamId: number, now: number): Promise<number> {
    const { awards, teams, memberships } = this.deps.repos;
    const rows = awards.claimAnnouncements(teamId, now, ANNOUNCE_LEASE_MS);
    if (rows.length === 0) return 0;
    const ids = rows.map((r) => r.id);
    const team = teams.byId(teamId);
    if (!team || team.chatUnreachableAt !== null) {
      awards.finishAnnouncements(ids, "failed", null);
      return 0;
    }
    const names = new Map(memberships.listTeam(team.id).map((m) => [m.user.id, m.user.firstName]));
    const topic = readTeamSettings(team.settings).topicId;
    const outcome = await this.delivery.send({
      chatId: team.chatId,
      ...(topic ? { threadId: topic } : {}),
      html: renderAnnouncement(rows, names, team.locale),
      label: `badges:${team.id}`,
    });
    const ok = outcome.status === "sent";
    awards.finishAnnouncements(ids, ok ? "sent" : "failed", ok ? (outcome.messageIds[0] ?? null) : null);
    return ok ? 1 : 0;
  }
}
