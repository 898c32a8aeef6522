// The guided /inputs flow (status screen button → month → whose → value) and the
// active-customer window setting, end to end through the fake Bot API.
import { beforeEach, describe, expect, it } from "vitest";
import { buttons, type Clock, type Harness, type Reply, startHarness, stopAfterEach, visibleText } from "../support/harness.js";
import { count, setUpTeam, type TeamFixture } from "../support/team.js";

let h: Harness;
let t: TeamFixture;
let clock: Clock;
type User = Parameters<Harness["say"]>[0];

beforeEach(async () => {
  clock = { now: Date.parse("2026-11-20T09:00:00Z") };
  h = await startHarness({ clock });
  t = await setUpTeam(h);
});
stopAfterEach(() => h);

const inputRows = () => count(h, "select count(*) from business_inputs");
const teamId = () => count(h, "select id from teams where chat_id = ?", t.group.id);
function lastInput(): { kind: string; month: string; user_id: number | null; value: number; set_by: number } {
  return h.deps.db.$client
    .prepare("select kind, month, user_id, value, set_by from business_inputs order by id desc limit 1")
    .get() as never;
}

/** A tap with any data, as a modified client (or an old copy of the message) sends it. */
async function forge(from: User, data: string, message: Reply): Promise<string> {
  const after = h.fake.mark();
  const chat = h.fake.privateChat(from);
  h.fake.forgeClick(from, chat, message.call.response.result, data);
  return visibleText(await h.fake.waitForMessage(chat.id, undefined, { after }));
}

/** `/inputs`, then the status screen's button for `kind`: the flow's first question. */
async function open(kind: string): Promise<{ status: Reply; ask: Reply }> {
  const status = await h.say(t.head, t.headChat, "/inputs");
  const ask = await h.tap(t.head, t.headChat, status.call, `inp:edit:${kind}`);
  return { status, ask };
}

