import { MAX_PERIOD_YEARS, type PeriodRefusal } from "../../domain/period-bounds.js";
import { echo } from "../html.js";
import type { Messages } from "../i18n/index.js";

/** Why a typed period was not taken, in HTML (the caller adds the command's form). */
export function periodRefusalText(t: Messages, refusal: PeriodRefusal, typed: string): string {
  switch (refusal.kind) {
    case "unknown":
      return t.reports.badPeriod(echo(typed));
    case "too_long":
      return t.reports.periodTooLong(MAX_PERIOD_YEARS);
    case "too_many_points":
      return t.reports.tooManyRows(refusal.points, refusal.maxPoints);
    case "too_many_entries":
      return refusal.file
        ? t.reports.exportTooLarge(refusal.entries, refusal.maxEntries)
        : t.reports.tooManyEntries(refusal.entries, refusal.maxEntries);
  }
}
