// Bonuses end to end: rules added, listed and removed (buttons, forged and stale taps),
// every refusal, /bonus for a manager and a head from real deals and plans, past months
// with the rules they had, and the bonus column of /export summary.
import { describe, expect } from "vitest";
import { e2e } from "../support/e2e.js";
import { buttons, type Harness, type Reply, visibleText } from "../support/harness.js";
import { count, type TeamFixture } from "../support/team.js";

const test = e2e.extend({ startAt: "2026-11-20T09:00:00Z" }); // Friday 12:00 in Moscow

const rules = (h: Harness) => count(h, "select count(*) from bonus_rules");
const liveRules = (h: Harness) => count(h, "select count(*) from bonus_rules where removed_at is null");

/** A tap with any data, as a modified client (or an old copy of the list) sends it. */
async function forge(h: Harness, t: TeamFixture, data: string, message: Reply) {
  const after = h.fake.mark();
  h.fake.forgeClick(t.head, t.headChat, message.call.response.result, data);
  const call = await h.fake.waitForMessage(t.headChat.id, undefined, { after });
  return visibleText(call);
}

async function exportRows(h: Harness, t: TeamFixture): Promise<string[][]> {
  const after = h.fake.mark();
  h.fake.sendText(t.head, t.headChat, "/export summary");
  const doc = await h.fake.waitForCall((c) => c.method === "sendDocument", { after });
  return (doc.payload["document"].bytes.toString("utf8") as string)
    .slice(1)
    .trim()
    .split("\r\n")
    .map((l: string) => l.split(";"));
}

