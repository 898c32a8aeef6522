import { describe, expect, it } from "vitest";
import { messages } from "../../../src/presentation/i18n/index.js";
import { plural } from "../../../src/presentation/i18n/plural.js";

const CALLS = { one: "звонок", few: "звонка", many: "звонков", other: "звонка" };

describe("plural", () => {
  it("follows Russian rules: one, few, many, and other for fractions", () => {
    const say = (n: number) => `${n} ${plural("ru", n, CALLS)}`;
    expect([1, 2, 5, 11, 12, 14, 21, 22, 25, 101, 111, 0].map(say)).toEqual([
      "1 звонок",
      "2 звонка",
      "5 звонков",
      "11 звонков",
      "12 звонков",
      "14 звонков",
      "21 звонок",
      "22 звонка",
      "25 звонков",
      "101 звонок",
      "111 звонков",
      "0 звонков",
    ]);
    expect(plural("ru", 1.5, CALLS)).toBe("звонка");
  });

  it("follows English rules and falls back to `other`", () => {
    expect(plural("en", 1, { one: "call", other: "calls" })).toBe("call");
    expect(plural("en", 0, { one: "call", other: "calls" })).toBe("calls");
    expect(plural("ru", 3, { other: "КП" })).toBe("КП");
  });

  it("words the translations' counts", () => {
    expect(messages.ru.posts.leadStuck("Acme", "встреча", 1)).toContain("больше 1 дня.");
    expect(messages.ru.posts.leadStuck("Acme", "встреча", 7)).toContain("больше 7 дней.");
    expect(messages.ru.posts.leadStuck("Acme", "встреча", 21)).toContain("больше 21 дня.");
    expect(messages.en.posts.leadStuck("Acme", "meeting", 1)).toContain("for over 1 day.");
    expect(messages.en.posts.leadStuck("Acme", "meeting", 7)).toContain("for over 7 days.");
    expect(messages.ru.reports.exportCaption("Записи", "ноябрь 2026", 2)).toBe("Записи · ноябрь 2026 · 2 строки");
    expect(messages.ru.reports.exportCaption("Записи", "ноябрь 2026", 25)).toBe("Записи · ноябрь 2026 · 25 строк");
    expect(messages.en.reports.exportCaption("Entries", "November 2026", 1)).toBe("Entries · November 2026 · 1 row");
  });
});
