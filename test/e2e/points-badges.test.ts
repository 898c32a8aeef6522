// Points, streaks, holidays, badges and plan milestones end to end, through the
// fake Bot API with a fake clock (Wednesday 25 November 2026, 13:00 in Moscow).
import { describe, expect } from "vitest";
import { e2e } from "../support/e2e.js";
import { type Harness, type Reply, visibleText } from "../support/harness.js";
import { count } from "../support/team.js";

const test = e2e.extend({ startAt: "2026-11-25T10:00:00Z" });

const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

const teamSettings = (h: Harness) =>
  String((h.deps.db.$client.prepare("select settings from teams").get() as { settings: string }).settings);

/** The reactions the bot set, as [message_id, emoji], once `n` of them arrived. */
async function reactions(h: Harness, chatId: number, n: number): Promise<[number, string][]> {
  const ok = (c: (typeof h.fake.calls)[number]) => c.method === "setMessageReaction" && c.payload["chat_id"] === chatId && c.response.ok;
  await expect.poll(() => h.fake.calls.filter(ok).length).toBeGreaterThanOrEqual(n);
  return h.fake.calls
    .filter((c) => c.method === "setMessageReaction" && c.payload["chat_id"] === chatId && c.response.ok)
    .map((c) => [c.payload["message_id"] as number, c.payload["reaction"][0].emoji as string]);
}

/**
 * What followed an entry's reply in its chat: the congratulation the after-reply
 * queue sends (the harness waits for the queue before `say` resolves), or "".
 */
function followUp(h: Harness, reply: Reply): string {
  const at = h.fake.calls.indexOf(reply.call);
  return sentTo(h, reply.call.payload["chat_id"] as number, at + 1).join("\n");
}

/** Messages the bot sent to a chat after `mark`. */
function sentTo(h: Harness, chatId: number, after: number): string[] {
  return h.fake.calls
    .slice(after)
    .filter((c) => c.method === "sendMessage" && c.payload["chat_id"] === chatId && c.response.ok)
    .map(visibleText);
}

describe("points", () => {
  test("are a metric in /me and /top points week, recounted with the head's weights", async ({ h, t }) => {
    await h.say(t.ivan, t.ivanChat, "/call встреча Ромашка"); // 3
    await h.say(t.ivan, t.ivanChat, "/deal 50k Ромашка"); // 20
    await h.say(t.john, t.johnChat, "/call"); // 1
    const me = await h.say(t.ivan, t.ivanChat, "/me");
    expect(me.text).toMatch(/очки\s+23/);
    expect(me.text).toContain("🔥 Серия: 1 рабочий день подряд");

    const top = await h.say(t.ivan, t.ivanChat, "/top points week");
    expect(top.text).toMatch(/^🏆 Топ: очки · /);
    expect(top.text).toMatch(/🥇 1\. Иван — 23\n🥈 2\. John — 1/);
    expect((await h.say(t.john, t.johnChat, "/top очки")).text).toMatch(/🥇 1\. Иван — 23/);

    const saved = await h.say(t.head, t.headChat, "/settings points deal 25 звонок_встреча 4");
    expect(saved.text).toContain("✅ Очки за записи сохранены.");
    expect(saved.text).toContain("сделка (deal): 25");
    expect((await h.say(t.ivan, t.ivanChat, "/me")).text).toMatch(/очки\s+29/);
    // An undone entry takes its points back.
    await h.say(t.ivan, t.ivanChat, "/undo");
    expect((await h.say(t.ivan, t.ivanChat, "/me")).text).toMatch(/очки\s+4/);
  });

  test("refuses weights from a manager and bad weights from the head, storing nothing", async ({ h, t }) => {
    const before = teamSettings(h);
    const manager = await h.say(t.ivan, t.ivanChat, "/settings points call 5");
    expect(manager.text).toBe("Очки за записи и праздники команды меняет руководитель.");
    const view = await h.say(t.john, t.johnChat, "/settings points");
    expect(view.text).toContain("call (call): 1");
    for (const [line, reason] of [
      ["call 1001", "«1001» — не вес"],
      ["call -1", "«-1» — не вес"],
      ["revenue 2", "«revenue» — за это очки не начисляются"],
      ["deal 25 call", "«» — не вес"],
    ] as const) {
      const reply = await h.say(t.head, t.headChat, `/settings points ${line}`);
      expect(reply.text).toContain(reason);
      expect(reply.text).toContain("/settings points call 2 deal 25 meeting_call 4");
    }
    expect(teamSettings(h)).toBe(before);
  });
});

