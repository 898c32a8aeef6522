import type { Team } from "../db/repositories/teams.js";
import { addMonths, type InputKind, inputFor, type MissingInput, monthAt } from "../domain/business-inputs.js";
import {
  allMissing,
  type BusinessContext,
  type BusinessMetricKey,
  computeBusiness,
  customersOf,
  isActiveAt,
} from "../domain/business-metrics.js";
import { readTeamSettings } from "../domain/team-settings.js";
import { DAY_MS } from "../domain/time.js";
import type { Period } from "../domain/types.js";
import type { AppDeps } from "./deps.js";

type TeamHistory = Pick<BusinessContext, "deals" | "inputs" | "costUserIds">;

/**
 * The last team history read per repositories, with the team's history version it was
 * read at. One reply reads KPIs several times (a period, each plan's period, the previous
 * period), and the next reply of the same team usually finds its history unchanged (a
 * call or a meeting logged, the inbox written): the team's deals of all time are read
 * again only when its deals, inputs or members changed. One team is kept.
 */
const historyCache = new WeakMap<AppDeps["repos"], { teamId: number; version: string; history: TeamHistory }>();

function teamHistory(deps: AppDeps, teamId: number): TeamHistory {
  const version = deps.repos.business.historyVersion(teamId);
  const hit = historyCache.get(deps.repos);
  if (hit && hit.teamId === teamId && hit.version === version) return hit.history;
  const history: TeamHistory = {
    deals: deps.repos.business.wonDeals(teamId),
    inputs: deps.repos.business.inputs(teamId),
    costUserIds: deps.repos.memberships
      .listTeam(teamId)
      .filter((m) => m.membership.role === "manager")
      .map((m) => m.user.id),
  };
  historyCache.set(deps.repos, { teamId, version, history });
  return history;
}

/** Drops the kept team history (the bench does this before each timed reply, as a write would). */
export function forgetTeamHistory(deps: AppDeps): void {
  historyCache.delete(deps.repos);
}

/**
 * What the business metrics need beyond a period's entries: the team's won deals
 * of all time (customers' history), the head's inputs, and whose costs make the
 * team's (its current managers); read once per database version (teamHistory).
 */
export function businessContext(deps: AppDeps, team: Team, subject: readonly number[] | null): BusinessContext {
  return {
    tz: team.timezone,
    ...teamHistory(deps, team.id),
    subject,
    asOf: deps.now(),
    activeDays: readTeamSettings(team.settings).activeCustomerDays,
  };
}

/** The inputs still needed for the business metrics of these people (or the team) over a period, each once. */
export function missingInputs(
  deps: AppDeps,
  team: Team,
  period: Period,
  subjects: readonly (readonly number[] | null)[],
  only?: readonly BusinessMetricKey[],
): MissingInput[] {
  const base = businessContext(deps, team, null);
  const out = new Map<string, MissingInput>();
  for (const subject of subjects) {
    const result = computeBusiness({ ...base, subject }, period);
    const lists = only ? only.flatMap((k) => result.missing[k]) : allMissing(result);
    for (const m of lists) out.set(`${m.kind}:${m.userId ?? ""}`, m);
  }
  return [...out.values()];
}

export type SetInputResult = { status: "saved"; month: string } | { status: "unknown_user"; username: string };

/**
 * Stores one input as a new row (history kept); costs name a manager of the team, by
 * @username (the one-line form) or by id (the guided flow's buttons: a manager may
 * have no username).
 */
