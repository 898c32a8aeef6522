// Team battles across groups (issue 9): what a league ranks teams by, so that a team
// of 3 can beat a team of 12. Pure; the service reads each team's numbers.

import { METRICS, type MetricKey } from "./metrics.js";

/**
 * A team's league value: a count or money metric as the team total per active
 * manager (someone who logged at least one entry in the period; none → no value);
 * a rate or time metric as the team's own value, already computed from its totals.
 */
export function leagueValue(metric: MetricKey, teamValue: number | null, activeManagers: number): number | null {
  if (!METRICS[metric].summable) return teamValue;
  return teamValue === null || activeManagers === 0 ? null : teamValue / activeManagers;
}

/** The league name a head types: 1–40 characters once spaces are collapsed; null otherwise. */
export function parseLeagueName(text: string): string | null {
  const name = text.replace(/\s+/g, " ").trim();
  return name.length >= 1 && Array.from(name).length <= 40 ? name : null;
}
