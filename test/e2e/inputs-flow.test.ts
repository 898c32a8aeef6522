// The guided /inputs flow (status screen button → month → whose → value) and the
// active-customer window setting, end to end through the fake Bot API.
import { describe, expect } from "vitest";
import { e2e } from "../support/e2e.js";
import { buttons, type Harness, type Reply, visibleText } from "../support/harness.js";
import { count, type TeamFixture } from "../support/team.js";

const test = e2e.extend({ startAt: "2026-11-20T09:00:00Z" });

type User = Parameters<Harness["say"]>[0];

const inputRows = (h: Harness) => count(h, "select count(*) from business_inputs");
const teamId = (h: Harness, t: TeamFixture) => count(h, "select id from teams where chat_id = ?", t.group.id);
function lastInput(h: Harness): { kind: string; month: string; user_id: number | null; value: number; set_by: number } {
  return h.deps.db.$client
    .prepare("select kind, month, user_id, value, set_by from business_inputs order by id desc limit 1")
    .get() as never;
}

/** A tap with any data, as a modified client (or an old copy of the message) sends it. */
async function forge(h: Harness, from: User, data: string, message: Reply): Promise<string> {
  const after = h.fake.mark();
  const chat = h.fake.privateChat(from);
  h.fake.forgeClick(from, chat, message.call.response.result, data);
  return visibleText(await h.fake.waitForMessage(chat.id, undefined, { after }));
}

/** `/inputs`, then the status screen's button for `kind`: the flow's first question. */
async function open(h: Harness, t: TeamFixture, kind: string): Promise<{ status: Reply; ask: Reply }> {
  const status = await h.say(t.head, t.headChat, "/inputs");
  const ask = await h.tap(t.head, t.headChat, status.call, `inp:edit:${kind}`);
  return { status, ask };
}

