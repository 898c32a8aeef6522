import { describe, expect, it } from "vitest";
import type { Member } from "../../../src/db/repositories/users.js";
import type { KpiValues } from "../../../src/domain/kpi.js";
import { METRIC_KEYS } from "../../../src/domain/metrics.js";
import { HEAD_PRIVATE } from "../../../src/domain/trust-policy.js";
import { activitiesCsv, summaryCsv } from "../../../src/presentation/views/csv-export.js";

const values = (over: Partial<KpiValues>): KpiValues => ({
  ...(Object.fromEntries(METRIC_KEYS.map((k) => [k, null])) as KpiValues),
  ...over,
});

describe("CSV cells", () => {
  it("guards text that Excel would run as a formula, but leaves negative numbers numbers", () => {
    const csv = activitiesCsv(
      [
        {
          id: 1,
          userId: 7,
          kind: "lost",
          outcome: null,
          amountMinor: null,
          occurredAt: Date.parse("2026-11-20T09:00:00Z"),
          leadId: null,
          clientName: "=cmd|' /C calc'!A0",
          lostReason: "-дорого",
        },
      ],
      new Map([[7, "Иван"]]),
      "Europe/Moscow",
      "ru",
    );
    expect(csv).toContain(";'=cmd|' /C calc'!A0;");
    expect(csv).toContain(";'-дорого");
    // Return on sales of −25,2 %: a number Excel can sum, not the text "'-25,2".
    const person = { user: { id: 7, firstName: "Иван", lastName: null } } as unknown as Member;
    const summary = summaryCsv(
      [person],
      new Map([[7, values({ sales_margin: -25.2 })]]),
      values({ sales_margin: -25.2 }),
      "ru",
      HEAD_PRIVATE,
    );
    const row = summary.split("\r\n")[1]!.split(";");
    expect(row).toContain("-25,2");
    expect(summary).not.toContain("'-25,2");
  });
});
