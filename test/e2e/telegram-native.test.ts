// Issue 19: native tables (rich messages, with the `<pre>` layout as the fallback a
// chat is remembered for) and answers only the asker sees in the group (ephemeral
// messages), end to end through the fake Bot API.
import type { InputRichMessage, RichBlockTableCell } from "grammy/types";
import { describe, expect } from "vitest";
import { messages } from "../../src/presentation/i18n/index.js";
import type { RecordedCall } from "../fake-telegram/index.js";
import { e2e } from "../support/e2e.js";
import { type Harness, visibleText } from "../support/harness.js";
import { count, type TeamFixture } from "../support/team.js";

/** Wednesday 25.11.2026, 13:00 in Moscow; rich messages on, as in production. */
const test = e2e.extend({ startAt: "2026-11-25T10:00:00Z", env: { RICH_MESSAGES: "auto" } });

/** Ivan's one big deal and John's five small ones. */
async function logDeals(h: Harness, t: TeamFixture): Promise<void> {
  await h.say(t.ivan, t.ivanChat, "/deal 916k Ромашка");
  for (const c of ["/deal 10k Альфа", "/deal 20k Бета", "/deal 30k Гамма", "/deal 40k Дельта", "/deal 50k Омега"])
    await h.say(t.john, t.johnChat, c);
}

const tables = (call: RecordedCall) =>
  ((call.payload["rich_message"] as InputRichMessage).blocks ?? []).filter((b) => b.type === "table") as {
    cells: RichBlockTableCell[][];
  }[];
const cellText = (c: RichBlockTableCell) => JSON.stringify(c.text ?? "");

