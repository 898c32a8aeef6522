import { describe, expect } from "vitest";
import type { RecordedCall } from "../fake-telegram/index.js";
import { e2e } from "../support/e2e.js";
import { type Clock, type Harness, visibleText } from "../support/harness.js";
import { count, type TeamFixture } from "../support/team.js";

const test = e2e.extend({ startAt: "2026-12-01T07:00:00Z" }); // Tuesday 10:00 in Moscow

const SEC = 1000;
const setNow = (clock: Clock, ms: number) => (clock.now = ms);
const ok = (c: RecordedCall) => c.response.ok === true;
const toGroup = (h: Harness, t: TeamFixture, method: string) =>
  h.fake.calls.filter((c) => c.method === method && c.payload["chat_id"] === t.group.id);
/** The live standings posts (not the bot's replies to commands) sent to the group. */
const standingsPosts = (h: Harness, t: TeamFixture) => toGroup(h, t, "sendMessage").filter((c) => ok(c) && visibleText(c).includes("📅"));
const edits = (h: Harness, t: TeamFixture) => toGroup(h, t, "editMessageText").filter(ok);
const contestRow = (h: Harness, name: string) =>
  h.deps.db.$client.prepare("select * from contests where name = ?").get(name) as Record<string, number | string | null>;

/** Waits until the contest's live standings message is in the group (and the pass that posted it, pin included, is over). */
async function firstStandings(h: Harness, t: TeamFixture, after: number): Promise<RecordedCall> {
  const call = await h.fake.waitForCall(
    (c) => c.method === "sendMessage" && c.payload["chat_id"] === t.group.id && ok(c) && visibleText(c).includes("📅"),
    {
      after,
    },
  );
  // Passes run one at a time: this one finds nothing to do once the first is over.
  expect(await h.scheduler.runContests()).toBe(0);
  return call;
}

