import { describe, expect, it } from "vitest";
import { bucketKey, bucketKeys } from "../../src/domain/period-buckets.js";
import { MSK, NOW, resolve, utc } from "../support/periods.js";

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
