import type { MetricKey, MetricParser } from "./metrics.js";
import type { PlanPeriod, PlanScope } from "./plans.js";

const PERIODS = new Map<string, PlanPeriod>([
  ["day", "day"],
  ["daily", "day"],
  ["день", "day"],
  ["сутки", "day"],
  ["ежедневно", "day"],
  ["week", "week"],
  ["weekly", "week"],
  ["неделя", "week"],
  ["неделю", "week"],
  ["month", "month"],
  ["monthly", "month"],
  ["месяц", "month"],
  ["quarter", "quarter"],
  ["квартал", "quarter"],
]);

const TEAM_WORDS = new Set(["all", "team", "все", "всем", "команда", "команде"]);

export function parsePlanPeriod(word: string): PlanPeriod | null {
  return PERIODS.get(word.toLowerCase()) ?? null;
}

export interface PlanCommand {
  metric: MetricKey;
  valueText: string;
  period: PlanPeriod;
  scope: PlanScope;
  /** For scope "user": the @username without "@". */
  username: string | null;
}

export type PlanCommandError = { error: "usage" } | { error: "metric"; word: string } | { error: "period"; word: string };

/** `/plan <metric> <value…> <period> [@username|all]`; the value may contain spaces ("1,5 млн"). */
export function parsePlanCommand(text: string, parseMetric: MetricParser): PlanCommand | PlanCommandError {
  const tokens = text.trim().split(/\s+/).filter(Boolean);
  if (tokens.length < 3) return { error: "usage" };
  let metric = parseMetric(tokens[0]!);
  let rest = tokens.slice(1);
  if (!metric && tokens.length >= 4) {
    metric = parseMetric(`${tokens[0]} ${tokens[1]}`);
    rest = tokens.slice(2);
  }
  if (!metric) return { error: "metric", word: tokens[0]! };
  let scope: PlanScope = "each";
  let username: string | null = null;
  const last = rest[rest.length - 1]!;
  if (last.startsWith("@") && last.length > 1) {
    scope = "user";
    username = last.slice(1);
    rest = rest.slice(0, -1);
  } else if (TEAM_WORDS.has(last.toLowerCase())) {
    scope = "team";
    rest = rest.slice(0, -1);
  }
  if (rest.length < 2) return { error: "usage" };
  const periodWord = rest[rest.length - 1]!;
  const period = parsePlanPeriod(periodWord);
  if (!period) return { error: "period", word: periodWord };
  return { metric, valueText: rest.slice(0, -1).join(" "), period, scope, username };
}