describe("the guided /inputs flow", () => {
  test("shows the four edit buttons on the status screen", async ({ h, t }) => {
    const status = await h.say(t.head, t.headChat, "/inputs");
    expect(buttons(status.call)).toEqual(["inp:edit:market", "inp:edit:margin", "inp:edit:costs", "inp:edit:overhead"]);
    expect(status.text).toContain("Или нажмите кнопку ниже — спрошу по шагам.");
  });

  test("stores each kind of input through buttons and typed answers", async ({ h, t }) => {
    // Market: this month's button, a money value.
    let { ask } = await open(h, t, "market");
    expect(ask.text).toBe("✏️ Объём рынка: за какой месяц? Нажмите кнопку или напишите месяц: 11.2026, ноябрь.");
    expect(buttons(ask.call)).toEqual(["ie:mo:2026-10", "ie:mo:2026-11", "ie:mo:2026-12", "ie:cancel"]);
    let value = await h.tap(t.head, t.headChat, ask.call, "ie:mo:2026-11");
    expect(value.text).toBe("Объём рынка за ноябрь 2026: сколько? Например: 150000, 150k, 1,5 млн, 150 тыс.");
    expect(inputRows(h)).toBe(0);
    let saved = await h.say(t.head, t.headChat, "12m");
    expect(saved.text).toMatch(/^✅ Объём рынка: 12\s000\s000 ₽ с месяца ноябрь 2026 \(действует, пока не изменят\)\.$/u);
    expect(lastInput(h)).toEqual({ kind: "market", month: "2026-11", user_id: null, value: 12_000_000_00, set_by: t.head.id });

    // Margin: the month typed, a percent.
    ({ ask } = await open(h, t, "margin"));
    value = await h.say(t.head, t.headChat, "10.2026");
    expect(value.text).toBe("Валовая маржа за октябрь 2026: сколько процентов? Например: 30%, 27,5.");
    saved = await h.say(t.head, t.headChat, "27,5 %");
    expect(saved.text).toContain("✅ Валовая маржа:");
    expect(lastInput(h)).toEqual({ kind: "margin", month: "2026-10", user_id: null, value: 27.5, set_by: t.head.id });

    // Costs: the month, then the manager's button.
    ({ ask } = await open(h, t, "costs"));
    const who = await h.tap(t.head, t.headChat, ask.call, "ie:mo:2026-10");
    expect(who.text).toBe("Затраты на продажи за октябрь 2026: чьи? Выберите менеджера.");
    expect(buttons(who.call)).toEqual([`ie:u:${t.john.id}`, `ie:u:${t.ivan.id}`, "ie:cancel"]);
    value = await h.tap(t.head, t.headChat, who.call, `ie:u:${t.ivan.id}`);
    expect(value.text).toContain("Затраты на продажи @ivan за октябрь 2026: сколько?");
    saved = await h.say(t.head, t.headChat, "150 тыс");
    expect(saved.text).toMatch(/^✅ Затраты на продажи @ivan: 150\s000 ₽ с месяца октябрь 2026 /u);
    expect(lastInput(h)).toEqual({ kind: "costs", month: "2026-10", user_id: t.ivan.id, value: 150_000_00, set_by: t.head.id });

    // Overhead: next month's button; 0 is a valid overhead.
    ({ ask } = await open(h, t, "overhead"));
    await h.tap(t.head, t.headChat, ask.call, "ie:mo:2026-12");
    saved = await h.say(t.head, t.headChat, "0");
    expect(saved.text).toContain("✅ Накладные:");
    expect(lastInput(h)).toEqual({ kind: "overhead", month: "2026-12", user_id: null, value: 0, set_by: t.head.id });
    expect(inputRows(h)).toBe(4);

    // The status screen now shows what the flow stored.
    const status = await h.say(t.head, t.headChat, "/inputs");
    expect(status.text).toMatch(/Объём рынка: 12\s000\s000 ₽/u);
  });

  test("re-asks a bad month or value with the one-line form's refusals, storing nothing until it reads", async ({ h, t }) => {
    await open(h, t, "margin");
    const future = await h.say(t.head, t.headChat, "01.2027");
    expect(future.text).toMatch(/^⚠️ Вводные можно задать не дальше следующего месяца\.\n✏️ Валовая маржа: за какой месяц\?/);
    const noMonth = await h.say(t.head, t.headChat, "когда-нибудь");
    expect(noMonth.text).toContain("«когда-нибудь» — не месяц");
    await h.say(t.head, t.headChat, "ноябрь");
    const tooMuch = await h.say(t.head, t.headChat, "120%");
    expect(tooMuch.text).toBe("⚠️ Маржа — процент от 0 до 100.\nВаловая маржа за ноябрь 2026: сколько процентов? Например: 30%, 27,5.");
    const word = await h.say(t.head, t.headChat, "много");
    expect(word.text).toMatch(/^⚠️ «много» — не сумма/);
    expect(inputRows(h)).toBe(0);
    const saved = await h.say(t.head, t.headChat, "30");
    expect(saved.text).toContain("✅ Валовая маржа:");
    expect(lastInput(h)).toMatchObject({ kind: "margin", month: "2026-11", value: 30 });

    // Money: negative and nonsense are refused the same way.
    const { ask } = await open(h, t, "costs");
    const who = await h.tap(t.head, t.headChat, ask.call, "ie:mo:2026-11");
    expect(buttons(who.call)).toContain(`ie:u:${t.john.id}`);
    // A manager typed instead of tapped: someone not on the buttons is asked again.
    const stranger = await h.say(t.head, t.headChat, "@nobody");
    expect(stranger.text).toBe("Затраты на продажи за ноябрь 2026: чьи? Выберите менеджера.");
    expect(buttons(stranger.call)).toEqual(buttons(who.call));
    await h.say(t.head, t.headChat, "@John");
    const negative = await h.say(t.head, t.headChat, "-5k");
    expect(negative.text).toMatch(/^⚠️ Вводные не могут быть отрицательными\.\nЗатраты на продажи @john за ноябрь 2026/);
    expect(inputRows(h)).toBe(1);
    await h.say(t.head, t.headChat, "80k");
    expect(lastInput(h)).toMatchObject({ kind: "costs", user_id: t.john.id, value: 80_000_00 });
  });

  test("✖ and any command cancel, storing nothing", async ({ h, t }) => {
    const { ask } = await open(h, t, "market");
    const value = await h.tap(t.head, t.headChat, ask.call, "ie:mo:2026-11");
    const cancelled = await h.tap(t.head, t.headChat, value.call, "ie:cancel");
    expect(cancelled.text).toBe("Ввод вводных закрыт. Ничего не сохранено.");
    // The value typed afterwards is no answer to a closed flow.
    await h.say(t.head, t.headChat, "12m");
    expect(inputRows(h)).toBe(0);

    await open(h, t, "overhead");
    const byCommand = await h.say(t.head, t.headChat, "/help");
    expect(byCommand.text).toBe("Ввод вводных закрыт. Ничего не сохранено.");
    await h.say(t.head, t.headChat, "50k");
    expect(inputRows(h)).toBe(0);
  });

  test("refuses to save for a head demoted mid-flow", async ({ h, t }) => {
    const { ask } = await open(h, t, "market");
    await h.tap(t.head, t.headChat, ask.call, "ie:mo:2026-11");
    h.deps.repos.memberships.setRole(teamId(h, t), t.head.id, "manager");
    const refused = await h.say(t.head, t.headChat, "12m");
    expect(refused.text).toBe(
      "Этот диалог начат руководителем команды «Отдел продаж», а вы больше не её руководитель. Ничего не сохранено.",
    );
    expect(inputRows(h)).toBe(0);
  });

  test("refuses to store costs for a manager who left the team mid-flow", async ({ h, t }) => {
    const { ask } = await open(h, t, "costs");
    const who = await h.tap(t.head, t.headChat, ask.call, "ie:mo:2026-11");
    await h.tap(t.head, t.headChat, who.call, `ie:u:${t.ivan.id}`);
    h.deps.db.$client.prepare("update memberships set active = 0 where user_id = ?").run(t.ivan.id);
    const refused = await h.say(t.head, t.headChat, "150k");
    expect(refused.text).toBe("@ivan больше не менеджер этой команды. Ничего не сохранено.");
    expect(inputRows(h)).toBe(0);
  });

  test("a manager can't open it, even with a forged button", async ({ h, t }) => {
    const refusal = await h.say(t.ivan, t.ivanChat, "/inputs");
    expect(refusal.text).toBe("Команда /inputs доступна только руководителю отдела продаж.");
    expect(await forge(h, t.ivan, "inp:edit:market", refusal)).toBe("Команда /inputs доступна только руководителю отдела продаж.");
    // Nor does a flow button do anything for them.
    expect(await forge(h, t.ivan, "ie:mo:2026-11", refusal)).toBe("Эта кнопка здесь больше не работает.");
    expect(inputRows(h)).toBe(0);
  });

  test("answers stale and forged buttons without storing", async ({ h, t }) => {
    const { status, ask } = await open(h, t, "market");
    // A month no button offered (months after next are refused).
    expect(await forge(h, t.head, "ie:mo:2027-06", ask)).toBe("Эта кнопка здесь больше не работает.");
    expect(await forge(h, t.head, "inp:edit:profit", status)).toBe("Эта кнопка здесь больше не работает.");
    await h.tap(t.head, t.headChat, ask.call, "ie:mo:2026-11");
    await h.say(t.head, t.headChat, "12m");
    expect(inputRows(h)).toBe(1);
    // The flow is over: its month buttons are stale now.
    const stale = await h.tap(t.head, t.headChat, ask.call, "ie:mo:2026-10");
    expect(stale.text).toBe("Эта кнопка здесь больше не работает.");
    expect(inputRows(h)).toBe(1);
  });
});