describe("holidays and streaks", () => {
  test("sets, shows and clears holidays (head only); a holiday does not break a streak", async ({ h, t }) => {
    const manager = await h.say(t.ivan, t.ivanChat, "/settings holidays 24.11.2026");
    expect(manager.text).toBe("Очки за записи и праздники команды меняет руководитель.");
    const bad = await h.say(t.head, t.headChat, "/settings holidays 01.01–08.01, 31.02");
    expect(bad.text).toContain("«31.02» — не дата");
    expect(teamSettings(h)).not.toContain("holidays");

    const saved = await h.say(t.head, t.headChat, "/settings праздники 01.01–08.01, 23.02, 08.03, 24.11.2026");
    expect(saved.text).toContain("✅ Праздники команды сохранены.");
    expect(saved.text).toContain("01.01–08.01, 23.02, 08.03, 24.11.2026");
    expect((await h.say(t.john, t.johnChat, "/settings holidays")).text).toContain("01.01–08.01, 23.02, 08.03, 24.11.2026");

    // Fri 20, Mon 23, (Tue 24 is the holiday), Wed 25 today.
    await h.say(t.ivan, t.ivanChat, "/call", { date: seconds("2026-11-20T08:00:00Z") });
    await h.say(t.ivan, t.ivanChat, "/call", { date: seconds("2026-11-23T08:00:00Z") });
    expect((await h.say(t.ivan, t.ivanChat, "/me")).text).toContain("🔥 Серия: 2 рабочих дня подряд");
    await h.say(t.ivan, t.ivanChat, "/call");
    expect((await h.say(t.ivan, t.ivanChat, "/me")).text).toContain("🔥 Серия: 3 рабочих дня подряд");

    const cleared = await h.say(t.head, t.headChat, "/settings holidays clear");
    expect(cleared.text).toContain("✅ Праздники команды убраны.");
    // Without the holiday, Tuesday without entries breaks it: only today counts.
    expect((await h.say(t.ivan, t.ivanChat, "/me")).text).toContain("🔥 Серия: 1 рабочий день подряд");
  });

  test("awards the 5-day streak badge once", async ({ h, t }) => {
    for (const day of ["2026-11-19", "2026-11-20", "2026-11-23", "2026-11-24"]) {
      await h.say(t.john, t.johnChat, "/call", { date: seconds(`${day}T08:00:00Z`) });
    }
    const fifth = await h.say(t.john, t.johnChat, "/call");
    expect(fifth.text).not.toContain("New badge");
    expect(followUp(h, fifth)).toBe("🏅 New badge: 🔥 5 workdays in a row");
    const sixth = await h.say(t.john, t.johnChat, "/meeting");
    expect(followUp(h, sixth)).toBe("");
    expect(count(h, "select count(*) from awards where code = 'streak_5'")).toBe(1);
  });
});

