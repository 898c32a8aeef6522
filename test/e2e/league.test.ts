import type { Chat, User } from "grammy/types";
import { describe, expect } from "vitest";
import { e2e } from "../support/e2e.js";
import { type Harness, visibleText } from "../support/harness.js";
import { count, type TeamFixture } from "../support/team.js";

const test = e2e.extend({ startAt: "2026-11-18T07:00:00Z" }); // Wednesday 10:00 in Moscow

const texts = (h: Harness, chatId: number) =>
  h.fake.calls.filter((c) => c.method === "sendMessage" && c.payload["chat_id"] === chatId && c.response.ok).map(visibleText);

interface TeamB {
  group: Chat;
  head: User;
  managers: User[];
}

/** A second, bigger team in English: Paul heads it; Mike, Ann, Bob and Kate are its managers. */
async function setUpTeamB(h: Harness): Promise<TeamB> {
  const head = h.fake.user(200, { first_name: "Paul", language_code: "en" });
  const group = h.fake.group(-2001, "Sales West");
  h.fake.setChatMember(group.id, head.id, "creator");
  await h.say(head, group, "/setup");
  const managers = ["Mike", "Ann", "Bob", "Kate"].map((name, i) => h.fake.user(201 + i, { first_name: name, language_code: "en" }));
  for (const m of managers) await h.say(m, group, "/join");
  return { group, head, managers };
}

/** Team A (2 managers): Ivan 3 deals, John 1 → 2 per manager. Team B (4): Mike 3, the others 1 each → 1,5. */
async function logDeals(h: Harness, a: TeamFixture, b: TeamB): Promise<void> {
  for (const c of ["А1", "А2", "А3"]) await h.say(a.ivan, a.ivanChat, `/deal 10k ${c}`);
  await h.say(a.john, a.johnChat, "/deal 10k J1");
  for (const c of ["M1", "M2", "M3"]) await h.say(b.managers[0]!, b.group, `/deal 10k ${c}`);
  for (const m of b.managers.slice(1)) await h.say(m, b.group, `/deal 10k X${m.id}`);
}

async function createAndJoin(h: Harness, a: TeamFixture, b: TeamB): Promise<string> {
  const created = await h.say(a.head, a.group, "/league create Северная лига");
  expect(created.text).toContain("Лига Северная лига создана");
  const code = /\/league join ([A-Z0-9]{8})/.exec(created.text)![1]!;
  const joined = await h.say(b.head, b.group, `/league join ${code.toLowerCase()}`);
  expect(joined.text).toContain("Your team is in the league Северная лига (2 teams)");
  return code;
}