export function setInput(
  deps: AppDeps,
  head: { team: Team; user: { id: number } },
  cmd: { kind: InputKind; value: number; month: string; username: string | null; userId?: number },
): SetInputResult {
  let userId: number | null = null;
  if (cmd.kind === "costs") {
    const { memberships } = deps.repos;
    const m =
      cmd.userId !== undefined
        ? memberships.listTeam(head.team.id).find((x) => x.user.id === cmd.userId)
        : cmd.username
          ? memberships.byUsername(head.team.id, cmd.username)
          : undefined;
    if (!m?.membership.active) return { status: "unknown_user", username: cmd.username ?? "" };
    userId = m.user.id;
  }
  deps.repos.business.setInput({
    teamId: head.team.id,
    kind: cmd.kind,
    month: cmd.month,
    userId,
    value: cmd.value,
    setBy: head.user.id,
    setAt: deps.now(),
  });
  deps.logger.info({ team_id: head.team.id, kind: cmd.kind, month: cmd.month }, "business input set");
  return { status: "saved", month: cmd.month };
}

/** One month's inputs as they hold (set that month or carried from an earlier one). */
export interface MonthInputs {
  month: string;
  market: number | null;
  margin: number | null;
  overhead: number | null;
  costs: { userId: number; name: string; username: string | null; value: number | null }[];
}

/** What holds for this and last month, for `/inputs` alone. */
export function inputsStatus(deps: AppDeps, team: Team): MonthInputs[] {
  const rows = deps.repos.business.inputs(team.id);
  const managers = deps.repos.memberships.listTeam(team.id).filter((m) => m.membership.role === "manager");
  const current = monthAt(deps.now(), team.timezone);
  return [current, addMonths(current, -1)].map((month) => ({
    month,
    market: inputFor(rows, "market", month),
    margin: inputFor(rows, "margin", month),
    overhead: inputFor(rows, "overhead", month),
    costs: managers.map((m) => ({
      userId: m.user.id,
      name: m.user.firstName,
      username: m.user.username,
      value: inputFor(rows, "costs", month, m.user.id),
    })),
  }));
}

/** A customer without a won deal for this many days is slipping away (`/clients`). */
export const SLIPPING_DAYS = 60;

export interface CustomerLine {
  name: string;
  deals: number;
  lastAt: number;
  active: boolean;
  repeat: boolean;
  slipping: boolean;
}

export interface ManagerCustomers {
  userId: number;
  name: string;
  customers: CustomerLine[];
}

/**
 * Each manager's customers (owned: they won the first deal), newest deal first,
 * with whether each is active, buys again, or is slipping away; for `/clients`.
 */
export function customersByManager(deps: AppDeps, team: Team, people: readonly { id: number; name: string }[]): ManagerCustomers[] {
  const ctx = businessContext(deps, team, null);
  const customers = customersOf(ctx.deals);
  const now = deps.now();
  return people.map((p) => ({
    userId: p.id,
    name: p.name,
    customers: customers
      .filter((c) => c.ownerId === p.id)
      .map((c) => {
        const lastAt = c.dealTimes[c.dealTimes.length - 1]!;
        return {
          name: c.name,
          deals: c.dealTimes.length,
          lastAt,
          active: isActiveAt(c, now + 1, ctx.activeDays),
          repeat: c.dealTimes.length >= 2,
          slipping: now - lastAt >= SLIPPING_DAYS * DAY_MS,
        };
      })
      .sort((a, b) => b.lastAt - a.lastAt),
  }));
}

/**
 * The inputs a snapshot's business values lack (each person and the total), for the
 * note under a table; `only` narrows it to the metrics shown.
 */
export function snapshotMissing(
  deps: AppDeps,
  snap: { team: Team; period: Period; people: readonly { user: { id: number } }[] },
  only?: readonly BusinessMetricKey[],
  onlyUserIds?: readonly number[],
): MissingInput[] {
  const subjects: (readonly number[] | null)[] = [...snap.people.map((p) => [p.user.id]), onlyUserIds ?? null];
  return missingInputs(deps, snap.team, snap.period, subjects, only);
}

/** Who a missing input names: @username, else the first name. */
export function inputPeople(deps: AppDeps, team: Team): Map<number, { username: string | null; firstName: string }> {
  return new Map(
    deps.repos.memberships.listTeam(team.id).map((m) => [m.user.id, { username: m.user.username, firstName: m.user.firstName }]),
  );
}