describe("native tables", () => {
  test("sends /report as a rich message: one table, numbers right-aligned, units in the header", async ({ h, t }) => {
    await logDeals(h, t);
    const reply = await h.say(t.head, t.headChat, "/report month");
    expect(reply.call.method).toBe("sendRichMessage");
    // One table for the whole report, activity and results under a spanning header: no pieces to fit a phone.
    expect(tables(reply.call)).toHaveLength(1);
    const [report] = tables(reply.call);
    const [groups, header] = report!.cells;
    expect(groups!.map(cellText)).toEqual(['""', '"Активность"', '"Результат"']);
    expect(groups!.slice(1).reduce((n, c) => n + (c.colspan ?? 1), 1)).toBe(header!.length);
    expect(header!.every((c) => c.is_header)).toBe(true);
    expect(header!.map(cellText).join(" ")).toMatch(/, ₽/);
    for (const row of report!.cells.slice(2)) {
      expect(row[0]!.align).toBe("left");
      for (const cell of row.slice(1)) expect(cell.align).toBe("right");
      // Cells hold bare numbers: the unit is in the header.
      for (const cell of row.slice(1)) expect(cellText(cell)).not.toContain("₽");
    }
    expect(reply.text).toMatch(/Иван\s+0\s+0\s+—\s+—\s+0\s+0\s+1\s+916 тыс\./);
  });

  test("sends /compare, /top and /summary as rich messages", async ({ h, t }) => {
    await logDeals(h, t);
    const texts: string[] = [];
    for (const cmd of ["/compare month", "/top deals month", "/summary"]) {
      const reply = await h.say(t.head, t.headChat, cmd);
      expect(reply.call.method, cmd).toBe("sendRichMessage");
      expect(tables(reply.call), cmd).toHaveLength(1);
      texts.push(reply.text);
    }
    expect(texts[1]).toMatch(/🥇 1\s+John\s+5/);
    expect(texts[1]).toMatch(/Иван\s+1/);
  });

  test("posts the morning summary and the evening leaderboard as rich messages", async ({ h, clock, t }) => {
    await logDeals(h, t);
    const start = h.fake.mark();
    clock.now = Date.parse("2026-11-26T06:00:00Z"); // Thursday 09:00 in Moscow
    expect(await h.scheduler.runDue()).toBeGreaterThan(0);
    clock.now = Date.parse("2026-11-26T15:30:00Z"); // 18:30
    await h.scheduler.runDue();
    const rich = h.fake.calls.slice(start).filter((c) => c.method === "sendRichMessage" && c.response.ok);
    expect(rich.some((c) => c.payload["chat_id"] === t.group.id && visibleText(c).includes("Доброе утро"))).toBe(true);
    expect(rich.some((c) => c.payload["chat_id"] === t.headChat.id && visibleText(c).includes("Доброе утро"))).toBe(true);
    expect(rich.filter((c) => c.payload["chat_id"] === t.group.id)).toHaveLength(2);
  });

  test("posts a contest's live standings as a rich message and edits it in place with rich_message", async ({ h, clock, t }) => {
    await logDeals(h, t);
    clock.now = Date.parse("2026-12-01T07:00:00Z"); // Tuesday 10:00 in Moscow
    const mark = h.fake.mark();
    await h.say(t.head, t.group, "/contest new Спринт сделки 01.12 15.12");
    const live = await h.fake.waitForCall(
      (c) => c.method === "sendRichMessage" && c.payload["chat_id"] === t.group.id && c.response.ok && visibleText(c).includes("📅"),
      { after: mark },
    );
    expect(await h.scheduler.runContests()).toBe(0);
    clock.now += 10_000;
    await h.say(t.ivan, t.ivanChat, "/deal 100000 Ромашка");
    clock.now += 61_000;
    expect(await h.scheduler.runContests()).toBe(1);
    const edit = h.fake.calls.find((c) => c.method === "editMessageText" && c.response.ok && c.payload["chat_id"] === t.group.id)!;
    expect(edit.payload["message_id"]).toBe(live.response.result.message_id);
    expect(edit.payload["rich_message"]).toBeDefined();
    expect(edit.payload["text"]).toBeUndefined();
    expect(visibleText(edit)).toMatch(/🥇 1\s+Иван\s+1/);
  });

  test("falls back to the <pre> layout when Telegram refuses, and remembers it for that chat (across a restart)", async ({ h, t }) => {
    await logDeals(h, t);
    h.fake.refuseRichMessages("404");
    const refused = await h.say(t.head, t.headChat, "/report month");
    expect(refused.call.method).toBe("sendMessage");
    expect(String(refused.call.payload["text"])).toContain("<pre>");
    expect(h.fake.calls.some((c) => c.method === "sendRichMessage" && c.response.error_code === 404)).toBe(true);
    expect(count(h, "select count(*) from rich_fallback_chats where chat_id = ?", t.headChat.id)).toBe(1);

    // The server learns rich messages; this chat is not asked again, even after a restart.
    h.fake.refuseRichMessages("off");
    await h.restart();
    const before = h.fake.calls.filter((c) => c.method === "sendRichMessage").length;
    const again = await h.say(t.head, t.headChat, "/report month");
    expect(again.call.method).toBe("sendMessage");
    expect(h.fake.calls.filter((c) => c.method === "sendRichMessage")).toHaveLength(before);
    // Other chats still get native tables.
    expect((await h.say(t.ivan, t.ivanChat, "/top deals month")).call.method).toBe("sendRichMessage");
  });

  test("falls back on a 400 too, and the group's scheduled post reaches the group", async ({ h, clock, t }) => {
    await logDeals(h, t);
    h.fake.refuseRichMessages("400");
    clock.now = Date.parse("2026-11-26T06:00:00Z");
    await h.scheduler.runDue();
    const toGroup = h.fake.messagesTo(t.group.id).filter((c) => visibleText(c).includes("Доброе утро"));
    expect(toGroup).toHaveLength(1);
    expect(toGroup[0]!.method).toBe("sendMessage");
    expect(count(h, "select count(*) from rich_fallback_chats where chat_id = ?", t.group.id)).toBe(1);
  });

  test.extend({ env: { RICH_MESSAGES: "off" } })("RICH_MESSAGES=off never sends a rich message", async ({ h, t }) => {
    await logDeals(h, t);
    const reply = await h.say(t.head, t.headChat, "/report month");
    expect(reply.call.method).toBe("sendMessage");
    expect(h.fake.calls.some((c) => c.method === "sendRichMessage")).toBe(false);
  });
});