describe("contests", () => {
  test("runs an individual contest: one pinned message edited at most once a minute, then the podium and 'finished'", async ({
    h,
    clock,
    t,
  }) => {
    h.fake.setChatMember(t.group.id, h.fake.botInfo.id, "administrator");
    const mark = h.fake.mark();
    const created = await h.say(t.head, t.group, "/contest new Спринт сделки 01.12 15.12 Ужин в ресторане");
    expect(created.text).toContain("✅ Конкурс Спринт создан");
    const live = await firstStandings(h, t, mark);
    const liveId = live.response.result.message_id as number;
    expect(visibleText(live)).toContain("🏆 Спринт · сделки");
    expect(visibleText(live)).toContain("📅 01.12–15.12 · ⏳ осталось 14 д 14 ч");
    expect(visibleText(live)).toContain("🎁 Приз: Ужин в ресторане");
    expect(h.fake.pinnedMessages(t.group.id)).toEqual([liveId]);
    const t0 = clock.now;

    setNow(clock, t0 + 10 * SEC);
    await h.say(t.ivan, t.ivanChat, "/deal 100000 Ромашка");
    await h.say(t.john, t.johnChat, "/deal 50k Acme");
    await h.say(t.ivan, t.ivanChat, "/deal 20k Beta");
    // Under a minute since the message was posted: no edit yet.
    setNow(clock, t0 + 30 * SEC);
    expect(await h.scheduler.runContests()).toBe(0);
    expect(edits(h, t)).toHaveLength(0);

    setNow(clock, t0 + 61 * SEC);
    expect(await h.scheduler.runContests()).toBe(1);
    expect(edits(h, t)).toHaveLength(1);
    const first = visibleText(edits(h, t)[0]!);
    expect(edits(h, t)[0]!.payload["message_id"]).toBe(liveId);
    expect(first).toMatch(/🥇 1\. Иван — 2\n🥈 2\. John — 1 \(−1\)/);
    expect(first).toContain("👑 Лидер: Иван · отрыв 1");

    // Another entry inside the minute after that edit waits for the next one.
    setNow(clock, t0 + 70 * SEC);
    await h.say(t.john, t.johnChat, "/deal 30k Gamma");
    setNow(clock, t0 + 90 * SEC);
    expect(await h.scheduler.runContests()).toBe(0);
    setNow(clock, t0 + 125 * SEC);
    expect(await h.scheduler.runContests()).toBe(1);
    const second = visibleText(edits(h, t)[1]!);
    // A tie shares the place (in a stable order: the message does not flap between edits).
    expect(second).toContain("🥇 1. Иван — 2");
    expect(second).toContain("🥇 1. John — 2");
    expect(second).toMatch(/👑 Делят лидерство: (Иван, John|John, Иван)\n?$/);
    // Nothing new: no edit.
    setNow(clock, t0 + 300 * SEC);
    expect(await h.scheduler.runContests()).toBe(0);
    expect(edits(h, t)).toHaveLength(2);
    expect(standingsPosts(h, t)).toHaveLength(1);

    // /contest <name> shows the same standings, case-insensitively; /contests lists it.
    const one = await h.say(t.john, t.johnChat, "/contest СПРИНТ");
    expect(one.text).toContain("🥇 1. John — 2");
    expect((await h.say(t.ivan, t.ivanChat, "/contests")).text).toMatch(
      /Идут\n• Спринт · сделки · 01\.12–15\.12 — лидер: (Иван, John|John, Иван)/,
    );

    // The end: 24:00 of 15.12 in Moscow.
    setNow(clock, Date.parse("2026-12-15T21:00:30Z"));
    const end = h.fake.mark();
    await h.scheduler.runContests();
    const finished = edits(h, t).at(-1)!;
    expect(finished.payload["message_id"]).toBe(liveId);
    expect(visibleText(finished)).toContain("🏁 завершён");
    expect(visibleText(finished)).toMatch(/🏆 Победители \(делят первое место\): (Иван, John|John, Иван)/);
    const final = await h.fake.waitForCall((c) => c.method === "sendMessage" && c.payload["chat_id"] === t.group.id && ok(c), {
      after: end,
    });
    expect(visibleText(final)).toMatch(/^🏁 Конкурс «Спринт» завершён!/);
    const photo = await h.fake.waitForCall((c) => c.method === "sendPhoto" && c.payload["chat_id"] === t.group.id && ok(c), { after: end });
    expect(photo.payload["photo"].bytes.subarray(1, 4).toString()).toBe("PNG");
    expect(visibleText(photo)).toBe("🏆 Спринт: пьедестал");
    expect(h.fake.pinnedMessages(t.group.id)).toEqual([]);
    expect(contestRow(h, "Спринт")["status"]).toBe("finished");

    // Results are kept: a later entry changes nothing, and nothing is posted twice.
    setNow(clock, Date.parse("2026-12-16T08:00:00Z"));
    await h.say(t.john, t.johnChat, "/deal 90k Delta");
    expect(await h.scheduler.runContests()).toBe(0);
    const after = await h.say(t.head, t.headChat, "/contest спринт");
    expect(after.text).toMatch(/🏆 Победители \(делят первое место\): (Иван, John|John, Иван)/);
    expect(after.text).toContain("🥇 1. Иван — 2");
    expect((await h.say(t.head, t.headChat, "/contests")).text).toMatch(
      /Завершены\n• Спринт · сделки · 01\.12–15\.12 — победа: (Иван, John|John, Иван)/,
    );
    expect(toGroup(h, t, "sendPhoto").filter(ok)).toHaveLength(1);
  });

  test("runs squads set up in the guided flow; an empty squad sends the head round again; squads rank by their totals", async ({
    h,
    clock,
    t,
  }) => {
    const chat = t.headChat;
    let step = await h.say(t.head, chat, "/contest new");
    expect(step.text).toContain("Новый конкурс. Название?");
    step = await h.say(t.head, chat, "Битва отделов");
    expect(step.text).toContain("По какой метрике");
    step = await h.tap(t.head, chat, step.call, "cb:m:calls");
    expect(step.text).toContain("Первый день?");
    step = await h.say(t.head, chat, "20.11");
    expect(step.text).toContain("не может начаться в прошлом");
    step = await h.say(t.head, chat, "01.12");
    expect(step.text).toContain("Последний день?");
    step = await h.say(t.head, chat, "07.12");
    step = await h.tap(t.head, chat, step.call, "cb:k:squads");
    expect(step.text).toContain("Названия команд");
    step = await h.say(t.head, chat, "Север");
    expect(step.text).toContain("от 2 до 4 команд");
    step = await h.say(t.head, chat, "Север, Юг");
    // Everyone into "Север": "Юг" is empty, so the assignment starts again.
    expect(step.text).toMatch(/В какую команду (Иван|John)\? \(1 из 2\)/);
    const firstName = /Иван|John/.exec(step.text)![0];
    step = await h.tap(t.head, chat, step.call, "cb:s:0");
    const again = h.fake.mark();
    step = await h.tap(t.head, chat, step.call, "cb:s:0");
    expect(step.text).toContain("В команде «Юг» никого нет");
    const prompt = await h.fake.waitForMessage(chat.id, (x) => x.includes("(1 из 2)"), { after: again });
    // Иван to Север, John to Юг, whichever is asked first.
    step = await h.tap(t.head, chat, prompt, firstName === "Иван" ? "cb:s:0" : "cb:s:1");
    step = await h.tap(t.head, chat, step.call, firstName === "Иван" ? "cb:s:1" : "cb:s:0");
    expect(step.text).toContain("Приз?");
    step = await h.say(t.head, chat, "Пицца");
    expect(step.text).toContain("Команды: Север (Иван); Юг (John)");
    expect(count(h, "select count(*) from contests")).toBe(0);
    const mark = h.fake.mark();
    step = await h.tap(t.head, chat, step.call, "cb:save");
    expect(step.text).toContain("✅ Конкурс Битва отделов создан");
    const live = await firstStandings(h, t, mark);
    expect(visibleText(live)).toContain("🏆 Битва отделов · звонки · команды");
    expect(count(h, "select count(*) from contest_squads")).toBe(2);
    expect(count(h, "select count(*) from contest_squad_members")).toBe(2);
    // The bot is no admin here: the message stays unpinned and no pin is attempted.
    expect(h.fake.pinnedMessages(t.group.id)).toEqual([]);
    expect(h.fake.calls.some((c) => c.method === "pinChatMessage")).toBe(false);

    const t0 = clock.now;
    setNow(clock, t0 + 5 * SEC);
    await h.say(t.ivan, t.ivanChat, "/call");
    await h.say(t.ivan, t.ivanChat, "/call встреча Ромашка");
    await h.say(t.john, t.johnChat, "/call");
    setNow(clock, t0 + 65 * SEC);
    expect(await h.scheduler.runContests()).toBe(1);
    const text = visibleText(edits(h, t)[0]!);
    expect(text).toMatch(/🥇 1\. Север — 2\n\s+Иван — 2\n🥈 2\. Юг — 1 \(−1\)\n\s+John — 1/);
    expect(text).toContain("👑 Лидер: Север · отрыв 1");
  });

  test("refuses bad contests with the reason and the right form, storing nothing", async ({ h, t }) => {
    const say = async (text: string, who = t.head) => (await h.say(who, who === t.head ? t.headChat : t.johnChat, text)).text;
    expect(await say("/contest new Спринт deals 01.12 15.12", t.john)).toContain("Only a head of sales can use /contest new");
    expect(await say("/contest new Спринт deals 20.11 25.11")).toContain("Конкурс не может начаться в прошлом");
    expect(await say("/contest new Спринт deals 15.12 01.12")).toContain("Конец раньше начала");
    expect(await say("/contest new Спринт deals 31.02 15.03")).toContain("Даты пишутся так");
    const unknown = await say("/contest new Спринт пончики 01.12 15.12");
    expect(unknown).toContain("Неизвестная метрика «пончики»");
    expect(unknown).toContain("Формат: /contest new <название> <метрика> <начало> <конец> [приз]");
    expect(await say(`/contest new «${"Д".repeat(41)}» deals 01.12 15.12`)).toContain("Слишком длинное название: не больше 40 символов");
    expect(await say(`/contest new Спринт deals 01.12 15.12 ${"приз ".repeat(50)}`)).toContain("Слишком длинный текст приза");
    expect(await say("/contest new Спринт deals")).toContain("Формат: /contest new");
    expect(await say("/contest new new deals 01.12 15.12")).toContain("не может быть названием");
    expect(count(h, "select count(*) from contests")).toBe(0);

    expect(await say("/contest new «Весенний спринт» revenue 01.12 15.12")).toContain("✅ Конкурс Весенний спринт создан");
    expect(await say("/contest new «весенний  СПРИНТ» deals 02.12 03.12")).toContain("уже есть конкурс «весенний СПРИНТ»");
    expect(count(h, "select count(*) from contests")).toBe(1);
    expect(await say("/contest Осенний")).toContain("Конкурса «Осенний» нет");
  });

  test("re-sends a deleted standings message once and keeps editing the new one; a failed pin leaves it unpinned", async ({
    h,
    clock,
    t,
  }) => {
    h.fake.setChatMember(t.group.id, h.fake.botInfo.id, "administrator");
    h.fake.failNext("pinChatMessage", {
      error_code: 400,
      description: "Bad Request: not enough rights to manage pinned messages in the chat",
    });
    const mark = h.fake.mark();
    await h.say(t.head, t.group, "/contest new Марафон calls сегодня 10.12");
    const live = await firstStandings(h, t, mark);
    const firstId = live.response.result.message_id as number;
    expect(h.fake.pinnedMessages(t.group.id)).toEqual([]);
    expect(contestRow(h, "Марафон")["pinned"]).toBe(0);
    const t0 = clock.now;

    await h.bot.api.deleteMessage(t.group.id, firstId);
    setNow(clock, t0 + 10 * SEC);
    await h.say(t.ivan, t.ivanChat, "/call");
    setNow(clock, t0 + 61 * SEC);
    expect(await h.scheduler.runContests()).toBe(1);
    expect(toGroup(h, t, "editMessageText").filter((c) => !ok(c))).toHaveLength(1);
    expect(standingsPosts(h, t)).toHaveLength(2);
    const secondId = standingsPosts(h, t)[1]!.response.result.message_id as number;
    expect(contestRow(h, "Марафон")["message_id"]).toBe(secondId);
    expect(visibleText(standingsPosts(h, t)[1]!)).toContain("🥇 1. Иван — 1");
    // Re-sent, it is pinned now that pinning works.
    expect(h.fake.pinnedMessages(t.group.id)).toEqual([secondId]);

    setNow(clock, t0 + 70 * SEC);
    await h.say(t.john, t.johnChat, "/call");
    setNow(clock, t0 + 125 * SEC);
    expect(await h.scheduler.runContests()).toBe(1);
    expect(edits(h, t).at(-1)!.payload["message_id"]).toBe(secondId);
    expect(standingsPosts(h, t)).toHaveLength(2);
  });
});