describe("bonus rules", () => {
  test("adds, lists and removes rules; removing keeps the row", async ({ h, t }) => {
    expect((await h.say(t.head, t.headChat, "/bonus add over_plan 5%")).text).toBe(
      "✅ Правило бонуса добавлено: 5% выручки сверх плана по выручке\nОно действует на весь текущий месяц. Все правила — /bonus rules.",
    );
    expect((await h.say(t.head, t.headChat, "/bonus add big_deal 300k 10k")).text).toMatch(/^✅ .*10 тыс\. ₽ за сделку от 300 тыс\. ₽/);
    expect((await h.say(t.head, t.headChat, "/bonus add plan_hit deals 15k")).text).toMatch(/^✅ .*15 тыс\. ₽ за выполнение плана: сделки/);

    const list = await h.say(t.head, t.headChat, "/bonus rules");
    expect(list.text).toContain(
      "1. 5% выручки сверх плана по выручке\n2. 10 тыс. ₽ за сделку от 300 тыс. ₽\n3. 15 тыс. ₽ за выполнение плана: сделки",
    );
    const ids = buttons(list.call);
    expect(ids).toHaveLength(3);
    expect(ids.every((d) => /^bonus:rm:\d+$/.test(d))).toBe(true);

    const removed = await h.tap(t.head, t.headChat, list.call, ids[1]!);
    expect(removed.call.method).toBe("editMessageText");
    expect(removed.text).toMatch(/^✖ Правило удалено/);
    expect(removed.text).toContain("1. 5% выручки сверх плана по выручке\n2. 15 тыс. ₽ за выполнение плана: сделки");
    expect(buttons(removed.call)).toEqual([ids[0], ids[2]]);
    expect([rules(h), liveRules(h)]).toEqual([3, 2]);

    // Another team's rule.
    const boris = h.fake.user(200, { first_name: "Борис", username: "boris", language_code: "ru" });
    const groupB = h.fake.group(-2002, "Отдел Б");
    h.fake.setChatMember(groupB.id, boris.id, "creator");
    await h.say(boris, groupB, "/setup");
    await h.say(boris, groupB, "/bonus add over_plan 5%");
    const otherId = count(h, "select id from bonus_rules where team_id <> (select team_id from bonus_rules where id = 1)");

    // The same (now stale) button, and forged ones: nothing changes.
    for (const data of [ids[1]!, "bonus:rm:999999", "bonus:rm:abc", "bonus:rm:", `bonus:rm:${otherId}`]) {
      expect(await forge(h, t, data, list)).toMatch(/^Это правило уже удалено или принадлежит другой команде/);
    }
    expect([rules(h), liveRules(h)]).toEqual([4, 3]);
    expect(count(h, "select count(*) from bonus_rules where id = ? and removed_at is null", otherId)).toBe(1);

    const byNumber = await h.say(t.head, t.headChat, "/bonus remove 1");
    expect(byNumber.text).toMatch(/^✖ Правило удалено[\s\S]*1\. 15 тыс\. ₽ за выполнение плана: сделки/);
    expect((await h.say(t.head, t.headChat, "/bonus remove 5")).text).toMatch(/^⚠️ Это правило уже удалено/);
    expect([rules(h), liveRules(h)]).toEqual([4, 2]);
  });

  test("answers in English with English words", async ({ h, t }) => {
    await h.say(t.head, t.headChat, "/promote @john");
    const added = await h.say(t.john, t.johnChat, "/bonus add big_deal 1.5m 50k");
    expect(added.text).toMatch(/^✅ Bonus rule added: 50k ₽ per deal of 1\.5M ₽ or more/);
    expect((await h.say(t.john, t.johnChat, "/bonus rules")).text).toMatch(/^Bonus rules\n1\. 50k ₽ per deal/);
  });

  test("refuses bad rules with the reason and the forms, storing nothing", async ({ h, t }) => {
    await h.say(t.head, t.headChat, "/bonus add over_plan 5%");
    const cases: [string, RegExp][] = [
      ["/bonus add", /^Формы:/],
      ["/bonus add over_plan", /^Формы:/],
      ["/bonus add big_deal 300k", /^Формы:/],
      ["/bonus add mega 5%", /^⚠️ Неизвестный вид правила «mega»/],
      ["/bonus add plan_hit bananas 15k", /^⚠️ «bananas» — не метрика, на которую ставят план\.\nМетрики:/],
      ["/bonus add over_plan 0%", /^⚠️ Процент должен быть больше 0\./],
      ["/bonus add over_plan -5%", /^⚠️ Процент не может быть отрицательным\./],
      ["/bonus add over_plan 150%", /^⚠️ Процент — не больше 100\./],
      ["/bonus add over_plan пять", /^⚠️ Процент — не число/],
      ["/bonus add big_deal -300k 10k", /^⚠️ -300k: Сумма не может быть отрицательной\./],
      ["/bonus add big_deal 300k -10k", /^⚠️ -10k: Сумма не может быть отрицательной\./],
      ["/bonus add big_deal 300k 500m", /^⚠️ 500m: Сумма больше 100 млн ₽/],
      ["/bonus add big_deal 300k 50,000", /^⚠️ 50,000: Это не сумма/],
      ["/bonus add plan_hit deals 15k и ещё", /^⚠️ Лишнее в конце: «и ещё»/],
      ["/bonus add over_plan 5%", /^⚠️ Такое же правило уже действует/],
    ];
    for (const [command, reply] of cases) {
      const r = await h.say(t.head, t.headChat, command);
      expect(r.text, command).toMatch(reply);
      if (!/^⚠️ Такое/.test(r.text)) expect(r.text, command).toContain("/bonus add big_deal 300k 10k");
    }
    expect(rules(h)).toBe(1);
  });

  test("refuses managers: add, remove, the list and its buttons", async ({ h, t }) => {
    await h.say(t.head, t.headChat, "/bonus add over_plan 5%");
    for (const command of ["/bonus add big_deal 300k 10k", "/bonus rules", "/bonus remove 1"]) {
      expect((await h.say(t.ivan, t.ivanChat, command)).text).toMatch(/^Команда \/bonus \S+ доступна только руководителю/);
    }
    // The list in the group is answered to the head alone: a manager never sees its ✖, so
    // only a forged tap carries it; it is refused and removes nothing.
    const list = await h.say(t.head, t.group, "/bonus rules");
    const after = h.fake.mark();
    h.fake.forgeClick(t.ivan, t.group, list.call.response.result, buttons(list.call)[0]!);
    const tap = visibleText(await h.fake.waitForMessage(t.group.id, undefined, { after }));
    expect(tap).toMatch(/^Команда \/bonus rules доступна только руководителю/);
    expect([rules(h), liveRules(h)]).toEqual([1, 1]);
  });
});

