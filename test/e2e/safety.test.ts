import { describe, expect } from "vitest";
import { e2e } from "../support/e2e.js";
import { count, liveActivities } from "../support/team.js";

describe("bad input is refused with the right form and stores nothing", () => {
  e2e("answers every kind of bad entry with the reason and the form", async ({ h, t }) => {
    const ru = (text: string) => h.say(t.ivan, t.ivanChat, text).then((r) => r.text);
    const en = (text: string) => h.say(t.john, t.johnChat, text).then((r) => r.text);
    const dealForm = "Формат: /deal <сумма> [клиент]";

    expect(await ru("/deal")).toBe(`⚠️ Укажите сумму сделки.\n${dealForm}  напр. /deal 50 000 Ромашка, /deal 1,5 млн, /deal 50k`);
    expect(await ru("/deal пятьсот Ромашка")).toContain("«пятьсот» — не сумма");
    expect(await ru("/deal 0 Ромашка")).toContain("Сумма должна быть больше нуля.");
    expect(await ru("/deal -5000 Ромашка")).toContain("не может быть отрицательной");
    expect(await ru("/deal 5000000000000 Ромашка")).toContain("Слишком большая сумма");
    expect(await en("/deal 50,000 Acme")).toContain("“50,000” is not an amount");
    expect(await en("/deal 1e6")).toContain("Form: /deal <amount> [client]");
    expect(await ru(`/lead ${"Я".repeat(201)}`)).toBe(
      "⚠️ Слишком длинное название клиента (не больше 200 символов).\nФормат: /lead <клиент>",
    );
    expect(await en(`/meeting ${"x".repeat(300)}`)).toContain("too long (200 characters at most)");
    expect(await ru("/call занято Ромашка")).toBe(
      "⚠️ Неизвестный результат звонка «занято». Используйте дозвон, встреча или недозвон (reached, meeting, noanswer).\nФормат: /call [дозвон|встреча|недозвон] [клиент]",
    );
    expect(await en("/call busy <b>Acme</b>")).toContain("Unknown call outcome “busy”");
    expect(await ru("/lead")).toContain("Укажите клиента.");
    expect(await ru("/lost Несуществующий — дорого")).toContain("нет открытого лида «Несуществующий»");
    await ru("/lead Дубль");
    expect(await ru("/lead дубль")).toContain("уже ваш открытый лид (этап: новый)");
    expect(await ru(`/lost Дубль — ${"п".repeat(501)}`)).toContain("Слишком длинная причина");

    // Whatever is echoed back is clipped, so even a 4,000-character word gets a valid reply.
    const huge = await h.say(t.ivan, t.ivanChat, `/deal ${"9x".repeat(2000)}`);
    expect(huge.call.response.ok).toBe(true);
    expect(huge.text).toContain("…» — не сумма");
    const hugePeriod = await h.say(t.ivan, t.ivanChat, `/report ${"я".repeat(4000)}`);
    expect(hugePeriod.call.response.ok).toBe(true);

    expect(liveActivities(h)).toBe(1);
    expect(count(h, "select count(*) from leads")).toBe(1);
  });

  e2e("escapes what users type, so markup in a client name is shown, not parsed", async ({ h, t }) => {
    const r = await h.say(t.john, t.johnChat, "/lead <b>Acme</b> & Sons");
    expect(r.call.response.ok).toBe(true);
    expect(r.text).toContain("New lead — <b>Acme</b> & Sons");
  });

  e2e("refuses people outside any team, and groups that are not a team", async ({ h, t }) => {
    const stranger = h.fake.user(400, { first_name: "Sam", language_code: "en" });
    const r = await h.say(stranger, h.fake.privateChat(stranger), "/deal 50000 Acme");
    expect(r.text).toContain("You are not in a team yet");
    const inTeamGroup = await h.say(stranger, t.group, "/call Acme");
    expect(inTeamGroup.text).toContain("not in a team");
    const otherGroup = h.fake.group(-2002, "Random chat");
    const g = await h.say(t.ivan, otherGroup, "/call Ромашка");
    expect(g.text).toContain("ещё не команда KPI Coach");
    const inv = await h.say(t.head, otherGroup, "/invite");
    expect(inv.text).toContain("ещё не команда");
    const join = await h.say(stranger, otherGroup, "/join");
    expect(join.text).toContain("not a KPI Coach team");
    expect(liveActivities(h)).toBe(0);
    expect(count(h, "select count(*) from memberships where user_id = 400")).toBe(0);
  });

  e2e("handles a redelivered update once", async ({ h, t }) => {
    const first = await h.say(t.ivan, t.ivanChat, "/deal 100000 Ромашка");
    expect(first.text).toContain("Сегодня сделок: 1");
    const updateId = h.fake.calls
      .filter((c) => c.method === "getUpdates")
      .flatMap((c) => c.response.result as { update_id: number }[])
      .at(-1)!.update_id;
    const before = h.fake.mark();
    h.fake.redeliver(updateId);
    await h.say(t.ivan, t.ivanChat, "/me");
    // The only message after the redelivery is the answer to /me: the copy got no reply at all.
    const sent = h.fake.calls.slice(before).filter((c) => c.method === "sendMessage");
    expect(sent.map((c) => String(c.payload["text"]).slice(0, 2))).toEqual(["📊"]);
    expect(count(h, "select count(*) from activities where kind = 'deal'")).toBe(1);
  });

  e2e("keeps every entry across a restart and serves the next update", async ({ h, t }) => {
    for (const cmd of ["/call", "/call встреча Ромашка", "/deal 70k Ромашка"]) await h.say(t.ivan, t.ivanChat, cmd);
    // Updates sent while the bot is down are handled after it comes back.
    await h.stop();
    h.fake.sendText(t.ivan, t.ivanChat, "/proposal Вектор");
    await h.restart().catch(() => undefined);
    await h.fake.waitForMessage(t.ivanChat.id, (text) => text.includes("КП — Вектор"));
    const me = await h.say(t.ivan, t.ivanChat, "/me");
    expect(me.text).toMatch(/звонки\s+2\n/);
    expect(me.text).toMatch(/КП\s+1\n/);
    expect(me.text).toMatch(/сделки\s+1\n/);
    expect(liveActivities(h)).toBe(4);
  });
});
