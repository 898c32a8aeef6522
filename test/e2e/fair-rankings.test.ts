import { describe, expect } from "vitest";
import { e2e } from "../support/e2e.js";
import { type Harness, visibleText } from "../support/harness.js";
import { count, type TeamFixture } from "../support/team.js";

const test = e2e.extend({ startAt: "2026-06-25T09:00:00Z" }); // the team is set up in June

/**
 * The team is set up in June. Ivan closes 1 deal a month July–October and 2 on
 * 27.11 (a Friday); John 2 a month and 1 on 27.11. Пётр joins on 20.11 (a rookie)
 * and closes 3 on 27.11. Plans: Ivan 4 deals a month, John 1; Пётр none.
 */
async function history(h: Harness, t: TeamFixture, at: (iso: string) => number): Promise<ReturnType<typeof h.fake.user>> {
  for (const month of ["07", "08", "09", "10"]) {
    at(`2026-${month}-10T09:00:00Z`);
    await h.say(t.ivan, t.ivanChat, "/deal 10k Альфа");
    for (const c of ["Бета", "Гамма"]) await h.say(t.john, t.johnChat, `/deal 10k ${c}`);
  }
  at("2026-11-20T09:00:00Z");
  const petr = h.fake.user(103, { first_name: "Пётр", language_code: "ru" });
  await h.say(petr, h.fake.privateChat(petr), `/start ${t.inviteCode}`);
  at("2026-11-27T07:00:00Z"); // Friday 10:00 in Moscow
  for (const c of ["Дельта", "Эпсилон"]) await h.say(t.ivan, t.ivanChat, `/deal 10k ${c}`);
  await h.say(t.john, t.johnChat, "/deal 10k Зета");
  for (const c of ["Эта", "Тета", "Йота"]) await h.say(petr, h.fake.privateChat(petr), `/deal 10k ${c}`);
  await h.say(t.head, t.headChat, "/plan deals 4 month @ivan");
  await h.say(t.head, t.headChat, "/plan deals 1 month @john");
  at("2026-11-27T12:00:00Z"); // 15:00
  return petr;
}

describe("fair rankings", () => {
  test("/top fair ranks by % of own plan; no plan listed apart; rookies ranked apart on request", async ({ h, at, t }) => {
    await history(h, t, at);
    const plain = await h.say(t.ivan, t.ivanChat, "/top deals");
    expect(plain.text.indexOf("Пётр")).toBeLessThan(plain.text.indexOf("Иван"));

    const fair = await h.say(t.ivan, t.ivanChat, "/top fair сделки");
    expect(fair.text).toContain("Топ по выполнению своего плана: сделки");
    const lines = fair.text.split("\n");
    expect(lines[1]).toMatch(/^🥇 1\. John — 100% плана \(1 из 1\)$/);
    expect(lines[2]).toMatch(/^🥈 2\. Иван — 50% плана \(2 из 4\)$/);
    expect(fair.text).toMatch(/Без плана по этой метрике:\n▫️ Пётр — 3/);

    const rookies = await h.say(t.john, t.johnChat, "/top fair deals month rookies");
    expect(rookies.text).toMatch(/Rookies \(first 30 days in the team\):\n\nNo plan for this metric:\n▫️ Пётр — 3/);
    expect(rookies.text.split("Rookies")[0]).not.toContain("Пётр");

    // Plain /top with rookies: Пётр's 3 deals no longer lead the main ranking.
    const plainRookies = await h.say(t.ivan, t.ivanChat, "/top deals новички");
    const [main, rest] = plainRookies.text.split("Новички");
    expect(main).toMatch(/🥇 1\. Иван — 2\n🥈 2\. John — 1/);
    expect(rest).toContain("🥇 1. Пётр — 3");
  });

  test("/top improved ranks against the own average of the four earlier periods; less history apart", async ({ h, at, t }) => {
    await history(h, t, at);
    const r = await h.say(t.ivan, t.ivanChat, "/top improved deals");
    expect(r.text).toContain("Самый большой рост: сделки");
    const lines = r.text.split("\n");
    expect(lines[1]).toBe("🥇 1. Иван — 200% от обычного (2; в среднем 1)");
    expect(lines[2]).toBe("🥈 2. John — 50% от обычного (1; в среднем 2)");
    expect(r.text).toMatch(/Мало истории для сравнения[^\n]*\n▫️ Пётр — 3/);

    // Last month (October) against June–September: nobody was in the team on 01.06, so everyone is apart.
    const oct = await h.say(t.ivan, t.ivanChat, "/top improved deals lastmonth");
    const apart = oct.text.split("Мало истории для сравнения")[1]!;
    for (const line of ["▫️ Иван — 1", "▫️ John — 2", "▫️ Пётр — 0"]) expect(apart).toContain(line);
    expect(oct.text).not.toContain("🥇");

    const bad = await h.say(t.ivan, t.ivanChat, "/top improved колбаса");
    expect(bad.text).toContain("Неизвестная метрика «колбаса»");
    expect(bad.text).toContain("/top [fair|improved]");

    // Found by the fuzz suite: the four periods before a long or early range reach before any entry.
    for (const range of ["01.01.1971-02.01.1971", "01.01.2020-31.12.2025"]) {
      const long = await h.say(t.ivan, t.ivanChat, `/top improved ${range}`);
      expect(long.text).toContain(`«${range}» не подходит для /top improved`);
      expect(long.text).toContain("/top [fair|improved]");
    }
    const year = await h.say(t.ivan, t.ivanChat, "/top improved deals 01.01.2026-31.12.2026");
    expect(year.text).toContain("Самый большой рост: сделки");
  });

  test("/settings leaderboard fair switches the evening post to % of own plan", async ({ h, at, t }) => {
    await history(h, t, at);
    const bad = await h.say(t.head, t.headChat, "/settings leaderboard сильный");
    expect(bad.text).toContain("недопустимое значение для leaderboard");
    const manager = await h.say(t.ivan, t.ivanChat, "/settings leaderboard fair");
    expect(manager.text).toContain("Настройки команды меняет руководитель");
    const saved = await h.say(t.head, t.headChat, "/settings leaderboard fair");
    expect(saved.text).toContain("Рейтинг дня: по выполнению своего плана (fair)");

    at("2026-11-27T15:30:00Z"); // Friday 18:30
    await h.scheduler.runDue();
    const post = h.fake.calls
      .filter((c) => c.method === "sendMessage" && c.payload["chat_id"] === t.group.id)
      .map(visibleText)
      .at(-1)!;
    // Today's share of a monthly plan: 1/21 of it (November has 21 workdays). John 1 of 1/21 → 2100 %; Ivan 2 of 4/21 → 1050 %.
    expect(post).toMatch(/^🏁 Рейтинг дня по выполнению своего плана · Отдел продаж · сделки/);
    expect(post).toMatch(/🥇 1\. John — 2\s?100% плана \(1 из 0,05\)/);
    expect(post).toMatch(/🥈 2\. Иван — 1\s?050% плана \(2 из 0,19\)/);
    expect(post).toContain("▫️ Пётр — 3");
    expect(count(h, "select count(*) from posts where kind = 'evening'")).toBe(1);
  });
});
