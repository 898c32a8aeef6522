import { describe, expect, it } from "vitest";
import { bucketKey, bucketKeys } from "../../src/domain/period-buckets.js";
import type { PeriodSpec } from "../../src/domain/period-parsing.js";
import { resolvePeriod } from "../../src/domain/periods.js";
import type { Period } from "../../src/domain/types.js";

const utc = (iso: string) => Date.parse(iso);
const MSK = "Europe/Moscow";
// Thursday 26 Nov 2026, 12:00 in Moscow.
const NOW = utc("2026-11-26T09:00:00Z");

function resolve(spec: PeriodSpec | null, now: number, tz: string, weekStart?: number): Period {
  if (spec === null) throw new Error("spec did not parse");
  return resolvePeriod(spec, now, tz, weekStart === undefined ? {} : { weekStart });
}

describe("bucketKey / bucketKeys", () => {
  it("keys by local day, week start and month", () => {
    const ms = utc("2026-11-26T09:00:00Z");
    expect(bucketKey(ms, MSK, "day")).toBe("2026-11-26");
    expect(bucketKey(ms, MSK, "week")).toBe("2026-11-23");
    expect(bucketKey(ms, MSK, "week", 7)).toBe("2026-11-22");
    expect(bucketKey(ms, MSK, "month")).toBe("2026-11");
    const late = utc("2026-11-30T22:30:00Z");
    expect(bucketKey(late, MSK, "month")).toBe("2026-12");
    expect(bucketKey(late, "America/New_York", "month")).toBe("2026-11");
  });

  it("lists every bucket a period touches", () => {
    const november = resolve({ kind: "month" }, NOW, MSK);
    expect(bucketKeys(november, "week")).toEqual(["2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23", "2026-11-30"]);
    expect(bucketKeys(november, "month")).toEqual(["2026-11"]);
    expect(bucketKeys(november, "day").length).toBe(30);
    expect(bucketKeys(resolve({ kind: "quarter" }, NOW, MSK), "month")).toEqual(["2026-10", "2026-11", "2026-12"]);
  });
});