describe("badges", () => {
  test("announces badges in the group as one bundled post, reacts to the message, and lists them in /badges", async ({ h, at, t }) => {
    const first = await h.say(t.ivan, t.group, "/deal 50k Acme");
    // The congratulation follows the reply, answering the manager's message.
    expect(followUp(h, first)).toBe("🏅 Новый значок: 🎯 первая сделка");
    const congrats = h.fake.calls.filter((c) => c.method === "sendMessage" && c.payload["chat_id"] === t.group.id).at(-1)!;
    expect(congrats.payload["reply_parameters"]["message_id"]).toBe(first.call.payload["reply_parameters"]["message_id"]);
    const ivanMessage = first.call.payload["reply_parameters"]["message_id"] as number;
    expect(await reactions(h, t.group.id, 1)).toEqual([[ivanMessage, "🏆"]]);

    at("2026-11-25T10:00:30Z");
    await h.say(t.john, t.johnChat, "/deal 10k Beta");
    // A second deal earns no badge: 🔥 for the deal.
    const second = await h.say(t.ivan, t.group, "/deal 70k Gamma");
    expect(followUp(h, second)).toBe("");
    expect((await reactions(h, t.group.id, 2))[1]).toEqual([second.call.payload["reply_parameters"]["message_id"], "🔥"]);

    // Within the minute nothing is posted yet; after it, one post with both badges.
    const mark = h.fake.mark();
    expect(await h.scheduler.celebrations.run()).toBe(0);
    at("2026-11-25T10:01:05Z");
    expect(await h.scheduler.celebrations.run()).toBe(1);
    const posts = sentTo(h, t.group.id, mark);
    expect(posts).toEqual(["🏅 2 новых значка\n🎯 Иван — первая сделка\n🎯 John — первая сделка"]);
    // A later round (or a restart) posts nothing again.
    at("2026-11-25T10:05:00Z");
    expect(await h.scheduler.celebrations.run()).toBe(0);
    await h.restart();
    expect(await h.scheduler.celebrations.run()).toBe(0);

    const own = await h.say(t.ivan, t.ivanChat, "/badges");
    expect(own.text).toContain("🏅 Значки · Иван\n🎯 первая сделка · 25.11.2026");
    expect(own.text).toContain("Как получить:");
    const team = await h.say(t.head, t.headChat, "/badges");
    expect(team.text).toMatch(/🏅 Значки команды · Отдел продаж\n(Иван 🎯 \(1\)\nJohn 🎯 \(1\)|John 🎯 \(1\)\nИван 🎯 \(1\))/);
    expect((await h.say(t.john, t.johnChat, "/badges")).text).toContain("🎯 first deal · 25.11.2026");
  });

  test("awards best day and biggest deal when the month is over, ties shared", async ({ h, at, t }) => {
    await h.say(t.ivan, t.ivanChat, "/deal 300k Acme"); // 20 points, biggest deal
    await h.say(t.john, t.johnChat, "/deal 100k Beta");
    at("2026-11-25T10:02:00Z");
    await h.scheduler.celebrations.run(); // the first-deal badges go out
    at("2026-12-01T06:00:00Z");
    await h.scheduler.celebrations.run();
    expect(count(h, "select count(*) from awards where code = 'best_day' and period = '2026-11'")).toBe(2);
    expect(count(h, "select count(*) from awards where code = 'biggest_deal' and period = '2026-11'")).toBe(1);
    const mark = h.fake.mark();
    at("2026-12-01T06:01:30Z");
    expect(await h.scheduler.celebrations.run()).toBe(1);
    const [post] = sentTo(h, t.group.id, mark);
    expect(post).toContain("🚀 Иван — лучший день месяца (за ноябрь 2026, 20 очков)");
    expect(post).toContain("🚀 John — лучший день месяца (за ноябрь 2026, 20 очков)");
    expect(post).toContain("💎 Иван — крупнейшая сделка месяца (за ноябрь 2026, 300 000 ₽)");
    // Checked once per month.
    at("2026-12-02T06:00:00Z");
    await h.scheduler.celebrations.run();
    expect(count(h, "select count(*) from awards where period = '2026-11'")).toBe(3);
  });
});

describe("plan milestones", () => {
  test("congratulates once at 50, 100 and 150 % of a monthly plan, and names the first to reach it", async ({ h, t }) => {
    await h.say(t.head, t.headChat, "/plan deals 2 month");
    const half = await h.say(t.ivan, t.ivanChat, "/deal 10k A");
    expect(followUp(h, half)).toContain("🎯 Половина пути: 50 % месячного плана (сделки).");
    const done = await h.say(t.ivan, t.ivanChat, "/deal 10k B");
    expect(followUp(h, done)).toContain("🎉 Месячный план (сделки) выполнен: 100 %!");
    expect(followUp(h, done)).toContain("🏁 первым выполнил месячный план");
    // Undone and logged again: no second congratulation.
    await h.say(t.ivan, t.ivanChat, "/undo");
    const again = await h.say(t.ivan, t.ivanChat, "/deal 10k C");
    expect(followUp(h, again)).toBe("");
    const over = await h.say(t.ivan, t.ivanChat, "/deal 10k D");
    expect(followUp(h, over)).toContain("🏆 150 % месячного плана (сделки)! Блестяще.");
    expect(followUp(h, over)).toContain("🏅 Новый значок: 🏆 150 % месячного плана");

    await h.say(t.john, t.johnChat, "/deal 10k E");
    const john = await h.say(t.john, t.johnChat, "/deal 10k F");
    expect(followUp(h, john)).toContain("🎉 The monthly plan (deals) is done: 100 %!");
    expect(followUp(h, john)).not.toContain("first to reach");
    expect(count(h, "select count(*) from awards where code = 'first_to_plan'")).toBe(1);
    expect(count(h, "select count(*) from awards where kind = 'milestone'")).toBe(5);
  });
});
