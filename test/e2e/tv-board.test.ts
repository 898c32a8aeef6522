// The TV board's JSON through the bot's own HTTP app: each manager's progress to the
// plan (a personal plan over the each-manager one), today's deals newest first with
// amounts but no clients, the running contest, the month and today side by side.
import { describe, expect } from "vitest";
import type { Harness } from "../support/harness.js";
import { api, e2eWeb, type WebServer } from "../support/miniapp.js";
import type { TeamFixture } from "../support/team.js";

// Friday 20 November 2026, 12:00 in Moscow (the team's time zone).
const test = e2eWeb.extend({ startAt: "2026-11-20T09:00:00Z" });

const norm = (v: unknown) => JSON.parse(JSON.stringify(v).replace(/[\u00A0\u202F]/g, " "));

async function board(h: Harness, t: TeamFixture, web: WebServer): Promise<{ status: number; body: ReturnType<typeof norm> }> {
  const reply = (await h.say(t.head, t.headChat, "/tv")).text;
  const token = /\/tv\/([A-Za-z0-9_-]+)/.exec(reply)![1]!;
  const r = await api(web, `/tv/api/${token}`, null);
  return { status: r.status, body: norm(r.body) };
}

describe("TV board JSON", () => {
  test("shows plans per manager, today's deals as they land, the running contest and the leaderboard", async ({ h, clock, t, web }) => {
    // Yesterday's deal counts for the month, not for today.
    clock.now = Date.parse("2026-11-19T09:00:00Z");
    await h.say(t.john, t.johnChat, "/deal 70k Старый");
    clock.now = Date.parse("2026-11-20T07:30:00Z");
    await h.say(t.ivan, t.ivanChat, "/deal 120 000 Ромашка");
    clock.now = Date.parse("2026-11-20T08:05:00Z");
    await h.say(t.ivan, t.ivanChat, "/deal 300k Вектор");
    clock.now = Date.parse("2026-11-20T08:40:00Z");
    await h.say(t.john, t.johnChat, "/deal 50k Acme");
    clock.now = Date.parse("2026-11-20T09:00:00Z");
    for (const c of ["/plan deals 4 month", "/plan deals 3 month @john", "/plan deals 10 month all", "/plan cac 9000 month"])
      expect((await h.say(t.head, t.headChat, c)).text).toMatch(/✅|План|план/);
    expect((await h.say(t.head, t.headChat, "/contest new Спринт сделки 20.11 27.11 Ужин")).text).toContain("Спринт");

    const { status, body } = await board(h, t, web);
    expect(status).toBe(200);
    expect(body.team).toBe("Отдел продаж");
    expect(body.plans.title).toMatch(/^План: сделки · ноябрь/);
    expect(body.plans.team).toMatchObject({ name: "Команда", text: "4 / 10", pct: 40 });
    // Furthest ahead first; John's own plan (3) wins over the one for each manager (4).
    expect(body.plans.rows).toEqual([
      expect.objectContaining({ name: "John", text: "2 / 3", pct: 67, status: "behind" }),
      expect.objectContaining({ name: "Иван", text: "2 / 4", pct: 50, status: "at_risk" }),
    ]);
    // The 20th is the 15th of 21 workdays in November: a cumulative plan is due 15/21 = 71 % by now (±1 for today's share).
    expect(body.plans.rows[0].due).toBeGreaterThanOrEqual(66);
    expect(body.plans.rows[0].due).toBeLessThanOrEqual(72);
    expect(body.deals.total).toBe("3 сделки · 470 тыс. ₽");
    expect(body.deals.rows).toEqual([
      { time: "11:40", name: "John", text: "50 тыс. ₽" },
      { time: "11:05", name: "Иван", text: "300 тыс. ₽" },
      { time: "10:30", name: "Иван", text: "120 тыс. ₽" },
    ]);
    expect(body.contest.title).toBe("Спринт");
    // Friday 12:00 to the end of Friday the 27th in Moscow: 7 days 12 hours left.
    expect(body.contest.when).toBe("Конкурс · сделки · 20.11–27.11 · осталось 7 д 12 ч");
    expect(body.contest.rows).toEqual([
      { place: 1, name: "Иван", text: "2" },
      { place: 2, name: "John", text: "1" },
    ]);
    // Equal on deals this month: one place, revenue orders the rows.
    expect(body.leaderboard.rows).toEqual([
      { place: 1, name: "Иван", month: "2", today: "2" },
      { place: 1, name: "John", month: "2", today: "1" },
    ]);
    // Who and how much, never the client; no ids, no prize.
    const text = JSON.stringify(body);
    for (const hidden of ["Ромашка", "Вектор", "Acme", "Ужин", "userId"]) expect(text).not.toContain(hidden);

    // A new deal is on the next poll, first in the list.
    clock.now = Date.parse("2026-11-20T09:10:00Z");
    await h.say(t.ivan, t.ivanChat, "/deal 25k Сигма");
    const next = (await board(h, t, web)).body;
    expect(next.deals.rows[0]).toEqual({ time: "12:10", name: "Иван", text: "25 тыс. ₽" });
    expect(next.deals.total).toBe("4 сделки · 495 тыс. ₽");
  });

  test("builds one link's board at most once in 5 s for every request, and stops a revoked link at once", async ({ h, clock, t, web }) => {
    await h.say(t.ivan, t.ivanChat, "/deal 120k Ромашка");
    const first = await board(h, t, web);
    expect(first.body.deals.total).toBe("1 сделка · 120 тыс. ₽");
    const token = /\/tv\/([A-Za-z0-9_-]+)/.exec((await h.say(t.head, t.headChat, "/tv")).text)![1]!;
    // A second deal within the 5 s waits for the next board; polling faster changes nothing.
    clock.now += 4_000;
    await h.say(t.john, t.johnChat, "/deal 50k Acme");
    for (let i = 0; i < 3; i++) expect(norm((await api(web, `/tv/api/${token}`, null)).body)).toEqual(first.body);
    clock.now += 1_000;
    expect(norm((await api(web, `/tv/api/${token}`, null)).body).deals.total).toBe("2 сделки · 170 тыс. ₽");
    // A revoked link answers 404 at once, whatever was built for it.
    await h.say(t.head, t.headChat, "/tv revoke");
    expect((await api(web, `/tv/api/${token}`, null)).status).toBe(404);
  });

  test("shows a squads contest as its squads, each valued like a team", async ({ h, t, web }) => {
    await h.say(t.ivan, t.ivanChat, "/deal 10k А");
    await h.say(t.ivan, t.ivanChat, "/deal 10k Б");
    await h.say(t.john, t.johnChat, "/deal 10k В");
    const team = h.deps.repos.teams.byChatId(t.group.id)!;
    const created = h.deps.repos.contests.create(
      {
        teamId: team.id,
        name: "Команды",
        nameKey: "команды",
        metric: "deals",
        kind: "squads",
        startDate: "2026-11-20",
        endDate: "2026-11-22",
        startAt: Date.parse("2026-11-19T21:00:00Z"),
        endAt: Date.parse("2026-11-22T21:00:00Z"),
        prize: "",
        createdBy: t.head.id,
      },
      [
        { name: "Север", userIds: [t.john.id] },
        { name: "Юг", userIds: [t.ivan.id] },
      ],
    );
    expect(created.ok).toBe(true);
    const { body } = await board(h, t, web);
    expect(body.contest.title).toBe("Команды");
    expect(body.contest.rows).toEqual([
      { place: 1, name: "Юг", text: "2" },
      { place: 2, name: "Север", text: "1" },
    ]);
  });

  test("with no plan, no deal today and no contest running, says so and shows the leaderboard alone", async ({ h, t, web }) => {
    expect((await h.say(t.head, t.headChat, "/contest new Потом сделки 25.11 27.11")).text).toContain("Потом");
    const { body } = await board(h, t, web);
    expect(body.plans).toBeNull();
    expect(body.contest).toBeNull();
    expect(body.deals).toEqual({ title: "Сделки сегодня", total: "Сегодня сделок ещё нет. Первая уже в пути.", rows: [], more: null });
    expect(body.leaderboard.rows.map((r: { name: string }) => r.name).sort()).toEqual(["John", "Иван"]);
  });

  test("cuts long names and long lists to what fits the screen, counting the rest", async ({ h, clock, t, web }) => {
    const long = h.fake.user(150, { first_name: "Александра-Виктория Константинопольская", language_code: "ru" });
    await h.say(long, t.group, "/join");
    for (let i = 0; i < 7; i++) await h.say(long, h.fake.privateChat(long), `/deal ${i + 1}0k Клиент${i}`);
    const { body } = await board(h, t, web);
    expect(body.deals.rows).toHaveLength(12 - 5);
    expect(body.deals.more).toBeNull();
    expect(body.leaderboard.rows[0].name).toBe("Александра-Виктор…");
    expect(Array.from(body.leaderboard.rows[0].name as string)).toHaveLength(18);
    for (let i = 7; i < 14; i++) await h.say(long, h.fake.privateChat(long), `/deal ${i + 1}0k Клиент${i}`);
    clock.now += 5_000; // the next board, not the one the last request built
    expect((await board(h, t, web)).body.deals).toMatchObject({ total: "14 сделок · 1,05 млн ₽", more: "+ ещё 2" });
  });
});
