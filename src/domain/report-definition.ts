import { z } from "zod";
import { METRIC_KEYS, type MetricKey } from "./metrics.js";
import type { Grouping } from "./period-buckets.js";
import { parsePeriod } from "./period-parsing.js";
import type { Period } from "./types.js";

export type ReportGrouping = "manager" | Grouping | "auto";
/** The groupings a user picks from (in the builder's order); "auto" picks a time grouping by the period's length. */
export const REPORT_GROUPINGS = ["manager", "day", "week", "month"] as const satisfies readonly ReportGrouping[];

/** A report: which metrics, grouped how, over which period, sorted by what. */
export interface ReportDefinition {
  metrics: MetricKey[];
  grouping: ReportGrouping;
  /** Period as typed (`month`, `01.11–15.11`); resolved when the report runs. */
  period: string;
  sort: MetricKey | null;
}

export const reportDefinitionSchema = z.object({
  metrics: z.array(z.enum(METRIC_KEYS)).min(1).max(8),
  grouping: z.enum([...REPORT_GROUPINGS, "auto"]),
  period: z.string().min(1).max(40),
  sort: z.enum(METRIC_KEYS).nullable(),
});

export const BUILTIN_REPORTS = ["dynamics", "avgcheck", "conversion", "leadtime", "closetime", "proposals", "presentations"] as const;
export type BuiltinReport = (typeof BUILTIN_REPORTS)[number];

const BUILTIN_ALIASES = new Map<string, BuiltinReport>([
  ["dynamics", "dynamics"],
  ["динамика", "dynamics"],
  ["sales", "dynamics"],
  ["продажи", "dynamics"],
  ["avgcheck", "avgcheck"],
  ["avg_check", "avgcheck"],
  ["чек", "avgcheck"],
  ["средний_чек", "avgcheck"],
  ["conversion", "conversion"],
  ["конверсия", "conversion"],
  ["funnel", "conversion"],
  ["воронка", "conversion"],
  ["leadtime", "leadtime"],
  ["lead_time", "leadtime"],
  ["обработка", "leadtime"],
  ["closetime", "closetime"],
  ["close_time", "closetime"],
  ["закрытие", "closetime"],
  ["proposals", "proposals"],
  ["кп", "proposals"],
  ["presentations", "presentations"],
  ["презентации", "presentations"],
]);

export function parseBuiltinReport(word: string): BuiltinReport | null {
  return (
    BUILTIN_ALIASES.get(
      word
        .toLowerCase()
        .replace(/ё/g, "е")
        .replace(/[\s-]+/g, "_"),
    ) ?? null
  );
}

/** The catalogue's reports (docs/metrics.md) expressed as definitions (conversion is the funnel view). */
export function builtinDefinition(name: Exclude<BuiltinReport, "conversion">, period: string): ReportDefinition {
  switch (name) {
    case "dynamics":
      return { metrics: ["deals", "revenue"], grouping: "auto", period, sort: null };
    case "avgcheck":
      return { metrics: ["avg_check", "deals"], grouping: "auto", period, sort: null };
    case "leadtime":
      return { metrics: ["lead_time", "leads"], grouping: "manager", period, sort: "lead_time" };
    case "closetime":
      return { metrics: ["close_time", "deals"], grouping: "manager", period, sort: "close_time" };
    case "proposals":
      return { metrics: ["proposals", "meetings", "deals"], grouping: "manager", period, sort: "proposals" };
    case "presentations":
      return { metrics: ["presentations", "meetings", "deals"], grouping: "manager", period, sort: "presentations" };
  }
}

/** Days for up to a month, weeks up to a quarter, then months: a readable number of points. */
export function autoGrouping(period: Period): Grouping {
  const days = Math.round((period.to - period.from) / 86_400_000);
  return days <= 31 ? "day" : days <= 120 ? "week" : "month";
}

/** Saved-report names: short, one word, not a built-in report, a period or a command word. */
export function validReportName(name: string): boolean {
  return (
    /^[\p{L}\p{N}_-]{2,32}$/u.test(name) &&
    parseBuiltinReport(name) === null &&
    parsePeriod(name) === null &&
    !["new", "новый", "list"].includes(name.toLowerCase())
  );
}