describe("the guided /inputs flow", () => {
  it("shows the four edit buttons on the status screen", async () => {
    const status = await h.say(t.head, t.headChat, "/inputs");
    expect(buttons(status.call)).toEqual(["inp:edit:market", "inp:edit:margin", "inp:edit:costs", "inp:edit:overhead"]);
    expect(status.text).toContain("Или нажмите кнопку ниже — спрошу по шагам.");
  });

  it("stores each kind of input through buttons and typed answers", async () => {
    // Market: this month's button, a money value.
    let { ask } = await open("market");
    expect(ask.text).toBe("✏️ Объём рынка: за какой месяц? Нажмите кнопку или напишите месяц: 11.2026, ноябрь.");
    expect(buttons(ask.call)).toEqual(["ie:mo:2026-10", "ie:mo:2026-11", "ie:mo:2026-12", "ie:cancel"]);
    let value = await h.tap(t.head, t.headChat, ask.call, "ie:mo:2026-11");
    expect(value.text).toBe("Объём рынка за ноябрь 2026: сколько? Например: 150000, 150k, 1,5 млн, 150 тыс.");
    expect(inputRows()).toBe(0);
    let saved = await h.say(t.head, t.headChat, "12m");
    expect(saved.text).toMatch(/^✅ Объём рынка: 12\s000\s000 ₽ с месяца ноябрь 2026 \(действует, пока не изменят\)\.$/u);
    expect(lastInput()).toEqual({ kind: "market", month: "2026-11", user_id: null, value: 12_000_000_00, set_by: t.head.id });

    // Margin: the month typed, a percent.
    ({ ask } = await open("margin"));
    value = await h.say(t.head, t.headChat, "10.2026");
    expect(value.text).toBe("Валовая маржа за октябрь 2026: сколько процентов? Например: 30%, 27,5.");
    saved = await h.say(t.head, t.headChat, "27,5 %");
    expect(saved.text).toContain("✅ Валовая маржа:");
    expect(lastInput()).toEqual({ kind: "margin", month: "2026-10", user_id: null, value: 27.5, set_by: t.head.id });

    // Costs: the month, then the manager's button.
    ({ ask } = await open("costs"));
    const who = await h.tap(t.head, t.headChat, ask.call, "ie:mo:2026-10");
    expect(who.text).toBe("Затраты на продажи за октябрь 2026: чьи? Выберите менеджера.");
    expect(buttons(who.call)).toEqual([`ie:u:${t.john.id}`, `ie:u:${t.ivan.id}`, "ie:cancel"]);
    value = await h.tap(t.head, t.headChat, who.call, `ie:u:${t.ivan.id}`);
    expect(value.text).toContain("Затраты на продажи @ivan за октябрь 2026: сколько?");
    saved = await h.say(t.head, t.headChat, "150 тыс");
    expect(saved.text).toMatch(/^✅ Затраты на продажи @ivan: 150\s000 ₽ с месяца октябрь 2026 /u);
    expect(lastInput()).toEqual({ kind: "costs", month: "2026-10", user_id: t.ivan.id, value: 150_000_00, set_by: t.head.id });

    // Overhead: next month's button; 0 is a valid overhead.
    ({ ask } = await open("overhead"));
    await h.tap(t.head, t.headChat, ask.call, "ie:mo:2026-12");
    saved = await h.say(t.head, t.headChat, "0");
    expect(saved.text).toContain("✅ Накладные:");
    expect(lastInput()).toEqual({ kind: "overhead", month: "2026-12", user_id: null, value: 0, set_by: t.head.id });
    expect(inputRows()).toBe(4);

    // The status screen now shows what the flow stored.
    const status = await h.say(t.head, t.headChat, "/inputs");
    expect(status.text).toMatch(/Объём рынка: 12\s000\s000 ₽/u);
  });

  it("re-asks a bad month or value with the one-line form's refusals, storing nothing until it reads", async () => {
    await open("margin");
    const future = await h.say(t.head, t.headChat, "01.2027");
    expect(future.text).toMatch(/^⚠️ Вводные можно задать не дальше следующего месяца\.\n✏️ Валовая маржа: за какой месяц\?/);
    const noMonth = await h.say(t.head, t.headChat, "когда-нибудь");
    expect(noMonth.text).toContain("«когда-нибудь» — не месяц");
    await h.say(t.head, t.headChat, "ноябрь");
    const tooMuch = await h.say(t.head, t.headChat, "120%");
    expect(tooMuch.text).toBe("⚠️ Маржа — процент от 0 до 100.\nВаловая маржа за ноябрь 2026: сколько процентов? Например: 30%, 27,5.");
    const word = await h.say(t.head, t.headChat, "много");
    expect(word.text).toMatch(/^⚠️ «много» — не сумма/);
    expect(inputRows()).toBe(0);
    const saved = await h.say(t.head, t.headChat, "30");
    expect(saved.text).toContain("✅ Валовая маржа:");
    expect(lastInput()).toMatchObject({ kind: "margin", month: "2026-11", value: 30 });

    // Money: negative and nonsense are refused the same way.
    const { ask } = await open("costs");
    const who = await h.tap(t.head, t.headChat, ask.call, "ie:mo:2026-11");
    expect(buttons(who.call)).toContain(`ie:u:${t.john.id}`);
    // A manager typed instead of tapped: someone not on the buttons is asked again.
    const stranger = await h.say(t.head, t.headChat, "@nobody");
    expect(stranger.text).toBe("Затраты на продажи за ноябрь 2026: чьи? Выберите менеджера.");
    expect(buttons(stranger.call)).toEqual(buttons(who.call));
    await h.say(t.head, t.headChat, "@John");
    const negative = await h.say(t.head, t.headChat, "-5k");
    expect(negative.text).toMatch(/^⚠️ Вводные не могут быть отрицательными\.\nЗатраты на продажи @john за ноябрь 2026/);
    expect(inputRows()).toBe(1);
    await h.say(t.head, t.headChat, "80k");
    expect(lastInput()).toMatchObject({ kind: "costs", user_id: t.john.id, value: 80_000_00 });
  });

  it("✖ and any command cancel, storing nothing", async () => {
    const { ask } = await open("market");
    const value = await h.tap(t.head, t.headChat, ask.call, "ie:mo:2026-11");
    const cancelled = await h.tap(t.head, t.headChat, value.call, "ie:cancel");
    expect(cancelled.text).toBe("Ввод вводных закрыт. Ничего не сохранено.");
    // The value typed afterwards is no answer to a closed flow.
    await h.say(t.head, t.headChat, "12m");
    expect(inputRows()).toBe(0);

    await open("overhead");
    const byCommand = await h.say(t.head, t.headChat, "/help");
    expect(byCommand.text).toBe("Ввод вводных закрыт. Ничего не сохранено.");
    await h.say(t.head, t.headChat, "50k");
    expect(inputRows()).toBe(0);
  });

  it("refuses to save for a head demoted mid-flow", async () => {
    const { ask } = await open("market");
    await h.tap(t.head, t.headChat, ask.call, "ie:mo:2026-11");
    h.deps.repos.memberships.setRole(teamId(), t.head.id, "manager");
    const refused = await h.say(t.head, t.headChat, "12m");
    expect(refused.text).toBe(
      "Этот диалог начат руководителем команды «Отдел продаж», а вы больше не её руководитель. Ничего не сохранено.",
    );
    expect(inputRows()).toBe(0);
  });

  it("refuses to store costs for a manager who left the team mid-flow", async () => {
    const { ask } = await open("costs");
    const who = await h.tap(t.head, t.headChat, ask.call, "ie:mo:2026-11");
    await h.tap(t.head, t.headChat, who.call, `ie:u:${t.ivan.id}`);
    h.deps.db.$client.prepare("update memberships set active = 0 where user_id = ?").run(t.ivan.id);
    const refused = await h.say(t.head, t.headChat, "150k");
    expect(refused.text).toBe("@ivan больше не менеджер этой команды. Ничего не сохранено.");
    expect(inputRows()).toBe(0);
  });

  it("a manager can't open it, even with a forged button", async () => {
    const refusal = await h.say(t.ivan, t.ivanChat, "/inputs");
    expect(refusal.text).toBe("Команда /inputs доступна только руководителю отдела продаж.");
    expect(await forge(t.ivan, "inp:edit:market", refusal)).toBe("Команда /inputs доступна только руководителю отдела продаж.");
    // Nor does a flow button do anything for them.
    expect(await forge(t.ivan, "ie:mo:2026-11", refusal)).toBe("Эта кнопка здесь больше не работает.");
    expect(inputRows()).toBe(0);
  });

  it("answers stale and forged buttons without storing", async () => {
    const { status, ask } = await open("market");
    // A month no button offered (months after next are refused).
    expect(await forge(t.head, "ie:mo:2027-06", ask)).toBe("Эта кнопка здесь больше не работает.");
    expect(await forge(t.head, "inp:edit:profit", status)).toBe("Эта кнопка здесь больше не работает.");
    await h.tap(t.head, t.headChat, ask.call, "ie:mo:2026-11");
    await h.say(t.head, t.headChat, "12m");
    expect(inputRows()).toBe(1);
    // The flow is over: its month buttons are stale now.
    const stale = await h.tap(t.head, t.headChat, ask.call, "ie:mo:2026-10");
    expect(stale.text).toBe("Эта кнопка здесь больше не работает.");
    expect(inputRows()).toBe(1);
  });
});