describe("leagues", () => {
  test("ranks two teams of different sizes per manager; other teams' names only when their head allows", async ({ h, t: a }) => {
    const b = await setUpTeamB(h);
    await createAndJoin(h, a, b);
    const notice = await h.fake.waitForCall(
      (c) => c.method === "sendMessage" && c.payload["chat_id"] === a.group.id && String(c.payload["text"]).includes("вступила"),
    );
    expect(visibleText(notice)).toBe("🏟 Команда Sales West вступила в лигу Северная лига.");
    await logDeals(h, a, b);

    // Team B logged more deals (6 vs 4) but fewer per manager (1,5 vs 2).
    const table = await h.say(a.ivan, a.group, "/league сделки");
    const lines = table.text.split("\n");
    expect(lines[0]).toBe("🏟 Лига Северная лига · сделки на менеджера · ноябрь 2026");
    expect(lines[1]).toBe("🥇 1. Отдел продаж — 2 (2 активных менеджера)");
    expect(lines[2]).toBe("   ⭐ лучший: Иван — 3");
    expect(lines[3]).toBe("🥈 2. Sales West — 1,5 (4 активных менеджера)");
    expect(table.text).not.toMatch(/Mike|Ann|Bob|Kate/);
    expect(table.text).not.toContain("/league join"); // the code is for heads

    // Team B sees its own best manager, and nothing of Team A's people.
    const west = await h.say(b.managers[1]!, b.group, "/league deals");
    expect(west.text).toContain("⭐ best: Mike — 3");
    expect(west.text).toContain("Sales West — 1.5 (4 active managers)");
    expect(west.text).not.toMatch(/Иван|John/);

    // Paul lets other teams see his best manager; Olga does not.
    expect((await h.say(b.head, b.group, "/league names on")).text).toContain("now see your best manager's name");
    const after = await h.say(a.john, a.johnChat, "/league deals");
    expect(after.text).toContain("Sales West — 1.5 (4 active managers)\n   ⭐ best: Mike — 3");
    expect((await h.say(b.head, b.group, "/league names off")).text).toContain("see only your team's numbers");
    expect((await h.say(a.john, a.johnChat, "/league deals")).text).not.toContain("Mike");

    // A rate is the team's own value: conversion from the team's totals.
    await h.say(a.ivan, a.ivanChat, "/call встреча Омега");
    await h.say(a.john, a.johnChat, "/call недозвон Сигма");
    await h.say(b.managers[0]!, b.group, "/call meeting Omega");
    const rate = await h.say(a.ivan, a.ivanChat, "/league conversion");
    expect(rate.text).toContain("конверсия звонков по команде");
    expect(rate.text).toContain("🥇 1. Sales West — 100% (по команде)");
    expect(rate.text).toContain("🥈 2. Отдел продаж — 50% (по команде)");
    // By % of the team's plan: Team A has a team plan of 8 deals this month (4 = 50 %); Team B none.
    await h.say(a.head, a.headChat, "/plan deals 8 month all");
    const plan = await h.say(a.head, a.headChat, "/league plan deals");
    expect(plan.text).toContain("% плана: сделки");
    expect(plan.text).toContain("🥇 1. Отдел продаж — 50% (4 из 8)");
    expect(plan.text).toMatch(/Без плана команды по этой метрике:\n▫️ Sales West/);
    expect(plan.text).toMatch(/Код для других команд: \/league join [A-Z0-9]{8}/);
  });

  test("posts last week's league to every member team's group on Monday, each in its language, and stops after leaving", async ({
    h,
    at,
    t: a,
  }) => {
    const b = await setUpTeamB(h);
    await createAndJoin(h, a, b);
    await logDeals(h, a, b);

    at("2026-11-23T06:05:00Z"); // Monday 09:05 in Moscow
    await h.scheduler.runDue();
    const ru = texts(h, a.group.id).filter((x) => x.includes("прошлая неделя"));
    const en = texts(h, b.group.id).filter((x) => x.includes("last week"));
    expect(ru).toHaveLength(1);
    expect(en).toHaveLength(1);
    expect(ru[0]).toMatch(/^🏟 Лига Северная лига, прошлая неделя · сделки на менеджера/);
    expect(ru[0]).toContain("🥇 1. Отдел продаж — 2 (2 активных менеджера)");
    expect(ru[0]).not.toContain("Mike");
    expect(en[0]).toMatch(/^🏟 League Северная лига, last week · deals per manager/);
    expect(en[0]).toContain("🥈 2. Sales West — 1.5 (4 active managers)\n   ⭐ best: Mike — 3");
    expect(en[0]).not.toContain("Иван");
    await h.scheduler.runDue();
    expect(count(h, "select count(*) from posts where kind = 'league'")).toBe(2);

    // Paul leaves: his group gets nothing next Monday, and Olga's league of one posts nothing.
    expect((await h.say(b.head, b.group, "/league leave")).text).toContain("Your team left the league Северная лига");
    expect((await h.say(b.managers[0]!, b.group, "/league")).text).toContain("Your team is in no league");
    at("2026-11-30T06:05:00Z");
    await h.scheduler.runDue();
    expect(count(h, "select count(*) from posts where kind = 'league'")).toBe(2);
    const table = await h.say(a.head, a.headChat, "/league");
    expect(table.text).not.toContain("Sales West");
    expect(table.text).toContain("В лиге пока только ваша команда");
  });

  test("refuses a manager, a bad or missing code, a second league, leaving when in none; stores nothing", async ({ h, t: a }) => {
    const b = await setUpTeamB(h);
    expect((await h.say(a.ivan, a.ivanChat, "/league create Моя")).text).toContain("только руководителю");
    expect((await h.say(b.head, b.group, "/league leave")).text).toContain("Your team is in no league");
    expect((await h.say(b.head, b.group, "/league names on")).text).toContain("Your team is in no league");
    expect((await h.say(a.ivan, a.group, "/league")).text).toContain("Ваша команда не в лиге");
    expect((await h.say(a.head, a.group, `/league create ${"x".repeat(41)}`)).text).toContain("от 1 до 40 символов");
    expect(count(h, "select count(*) from leagues")).toBe(0);

    const code = await createAndJoin(h, a, b);
    expect((await h.say(a.john, a.johnChat, `/league join ${code}`)).text).toContain("Only a head of sales can use /league");
    expect((await h.say(b.head, b.group, "/league join ZZZZ2222")).text).toContain("No league has the code «ZZZZ2222»");
    expect((await h.say(b.head, b.group, "/league join")).text).toContain("Which league?");
    expect((await h.say(b.head, b.group, `/league join ${code}`)).text).toContain("already in the league Северная лига");
    expect((await h.say(a.head, a.headChat, "/league create Вторая")).text).toContain("уже в лиге Северная лига");
    expect((await h.say(a.head, a.headChat, "/league names maybe")).text).toContain("/league names on");
    expect((await h.say(a.ivan, a.ivanChat, "/league колбаса")).text).toContain("Неизвестная метрика «колбаса»");
    expect(count(h, "select count(*) from leagues")).toBe(1);
    expect(count(h, "select count(*) from league_teams")).toBe(2);
  });
});
