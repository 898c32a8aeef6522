import { describe, expect, it } from "vitest";
import type { Contest } from "../../../src/db/repositories/contests.js";
import { visibleLength } from "../../../src/presentation/html.js";
import { contestDates, renderFinalStandings, renderLiveStandings } from "../../../src/presentation/views/contest-view.js";
import type { ContestStandings, StandingLine } from "../../../src/services/contests.js";

const START = Date.parse("2026-11-30T21:00:00Z"); // 01.12 00:00 in Moscow
const END = Date.parse("2026-12-15T21:00:00Z"); // 15.12 24:00

function contest(over: Partial<Contest> = {}): Contest {
  return {
    ...{ id: 1, teamId: 1, name: "Спринт", nameKey: "спринт", metric: "revenue", kind: "individual", prize: "Ужин" },
    ...{ startDate: "2026-12-01", endDate: "2026-12-15", startAt: START, endAt: END, status: "active" },
    ...{ chatId: null, messageId: null, pinned: false, lastEditAt: null, dirtyAt: null, shownHash: null, result: null },
    ...{ createdBy: 1, createdAt: 0, finishedAt: null },
    ...over,
  };
}

const line = (name: string, value: number | null, place: number | null, gap: number | null, former = false): StandingLine => ({
  name,
  value,
  place,
  gap,
  ...(former ? { former: true } : {}),
});

describe("contest standings view", () => {
  it("shows rank, value, the gap to the leader, the leader's lead and the time left; names are escaped", () => {
    const s: ContestStandings = {
      contest: contest(),
      metric: "revenue",
      rows: [line("Иван", 15_000_000, 1, 0), line("<b>Bob</b>", 5_000_000, 2, 10_000_000, true), line("Вера", 0, 3, 15_000_000)],
      squads: [],
    };
    const html = renderLiveStandings(s, START + 2 * 86_400_000 + 3 * 3_600_000, "ru");
    expect(html).toContain("📅 01.12–15.12 · ⏳ осталось 12 д 21 ч");
    expect(html).toMatch(/🥇 1\. Иван — 150\s000\s₽\n/);
    expect(html).toMatch(/🥈 2\. &lt;b&gt;Bob&lt;\/b&gt; † — 50\s000\s₽ \(−100\s000\s₽\)/);
    expect(html).toMatch(/👑 Лидер: Иван · отрыв 100\s000\s₽/);
    expect(renderLiveStandings(s, START - 3_600_000, "en")).toContain("🕒 starts in 1h");
  });

  it("shows squads with their totals, then members; the final text names shared winners", () => {
    const s: ContestStandings = {
      contest: contest({ kind: "squads", metric: "deals", status: "finished" }),
      metric: "deals",
      rows: [],
      squads: [
        { ...line("Север", 4, 1, 0), members: [line("Иван", 3, 1, 0), line("Пётр", 1, 2, 2)] },
        { ...line("Юг", 4, 1, 0), members: [line("John", 4, 1, 0)] },
      ],
    };
    const html = renderFinalStandings(s, "ru", true);
    expect(html).toMatch(/^🏁 <b>Конкурс «Спринт» завершён!<\/b>/);
    expect(html).toContain("🏆 Победители (делят первое место): Север, Юг");
    expect(html).toContain("🥇 1. <b>Север</b> — 4\n      Иван — 3\n      Пётр — 1\n🥇 1. <b>Юг</b> — 4\n      John — 4");
  });

  it("fits one message however many people take part", () => {
    const rows = Array.from({ length: 400 }, (_, i) => line(`${"Очень длинное имя ".repeat(3)}${i}`, 400 - i, i + 1, i));
    const html = renderLiveStandings({ contest: contest({ metric: "deals" }), metric: "deals", rows, squads: [] }, START, "ru");
    expect(visibleLength(html)).toBeLessThanOrEqual(4096);
    expect(html).toContain("… и ещё 370");
  });

  it("writes the years only when a contest crosses a New Year", () => {
    expect(contestDates({ startDate: "2026-12-20", endDate: "2027-01-10" })).toBe("20.12.2026–10.01.2027");
    expect(contestDates({ startDate: "2026-12-20", endDate: "2026-12-20" })).toBe("20.12");
  });
});
