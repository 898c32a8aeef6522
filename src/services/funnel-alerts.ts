import type { Locale } from "../config.js";
import type { Team } from "../db/repositories/teams.js";
import { conversionDrops, decidedConversions } from "../domain/conversion-drop.js";
import { resolvePeriod } from "../domain/periods.js";
import { readTeamSettings } from "../domain/team-settings.js";
import { DAY_MS, HOUR_MS, localDate } from "../domain/time.js";
import type { Stage } from "../domain/types.js";
import type { AppDeps } from "./deps.js";
import { teamWeekStart } from "./team-settings.js";

/** A leak in the funnel, as data; the caller words it per reader. */
export type FunnelAlert =
  | { kind: "lead_new"; ownerId: number; clientName: string; hours: number }
  | { kind: "lead_stuck"; ownerId: number; clientName: string; stage: Stage; days: number }
  | { kind: "conversion_drop"; ownerId: null; stage: Stage; baseline: number; current: number };

/** Words an alert in a language; checkFunnel stores it in the team's language for the morning summary. */
export type AlertWording = (alert: FunnelAlert, locale: Locale) => string;

/**
 * Looks for leaks: leads waiting for a first contact too long, leads stuck in a
 * stage, and a stage whose conversion this week fell well below the 4-week
 * average. Each is recorded once per subject per local day; only new ones return.
 */
export function checkFunnel(deps: AppDeps, team: Team, now: number, wording: AlertWording): FunnelAlert[] {
  const s = readTeamSettings(team.settings);
  const day = localDate(now, team.timezone);
  const fired: FunnelAlert[] = [];
  const record = (subject: string, alert: FunnelAlert) => {
    if (deps.repos.posts.recordAlert(team.id, alert.kind, subject, day, wording(alert, team.locale), now)) fired.push(alert);
  };
  for (const lead of deps.repos.entries.openLeads(team.id)) {
    if (lead.stage === "new" && now - lead.createdAt > s.leadNewHours * HOUR_MS) {
      record(`lead:${lead.id}`, { kind: "lead_new", ownerId: lead.ownerId, clientName: lead.clientName, hours: s.leadNewHours });
    } else if (lead.stage !== "new" && now - lead.updatedAt > s.stuckDays * DAY_MS) {
      record(`lead:${lead.id}`, {
        kind: "lead_stuck",
        ownerId: lead.ownerId,
        clientName: lead.clientName,
        stage: lead.stage,
        days: s.stuckDays,
      });
    }
  }
  const week = resolvePeriod({ kind: "week" }, now, team.timezone, { weekStart: teamWeekStart(team) });
  const baselineFrom = week.from - 28 * DAY_MS;
  const timelines = deps.repos.entries.timelines(team.id, baselineFrom, now + 1);
  const drops = conversionDrops(
    decidedConversions(timelines, week.from, now + 1),
    decidedConversions(timelines, baselineFrom, week.from),
    s.conversionDropPoints,
  );
  for (const d of drops) {
    record(`stage:${d.stage}`, { kind: "conversion_drop", ownerId: null, stage: d.stage, baseline: d.baseline, current: d.current });
  }
  return fired;
}