describe("/settings customers", () => {
  const days = () =>
    (
      JSON.parse(h.deps.db.$client.prepare("select settings from teams where id = ?").pluck().get(teamId()) as string) as {
        activeCustomerDays?: number;
      }
    ).activeCustomerDays;

  it("sets the active-customer window (7–730 days), shown in the settings view", async () => {
    const before = await h.say(t.head, t.headChat, "/settings");
    expect(before.text).toContain("Активный клиент: сделка за последние 90 дней");
    const saved = await h.say(t.head, t.headChat, "/settings customers 30");
    expect(saved.text).toContain("✅ Сохранено.");
    expect(saved.text).toContain("Активный клиент: сделка за последние 30 дней");
    expect(days()).toBe(30);
    await h.say(t.head, t.headChat, "/settings клиенты 21");
    expect(days()).toBe(21);
    const en = await h.say(t.john, t.johnChat, "/settings");
    expect(en.text).not.toContain("Active customer");
  });

  it("refuses values out of range and managers, storing nothing", async () => {
    for (const value of ["6", "731", "месяц"]) {
      const r = await h.say(t.head, t.headChat, `/settings customers ${value}`);
      expect(r.text, value).toMatch(/^⚠️ /);
      expect(r.text, value).toContain("customers 90");
    }
    const manager = await h.say(t.ivan, t.ivanChat, "/settings customers 30");
    expect(manager.text).not.toContain("Сохранено");
    expect(days() ?? 90).toBe(90);
  });

  it("narrows who counts as an active customer in /clients", async () => {
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
