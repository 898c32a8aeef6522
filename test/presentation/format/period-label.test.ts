import { describe, expect, it } from "vitest";
import { parsePeriod } from "../../../src/domain/period-parsing.js";
import { periodLabel } from "../../../src/presentation/format/period-label.js";
import { MSK, NOW, resolve, utc } from "../../support/periods.js";

describe("periodLabel", () => {
  it("labels every kind in both languages", () => {
    const month = resolve({ kind: "month" }, NOW, MSK);
    expect(periodLabel(month, "ru")).toBe("ноябрь 2026");
    expect(periodLabel(month, "en")).toBe("November 2026");
    const lastweek = resolve({ kind: "lastweek" }, NOW, MSK);
    expect(periodLabel(lastweek, "ru")).toBe("16.11–22.11");
    expect(periodLabel(lastweek, "en")).toBe("16.11–22.11");
    const today = resolve({ kind: "today" }, NOW, MSK);
    expect(periodLabel(today, "ru")).toBe("сегодня, 26.11");
    expect(periodLabel(today, "en")).toBe("today, 26.11");
    expect(periodLabel(resolve({ kind: "yesterday" }, NOW, MSK), "ru")).toBe("вчера, 25.11");
    const q = resolve({ kind: "quarter" }, NOW, MSK);
    expect(periodLabel(q, "ru")).toBe("4 кв. 2026");
    expect(periodLabel(q, "en")).toBe("Q4 2026");
    const y = resolve({ kind: "year" }, NOW, MSK);
    expect(periodLabel(y, "ru")).toBe("2026 год");
    expect(periodLabel(y, "en")).toBe("2026");
    expect(periodLabel(resolve(parsePeriod("15.11"), NOW, MSK), "en")).toBe("15.11");
    expect(periodLabel(resolve({ kind: "lastmonth" }, utc("2027-01-10T09:00:00Z"), MSK), "ru")).toBe("декабрь 2026");
  });

  it("shows years when a range crosses a New Year", () => {
    const r = resolve(parsePeriod("28.12.2026-03.01.2027"), NOW, MSK);
    expect(periodLabel(r, "ru")).toBe("28.12.2026–03.01.2027");
  });
});