describe("/settings customers", () => {
  const days = (h: Harness, t: TeamFixture) =>
    (
      JSON.parse(h.deps.db.$client.prepare("select settings from teams where id = ?").pluck().get(teamId(h, t)) as string) as {
        activeCustomerDays?: number;
      }
    ).activeCustomerDays;

  test("sets the active-customer window (7–730 days), shown in the settings view", async ({ h, t }) => {
    const before = await h.say(t.head, t.headChat, "/settings");
    expect(before.text).toContain("Активный клиент: сделка за последние 90 дней");
    const saved = await h.say(t.head, t.headChat, "/settings customers 30");
    expect(saved.text).toContain("✅ Сохранено.");
    expect(saved.text).toContain("Активный клиент: сделка за последние 30 дней");
    expect(days(h, t)).toBe(30);
    await h.say(t.head, t.headChat, "/settings клиенты 21");
    expect(days(h, t)).toBe(21);
    const en = await h.say(t.john, t.johnChat, "/settings");
    expect(en.text).not.toContain("Active customer");
  });

  test("refuses values out of range and managers, storing nothing", async ({ h, t }) => {
    for (const value of ["6", "731", "месяц"]) {
      const r = await h.say(t.head, t.headChat, `/settings customers ${value}`);
      expect(r.text, value).toMatch(/^⚠️ /);
      expect(r.text, value).toContain("customers 90");
    }
    const manager = await h.say(t.ivan, t.ivanChat, "/settings customers 30");
    expect(manager.text).not.toContain("Сохранено");
    expect(days(h, t) ?? 90).toBe(90);
  });

  test("narrows who counts as an active customer in /clients", async ({ h, clock, t }) => {
    clock.now = Date.parse("2026-10-01T09:00:00Z");
    await h.say(t.ivan, t.ivanChat, "/deal 100k Acme");
    clock.now = Date.parse("2026-11-20T09:00:00Z");
    await h.say(t.ivan, t.ivanChat, "/deal 50k Beta");
    const wide = await h.say(t.head, t.headChat, "/clients");
    expect(wide.text).toContain("Активных: 2");
    await h.say(t.head, t.headChat, "/settings customers 30");
    const narrow = await h.say(t.head, t.headChat, "/clients");
    expect(narrow.text).toContain("Активных: 1");
  });
});
