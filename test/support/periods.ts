// The clock and zone the period tests share, and a resolver that fails loudly
// when the spec under test did not parse.
import type { PeriodSpec } from "../../src/domain/period-parsing.js";
import { resolvePeriod } from "../../src/domain/periods.js";
import type { Period } from "../../src/domain/types.js";

export const utc = (iso: string): number => Date.parse(iso);
export const MSK = "Europe/Moscow";
/** Thursday 26 Nov 2026, 12:00 in Moscow. */
export const NOW = utc("2026-11-26T09:00:00Z");

export function resolve(spec: PeriodSpec | null, now: number, tz: string, weekStart?: number): Period {
  if (spec === null) throw new Error("spec did not parse");
  return resolvePeriod(spec, now, tz, weekStart === undefined ? {} : { weekStart });
}
