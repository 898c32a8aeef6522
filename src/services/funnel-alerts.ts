import type { Locale } from "../config.js";
import type { Team } from "../db/repositories/teams.js";
import { conversionDrops, decidedConversions } from "../domain/conversion-drop.js";
import { resolvePeriod } from "../domain/periods.js";
import { readTeamSettings } from "../domain/team-settings.js";
import { DAY_MS, HOUR_MS, localDate } from "../domain/time.js";
import { escapeHtml } from "../presentation/html.js";
import { messages } from "../presentation/i18n/index.js";
import type { AppDeps } from "./deps.js";
import { teamWeekStart } from "./team-settings.js";

export interface FiredAlert {
  kind: "lead_new" | "lead_stuck" | "conversion_drop";
  /** The owner to nudge privately (lead alerts). */
  ownerId: number | null;
  /** Localised HTML, per language. */
  text: Record<Locale, string>;
}

const both = (f: (l: Locale) => string): Record<Locale, string> => ({ ru: f("ru"), en: f("en") });

/**
 * Looks for leaks: leads waiting for a first contact too long, leads stuck in a
 * stage, and a stage whose conversion this week fell well below the 4-week
 * average. Each is recorded once per subject per local day; only new ones return.
 */
export function checkFunnel(deps: AppDeps, team: Team, now: number): FiredAlert[] {
  const s = readTeamSettings(team.settings);
  const day = localDate(now, team.timezone);
  const fired: FiredAlert[] = [];
  const record = (kind: FiredAlert["kind"], subject: string, alert: Omit<FiredAlert, "kind">) => {
    if (deps.repos.posts.recordAlert(team.id, kind, subject, day, alert.text[team.locale], now)) fired.push({ kind, ...alert });
  };
  for (const lead of deps.repos.entries.openLeads(team.id)) {
    const client = escapeHtml(lead.clientName);
    if (lead.stage === "new" && now - lead.createdAt > s.leadNewHours * HOUR_MS) {
      record("lead_new", `lead:${lead.id}`, {
        ownerId: lead.ownerId,
        text: both((l) => messages[l].posts.leadNew(client, s.leadNewHours)),
      });
    } else if (lead.stage !== "new" && now - lead.updatedAt > s.stuckDays * DAY_MS) {
      record("lead_stuck", `lead:${lead.id}`, {
        ownerId: lead.ownerId,
        text: both((l) => messages[l].posts.leadStuck(client, messages[l].stage[lead.stage], s.stuckDays)),
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
    record("conversion_drop", `stage:${d.stage}`, {
      ownerId: null,
      text: both((l) => messages[l].posts.drop(messages[l].stage[d.stage], Math.round(d.baseline), Math.round(d.current))),
    });
  }
  return fired;
}