describe("/bonus [month]", () => {
  /**
   * Plans: revenue 500 000 a month each; deals 3 a month each, but 2 for Ivan (his own plan wins).
   * Rules: 10 % over plan, 10 000 per deal ≥ 300 000, 15 000 for the deals plan.
   * Ivan: deals 400 000 + 200 000 → 10 % × 100 000 = 10 000; one big deal 10 000; 2 of 2 deals 15 000 → 35 000.
   * John: one deal 100 000 → below plan 0; no big deal 0; 1 of 3 deals 0 → 0.
   */
  async function novemberSetUp(h: Harness, t: TeamFixture): Promise<void> {
    for (const c of ["/plan revenue 500k month", "/plan deals 3 month", "/plan deals 2 month @ivan", "/plan calls 1000 month all"]) {
      await h.say(t.head, t.headChat, c);
    }
    for (const c of ["/bonus add over_plan 10%", "/bonus add big_deal 300k 10k", "/bonus add plan_hit deals 15k"]) {
      await h.say(t.head, t.headChat, c);
    }
    await h.say(t.ivan, t.ivanChat, "/deal 400k Acme");
    await h.say(t.ivan, t.ivanChat, "/deal 200 000 Beta");
    await h.say(t.john, t.johnChat, "/deal 100k Gamma");
  }

  test("shows a manager their own accrual rule by rule", async ({ h, t }) => {
    await novemberSetUp(h, t);
    const ivan = await h.say(t.ivan, t.ivanChat, "/bonus");
    expect(ivan.text).toBe(
      [
        "💰 Ваш бонус · ноябрь 2026",
        "• 10% × (600 тыс. ₽ − план 500 тыс. ₽) = 10 тыс. ₽",
        "• сделка ≥ 300 тыс. ₽ × 1 = 10 тыс. ₽",
        "• план «сделки» выполнен (2 из 2) = 15 тыс. ₽",
        "Итого: 35 тыс. ₽",
        "Месяц ещё идёт: это бонус на сегодня.",
      ].join("\n"),
    );
    const john = await h.say(t.john, t.johnChat, "/bonus ноябрь");
    expect(john.text).toBe(
      [
        "💰 Your bonus · November 2026",
        "• 10% above the revenue plan: 100k ₽ of 500k ₽ — 0 ₽",
        "• deal ≥ 300k ₽ × 0 = 0 ₽",
        "• plan on deals not reached (1 of 3) — 0 ₽",
        "Total: 0 ₽",
        "The month is not over yet: this is the bonus so far.",
      ].join("\n"),
    );
  });

  test("shows a head the team's table with a column per rule", async ({ h, t }) => {
    await novemberSetUp(h, t);
    const head = await h.say(t.head, t.headChat, "/bonus 11.2026");
    const lines = head.text.split("\n");
    expect(lines[0]).toBe("💰 Бонусы · ноябрь 2026");
    // Three rule columns and the total are wider than a phone: two tables, each repeating names and the total.
    expect(head.text).toMatch(
      /Кто\s+#1\s+#2\s+Итого\n─+\nJohn\s+0\s+0\s+0\nИван\s+10 тыс\.\s+10 тыс\.\s+35 тыс\.\nИтого\s+10 тыс\.\s+10 тыс\.\s+35 тыс\.\n/,
    );
    expect(head.text).toMatch(/Кто\s+#3\s+Итого\n─+\nJohn\s+0\s+0\nИван\s+15 тыс\.\s+35 тыс\.\nИтого\s+15 тыс\.\s+35 тыс\.\n/);
    expect(head.text).toContain("#2 — 10 тыс. ₽ за сделку от 300 тыс. ₽");
    expect(head.text).toContain("Итого: 35 тыс. ₽");
    // Phone width: no table line wider than 36 characters.
    const html = String(head.call.payload["text"]);
    for (const m of html.matchAll(/<pre>([\s\S]*?)<\/pre>/g))
      for (const l of m[1]!.split("\n")) expect([...l].length).toBeLessThanOrEqual(36);
  });

  test("does not let a whole-team plan bind a person", async ({ h, t }) => {
    await h.say(t.head, t.headChat, "/plan revenue 100k month all");
    await h.say(t.head, t.headChat, "/bonus add over_plan 5%");
    await h.say(t.ivan, t.ivanChat, "/deal 400k Acme");
    expect((await h.say(t.ivan, t.ivanChat, "/bonus")).text).toContain("• 5% сверх плана по выручке: нет месячного плана по выручке — 0 ₽");
  });

  test("computes a past month with the rules it had: later rules and removals don't change it", async ({ h, at, t }) => {
    at("2026-10-05T09:00:00Z");
    const list = await h.say(t.head, t.headChat, "/bonus add big_deal 300k 10k");
    expect(list.text).toMatch(/^✅/);
    await h.say(t.ivan, t.ivanChat, "/deal 300k Acme");
    await h.say(t.ivan, t.ivanChat, "/deal 350k Beta");
    at("2026-11-20T09:00:00Z");
    await h.say(t.head, t.headChat, "/bonus remove 1");
    await h.say(t.head, t.headChat, "/bonus add plan_hit deals 15k");
    await h.say(t.head, t.headChat, "/plan deals 1 month");
    const october = await h.say(t.ivan, t.ivanChat, "/bonus прошлый месяц");
    expect(october.text).toBe(["💰 Ваш бонус · октябрь 2026", "• сделка ≥ 300 тыс. ₽ × 2 = 20 тыс. ₽", "Итого: 20 тыс. ₽"].join("\n"));
    const november = await h.say(t.ivan, t.ivanChat, "/bonus");
    expect(november.text).toMatch(/^💰 Ваш бонус · ноябрь 2026\n• план «сделки» не выполнен \(0 из 1\) — 0 ₽\nИтого: 0 ₽/);
    expect((await h.say(t.ivan, t.ivanChat, "/bonus сентябрь")).text).toMatch(/В этом месяце правил бонусов не было/);
  });

  test("binds each manager to their own previous month under a relative plan", async ({ h, at, t }) => {
    at("2026-10-06T09:00:00Z");
    await h.say(t.ivan, t.ivanChat, "/deal 10k Acme");
    await h.say(t.ivan, t.ivanChat, "/deal 10k Beta");
    at("2026-11-20T09:00:00Z");
    // Stored target: the team's October per manager (2 deals ÷ 2) + 50 % → 2; Ivan's own: 2 + 50 % → 3.
    await h.say(t.head, t.headChat, "/plan deals +50% month");
    await h.say(t.head, t.headChat, "/bonus add plan_hit deals 5k");
    for (const c of ["/deal 10k A", "/deal 10k B"]) {
      await h.say(t.ivan, t.ivanChat, c);
      await h.say(t.john, t.johnChat, c);
    }
    expect((await h.say(t.ivan, t.ivanChat, "/bonus")).text).toContain("• план «сделки» не выполнен (2 из 3) — 0 ₽");
    // John had no October: the stored target applies.
    expect((await h.say(t.john, t.johnChat, "/bonus")).text).toContain("• plan on deals reached (2 of 2) = 5k ₽");
    await h.say(t.ivan, t.ivanChat, "/deal 10k C");
    expect((await h.say(t.ivan, t.ivanChat, "/bonus")).text).toContain("• план «сделки» выполнен (3 из 3) = 5 тыс. ₽");
  });

  test("shows bonuses only in a private chat", async ({ h, t }) => {
    await h.say(t.head, t.headChat, "/bonus add big_deal 300k 10k");
    await h.say(t.ivan, t.ivanChat, "/deal 400k Acme");
    for (const who of [t.ivan, t.head]) {
      expect((await h.say(who, t.group, "/bonus")).text).toBe(
        "Бонусы — это деньги: показываю их только в личном чате. Напишите мне /bonus там.",
      );
    }
    // The summary export sent to the group has no bonus column.
    const after = h.fake.mark();
    h.fake.sendText(t.head, t.group, "/export summary");
    const doc = await h.fake.waitForCall((c) => c.method === "sendDocument", { after });
    const header = (doc.payload["document"].bytes.toString("utf8") as string).split("\r\n")[0]!;
    expect(header).toContain("Менеджер;");
    expect(header).not.toContain("Бонус");
  });

  test("refuses a month it cannot read or that has not begun", async ({ h, t }) => {
    expect((await h.say(t.ivan, t.ivanChat, "/bonus 13.2026")).text).toMatch(/^⚠️ «13\.2026» — не месяц\.\nФорма: \/bonus \[месяц\]/);
    expect((await h.say(t.ivan, t.ivanChat, "/bonus декабрь 2026")).text).toMatch(/^⚠️ Этот месяц ещё не начался\./);
    expect((await h.say(t.john, t.johnChat, "/bonus someday")).text).toMatch(/^⚠️ “someday” is not a month\./);
  });
});

describe("/export summary", () => {
  test("has a bonus column per manager and the team's total", async ({ h, t }) => {
    await h.say(t.head, t.headChat, "/bonus add big_deal 300k 10k");
    await h.say(t.ivan, t.ivanChat, "/deal 400k Acme");
    await h.say(t.ivan, t.ivanChat, "/deal 500k Beta");
    await h.say(t.john, t.johnChat, "/deal 300k Gamma");
    const rows = await exportRows(h, t);
    const col = rows[0]!.indexOf("Бонус 11.2026, ₽");
    expect(col).toBe(rows[0]!.length - 1);
    expect(rows.map((r) => [r[0], r[col]])).toEqual([
      ["Менеджер", "Бонус 11.2026, ₽"],
      ["John", "10000,00"],
      ["Иван", "20000,00"],
      ["Итого", "30000,00"],
    ]);
    // A manager's export has only their own row and bonus.
    const after = h.fake.mark();
    h.fake.sendText(t.john, t.johnChat, "/export summary month");
    const doc = await h.fake.waitForCall((c) => c.method === "sendDocument", { after });
    const own = (doc.payload["document"].bytes.toString("utf8") as string).trim().split("\r\n");
    expect(own.map((l) => l.split(";").at(-1))).toEqual(["Bonus 11.2026, ₽", "10000.00", "10000.00"]);
  });
});