describe("answers only the asker sees in the group", () => {
  const ephemeralTo = (call: RecordedCall) =>
    (call.payload["ephemeral_message_parameters"] as { receiver_user_id?: number } | undefined)?.receiver_user_id;

  test("/me in the group goes to the manager alone; a report stays public", async ({ h, t }) => {
    await logDeals(h, t);
    const me = await h.say(t.ivan, t.group, "/me month");
    expect(ephemeralTo(me.call)).toBe(t.ivan.id);
    expect(me.call.response.result.message_id).toBe(0);
    expect(me.call.response.result.receiver_user.id).toBe(t.ivan.id);
    expect(me.text).toContain("916");
    const report = await h.say(t.head, t.group, "/report month");
    expect(ephemeralTo(report.call)).toBeUndefined();
    // In the private chat nothing is ephemeral (Telegram would refuse it there).
    expect(ephemeralTo((await h.say(t.ivan, t.ivanChat, "/me")).call)).toBeUndefined();
  });

  test("a head's /plan in the group goes to the head alone", async ({ h, t }) => {
    await logDeals(h, t);
    const plan = await h.say(t.head, t.group, "/plan");
    expect(ephemeralTo(plan.call)).toBe(t.head.id);
  });

  test("a button under an answer only the head sees edits that answer in place, with editEphemeralMessageText", async ({ h, t }) => {
    await logDeals(h, t);
    expect((await h.say(t.head, t.headChat, "/plan сделки 10 месяц")).text).toContain("✅");
    const team = h.deps.repos.teams.byChatId(t.group.id)!;
    const [plan] = h.deps.repos.plans.list(team.id);
    const list = await h.say(t.head, t.group, "/plan");
    expect(ephemeralTo(list.call)).toBe(t.head.id);
    const answer = list.call.response.result;
    const mark = h.fake.mark();
    h.fake.clickButton(t.head, t.group, answer, `plan:rm:${plan!.id}`);
    const edit = await h.fake.waitForCall(
      (c) => c.method.startsWith("edit") || (c.method === "sendMessage" && c.payload["chat_id"] === t.group.id),
      { after: mark },
    );
    expect(edit.method).toBe("editEphemeralMessageText");
    expect(edit.response.ok).toBe(true);
    expect(edit.payload).toMatchObject({
      chat_id: t.group.id,
      receiver_user_id: t.head.id,
      ephemeral_message_id: answer.ephemeral_message_id,
    });
    expect(edit.payload["message_id"]).toBeUndefined();
    expect(visibleText(edit)).toContain(messages.ru.plans.removed);
    expect(h.deps.repos.plans.list(team.id)).toHaveLength(0);
    // The answer itself changed: its buttons are the new list's (no plan left to remove).
    expect(() => h.fake.clickButton(t.head, t.group, answer, `plan:rm:${plan!.id}`)).toThrow(/no button/);
    expect(h.fake.calls.slice(mark).some((c) => c.method === "editMessageText" || !c.response.ok)).toBe(false);
    // Only its receiver sees it, so only they can tap it.
    expect(() => h.fake.clickButton(t.ivan, t.group, answer, "plan:new")).toThrow(/seen only by/);
  });

  test("/bonus, /inputs and /flags answer in the group to the asker alone, with the pointer to the private chat, never figures", async ({
    h,
    t,
  }) => {
    await logDeals(h, t);
    await h.say(t.head, t.headChat, "/bonus add over_plan 5%");
    for (const [who, cmd, pointer] of [
      [t.ivan, "/bonus", messages.ru.bonus.privateOnly],
      [t.head, "/inputs", messages.ru.privateOnly],
      [t.head, "/flags", messages.ru.flags.privateOnly],
    ] as const) {
      const reply = await h.say(who, t.group, cmd);
      expect(ephemeralTo(reply.call), cmd).toBe(who.id);
      expect(reply.text, cmd).toBe(pointer);
    }
  });

  test("a tap on a logging button in the group is answered to the one who tapped", async ({ h, t }) => {
    await logDeals(h, t);
    const menu = await h.say(t.ivan, t.group, "/log");
    expect(ephemeralTo(menu.call)).toBeUndefined();
    const prompt = await h.tap(t.ivan, t.group, menu.call, "log:call");
    expect(ephemeralTo(prompt.call)).toBe(t.ivan.id);
    const params = prompt.call.payload["ephemeral_message_parameters"] as { callback_query_id?: string };
    expect(params.callback_query_id).toBeTruthy();
  });

  test("the evening nudge goes to the group, one message per idle manager that only they see, when the team asks for it", async ({
    h,
    clock,
    t,
  }) => {
    await logDeals(h, t);
    // The default: the private chat.
    clock.now = Date.parse("2026-11-26T15:00:00Z"); // Thursday 18:00 in Moscow
    await h.scheduler.runDue();
    const nudge = messages.ru.posts.nudge("Иван");
    const privately = h.fake.messagesTo(t.ivanChat.id).filter((c) => visibleText(c) === nudge.replace(/<[^>]+>/g, ""));
    expect(privately).toHaveLength(1);

    const saved = await h.say(t.head, t.headChat, "/settings nudge_to group");
    expect(saved.text).toContain("✅");
    expect((await h.say(t.head, t.headChat, "/settings")).text).toContain("в группу, каждому видно только своё");
    const start = h.fake.mark();
    clock.now = Date.parse("2026-11-27T15:00:00Z"); // Friday 18:00
    await h.scheduler.runDue();
    const toGroup = h.fake.calls.slice(start).filter((c) => c.payload["chat_id"] === t.group.id && c.response.ok);
    expect(toGroup.map(ephemeralTo).sort()).toEqual([t.ivan.id, t.john.id].sort());
    expect(toGroup.every((c) => c.response.result.message_id === 0)).toBe(true);
    expect(h.fake.calls.slice(start).some((c) => c.payload["chat_id"] === t.ivanChat.id)).toBe(false);
  });

  test("the evening nudge also reaches a manager who logged today but is behind plan pace: their plan lines, privately or only to them in the group, never a head's figure", async ({
    h,
    clock,
    t,
  }) => {
    await logDeals(h, t);
    // Costs make Ivan's CAC computable: a head's figure (from it his salary follows).
    expect((await h.say(t.head, t.headChat, "/inputs costs @ivan 50k")).text).toMatch(/^✅ /);
    const team = h.deps.repos.teams.byChatId(t.group.id)!;
    const plan = h.deps.db.$client.prepare(
      "insert into plans (team_id, metric, value, period, scope, user_id, created_by) values (?, ?, ?, ?, 'each', null, ?)",
    );
    plan.run(team.id, "deals", 20, "month", t.head.id);
    plan.run(team.id, "calls", 100, "month", t.head.id);
    plan.run(team.id, "cac", 1, "month", t.head.id); // 50 тыс. ₽ against 1 ₽: far behind
    plan.run(team.id, "calls", 50, "day", t.head.id); // a day's plan is no pace to nudge about

    // Thursday: Ivan and John log a call, so neither is idle; both are far behind their month plans.
    clock.now = Date.parse("2026-11-26T08:00:00Z");
    await h.say(t.ivan, t.ivanChat, "/call встреча Beta");
    await h.say(t.john, t.johnChat, "/call встреча Beta");
    let start = h.fake.mark();
    clock.now = Date.parse("2026-11-26T15:00:00Z"); // 18:00 in Moscow
    await h.scheduler.runDue();
    const ivanNudge = h.fake.calls.slice(start).filter((c) => c.payload["chat_id"] === t.ivanChat.id && c.response.ok);
    expect(ivanNudge).toHaveLength(1);
    const ivanText = visibleText(ivanNudge[0]!);
    expect(ivanText).toContain("Иван, вы отстаёте от темпа по 2 планам");
    expect(ivanText).toMatch(/• сделки 1\/20 \(5 ?%\) · темп [\d,]+ ?% · под угрозой/);
    expect(ivanText).toMatch(/• звонки 1\/100/);
    expect(ivanText).not.toMatch(/CAC|стоимость|50 тыс/i);
    expect(ivanText).not.toContain("1/50");
    const johnNudge = h.fake.calls.slice(start).filter((c) => c.payload["chat_id"] === t.johnChat.id && c.response.ok);
    expect(johnNudge.map(visibleText)).toEqual([expect.stringContaining("John, you are behind pace on 2 plans")]);
    // One nudge a day: a later sweep in the window sends nothing more.
    clock.now += 10 * 60_000;
    start = h.fake.mark();
    await h.scheduler.runDue();
    expect(h.fake.calls.slice(start).filter((c) => c.method.startsWith("send"))).toHaveLength(0);

    // Friday, nudges in the group: Ivan (logged, behind) and John (idle) each get one message only they see.
    await h.say(t.head, t.headChat, "/settings nudge_to group");
    clock.now = Date.parse("2026-11-27T08:00:00Z");
    await h.say(t.ivan, t.ivanChat, "/call встреча Beta");
    start = h.fake.mark();
    clock.now = Date.parse("2026-11-27T15:00:00Z");
    await h.scheduler.runDue();
    const toGroup = h.fake.calls.slice(start).filter((c) => c.payload["chat_id"] === t.group.id && c.response.ok);
    expect(toGroup.map(ephemeralTo).sort()).toEqual([t.ivan.id, t.john.id].sort());
    const toIvan = visibleText(toGroup.find((c) => ephemeralTo(c) === t.ivan.id)!);
    expect(toIvan).toContain("Иван, вы отстаёте от темпа по 2 планам");
    expect(toIvan).toMatch(/• звонки 2\/100/);
    expect(toIvan).not.toMatch(/CAC|стоимость|50 тыс/i);
    expect(visibleText(toGroup.find((c) => ephemeralTo(c) === t.john.id)!)).toBe(messages.en.posts.nudge("John").replace(/<[^>]+>/g, ""));
    expect(h.fake.calls.slice(start).some((c) => c.payload["chat_id"] === t.ivanChat.id)).toBe(false);
  });
});
