// The benches' naive path: a team's period aggregated without any index (full scans
// of activities and lead_stages), KPIs computed in JS. The indexed paths must give the
// same numbers, and be faster by a wide margin (bench.ts, ratios.ts).

import type { BusinessContext } from "../domain/business-metrics.js";
import { computeKpisByUser, computeTeamKpis } from "../domain/kpi.js";
import type { ActivityRecord, LeadTimeline, Period } from "../domain/types.js";
import type { AppDeps } from "../services/deps.js";

/**
 * The team-month aggregation without any index: full scans of activities and
 * lead_stages (NOT INDEXED), leads fetched by rowid, KPIs computed in JS.
 */
export function naiveTeamMonth(
  sqlite: AppDeps["db"]["$client"],
  teamId: number,
  period: Period,
  userIds: number[],
  business?: BusinessContext,
) {
  const activities = sqlite
    .prepare(
      `select id, user_id as userId, kind, outcome, amount_minor as amountMinor, occurred_at as occurredAt,
              lead_id as leadId, client_name as clientName, lost_reason as lostReason
         from activities not indexed
        where team_id = ? and occurred_at >= ? and occurred_at < ? and deleted_at is null`,
    )
    .all(teamId, period.from, period.to) as ActivityRecord[];
  const timelines = sqlite
    .prepare(
      `with touched as materialized (
         select distinct lead_id from lead_stages not indexed where team_id = ? and entered_at >= ? and entered_at < ?
       ), history as (
         select lead_id,
                min(case when stage = 'new' then entered_at end) as newAt,
                min(case when stage = 'qualified' then entered_at end) as qualifiedAt,
                min(case when stage = 'meeting' then entered_at end) as meetingAt,
                min(case when stage = 'proposal' then entered_at end) as proposalAt,
                min(case when stage = 'won' then entered_at end) as wonAt,
                min(case when stage = 'lost' then entered_at end) as lostAt
           from lead_stages not indexed
          where team_id = ? and lead_id in touched
          group by lead_id
       )
       select l.id as leadId, l.owner_id as ownerId, l.client_name as clientName,
              coalesce(h.newAt, l.created_at) as registeredAt, h.qualifiedAt, h.meetingAt, h.proposalAt, h.wonAt, h.lostAt,
              l.lost_at_stage as lostAtStage, l.lost_reason as lostReason
         from history h join leads l not indexed on l.id = h.lead_id`,
    )
    .all(teamId, period.from, period.to, teamId) as LeadTimeline[];
  // The business metrics' context (customers' history, inputs) is the same both ways.
  const input = { activities, timelines, period, ...(business ? { business } : {}) };
  return {
    byUser: computeKpisByUser(input, userIds),
    total: computeTeamKpis(input),
    activities: activities.length,
    timelines: timelines.length,
  };
}
