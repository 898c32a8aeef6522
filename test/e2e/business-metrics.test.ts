// The business metrics end to end: the head's /inputs (with refusals that store
// nothing), a deal's own margin, the article's twelve rows in /compare, /clients,
// an at-most CAC plan and the summary export, through the fake Bot API.
import { describe, expect } from "vitest";
import { e2e } from "../support/e2e.js";
import type { Harness } from "../support/harness.js";
import { count, type TeamFixture } from "../support/team.js";

const test = e2e.extend({ startAt: "2026-10-15T09:00:00Z" });

const inputRows = (h: Harness) => count(h, "select count(*) from business_inputs");

/**
 * Иван: Acme in October (100k), Acme again (200k) and Beta (100k, own margin 50 %) in
 * November; John: Gamma (400k) in November. Calls and a meeting for the activity rows.
 */
async function logDeals(h: Harness, t: TeamFixture, at: (iso: string) => number): Promise<void> {
  at("2026-10-15T09:00:00Z");
  await h.say(t.ivan, t.ivanChat, "/deal 100k Acme");
  at("2026-11-10T09:00:00Z");
  await h.say(t.ivan, t.ivanChat, "/deal 200k Acme");
  const beta = await h.say(t.ivan, t.ivanChat, "/deal 100k Beta маржа 50%");
  expect(beta.text).toContain("маржа 50%");
  await h.say(t.ivan, t.ivanChat, "/call встреча Beta");
  await h.say(t.john, t.johnChat, "/deal 400k Gamma");
  await h.say(t.john, t.johnChat, "/call reached Gamma");
  at("2026-11-20T09:00:00Z");
}

async function setInputs(h: Harness, t: TeamFixture): Promise<void> {
  for (const cmd of [
    "/inputs market 10m",
    "/inputs margin 30% 10.2026",
    "/inputs costs @ivan 50k",
    "/inputs costs @john 100 тыс ноябрь",
    "/inputs overhead 60k",
  ]) {
    expect((await h.say(t.head, t.headChat, cmd)).text).toMatch(/^✅ /);
  }
}

describe("/inputs", () => {
  test("refuses managers and bad values, storing nothing", async ({ h, t }) => {
    expect((await h.say(t.ivan, t.ivanChat, "/inputs market 12m")).text).toBe(
      "Команда /inputs доступна только руководителю отдела продаж.",
    );
    const refusals: [string, RegExp][] = [
      ["/inputs margin 120%", /Маржа — процент от 0 до 100/],
      ["/inputs costs @ivan -5k", /не могут быть отрицательными/],
      ["/inputs costs @nobody 150k", /@nobody — не менеджер этой команды/],
      ["/inputs market 12m 01.2027", /не дальше следующего месяца/],
      ["/inputs market 12m когда-нибудь", /не месяц/],
      ["/inputs profit 5", /не вводная/],
      ["/inputs costs 150k", /Укажите менеджера/],
    ];
    for (const [cmd, reason] of refusals) {
      const r = await h.say(t.head, t.headChat, cmd);
      expect(r.text, cmd).toMatch(reason);
      expect(r.text.startsWith("⚠️"), cmd).toBe(true);
    }
    // Costs are salaries: not in the team's group.
    expect((await h.say(t.head, t.group, "/inputs costs @ivan 50k")).text).toBe("Это работает в личном чате со мной.");
    expect(inputRows(h)).toBe(0);
  });

  test("keeps history, holds a value until changed and shows what is missing", async ({ h, at, t }) => {
    expect((await h.say(t.head, t.headChat, "/inputs market 12m октябрь")).text).toBe(
      "✅ Объём рынка: 12 000 000 ₽ с месяца октябрь 2026 (действует, пока не изменят).",
    );
    at("2026-11-05T09:00:00Z");
    await h.say(t.head, t.headChat, "/inputs market 10m");
    await h.say(t.head, t.headChat, "/inputs costs @ivan 50k");
    expect(inputRows(h)).toBe(3);
    const status = await h.say(t.head, t.headChat, "/inputs");
    expect(status.text).toContain("Вводные · ноябрь 2026\nОбъём рынка: 10 000 000 ₽\nВаловая маржа: не задано");
    expect(status.text).toContain("• @john: не задано\n  • @ivan: 50 000 ₽");
    expect(status.text).toContain("Не хватает: /inputs margin, /inputs costs @john");
    // October keeps its own value; November's does not rewrite it.
    expect(status.text).toContain("Вводные · октябрь 2026\nОбъём рынка: 12 000 000 ₽");
  });
});

describe("business metrics in the reports", () => {
  test("show — and name the input to enter while inputs are missing", async ({ h, at, t }) => {
    await logDeals(h, t, at);
    const compare = await h.say(t.head, t.headChat, "/compare month");
    expect(compare.text).toMatch(/Рынок\s+—\s+—\s+—/);
    expect(compare.text).toContain("не хватает данных: введите /inputs market");
    expect(compare.text).toContain("/inputs costs @ivan");
    // Customers need no inputs (columns: a manager, the average manager, the team): John has Gamma, Иван Acme and Beta.
    expect(compare.text).toMatch(/Актив\s+1\s+1,5\s+3/);
    expect(compare.text).toMatch(/Актив\s+2\s+1,5\s+3/);
    // Repeat rate: John 0 %, Иван 1 of 2 = 50 %; the average manager 25 %, the team 1 of 3 = 33,3 %.
    expect(compare.text).toMatch(/Повт\.\s+0%\s+25%\s+33,3%/);
    expect(compare.text).toMatch(/Повт\.\s+50%\s+25%\s+33,3%/);
  });

  test("fills /compare's twelve rows of the article once the head has entered the inputs", async ({ h, at, t }) => {
    await logDeals(h, t, at);
    await setInputs(h, t);
    const compare = await h.say(t.head, t.headChat, "/compare month");
    for (const row of ["Звонки", "Встр.", "Сделки", "Чек", "Конв.", "Обр.", "Закр.", "Рынок", "Рент.", "CAC", "Окуп.", "Актив"]) {
      expect(compare.text, row).toMatch(new RegExp(`^${row.replace(".", "\\.")}\\s`, "m"));
    }
    // Columns: a manager, the average manager, the team. Market share: 400k and 300k of 10m (average 3,5 %);
    // the team's own 700k of 10m is 7 %.
    expect(compare.text).toMatch(/Рынок\s+4%\s+3,5%\s+7%/);
    expect(compare.text).toMatch(/Рынок\s+3%\s+3,5%\s+7%/);
    // Return on sales: John (400k×30 % − 100k − 60k×4/7) ÷ 400k = −3,6 %; Иван (200k×30 % + 100k×50 % − 50k − 60k×3/7) ÷ 300k = 11,4 %;
    // the average manager (−3,6 + 11,4) ÷ 2 = 3,9 %; the team (230k − 210k) ÷ 700k = 2,9 %.
    expect(compare.text).toMatch(/Рент\.\s+-3,6%\s+3,9%\s+2,9%/);
    expect(compare.text).toMatch(/Рент\.\s+11,4%\s+3,9%\s+2,9%/);
    // CAC: John 134 286, Иван 75 714: the average manager 105 000, as is the team's 210k ÷ 2 new customers.
    expect(compare.text).toMatch(/CAC\s+134 тыс\.\s+105 тыс\.\s+105 тыс\./);
    expect(compare.text).toMatch(/CAC\s+75,7 тыс\.\s+105 тыс\.\s+105 тыс\./);
    // Payback: Aug–Oct gross profit is Acme's 100k × 30 % = 30k; Иван has 2 active customers: 75 714 ÷ (30k / 3 / 2) = 15,1.
    // John had no gross profit in those months: no payback to measure.
    expect(compare.text).toMatch(/Окуп\.\s+—\s+15,1мес\s+31,5мес/);
    expect(compare.text).not.toContain("не хватает данных");

    const report = await h.say(t.head, t.headChat, "/report month");
    expect(report.text).toMatch(/CAC/);
    expect(report.text).not.toContain("не хватает данных");

    const top = await h.say(t.ivan, t.ivanChat, "/top рынок");
    expect(top.text).toMatch(/🥇 1\. John — 4%\n🥈 2\. Иван — 3%/);
  });

  test("takes an at-most CAC plan and exports the business columns", async ({ h, at, t }) => {
    await logDeals(h, t, at);
    await setInputs(h, t);
    const plan = await h.say(t.head, t.headChat, "/plan cac 90000 month");
    // Иван's CAC is 50k + 60k×3/7 ≈ 75 714 ₽: under the 90 000 ₽ ceiling, on pace;
    // John's 100k + 60k×4/7 ≈ 134 286 ₽ is over 125 % of it.
    expect(plan.text).toContain("Иван: стоимость привлечения клиента (CAC) 75,71 тыс. ₽/90 тыс. ₽ · в темпе");
    expect(plan.text).toContain("John: стоимость привлечения клиента (CAC) 134,29 тыс. ₽/90 тыс. ₽ · под угрозой");

    const after = h.fake.mark();
    h.fake.sendText(t.head, t.headChat, "/export summary");
    const doc = await h.fake.waitForCall((c) => c.method === "sendDocument", { after });
    const rows = (doc.payload["document"].bytes.toString("utf8") as string)
      .slice(1)
      .trim()
      .split("\r\n")
      .map((l: string) => l.split(";"));
    const col = (name: string) => rows.map((r: string[]) => r[rows[0]!.indexOf(name)]);
    // Rows: John, Иван, the team.
    expect(col("доля рынка, %")).toEqual(["доля рынка, %", "4,0", "3,0", "7,0"]);
    expect(col("активные клиенты")).toEqual(["активные клиенты", "1", "2", "3"]);
    expect(col("повторные продажи, %")).toEqual(["повторные продажи, %", "0,0", "50,0", "33,3"]);
    expect(col("стоимость привлечения клиента (CAC), ₽")[3]).toBe("105000,00"); // team: 210k ÷ 2 new customers
  });
});

describe("/clients", () => {
  test("lists a manager's customers for the head, and only their own for a manager", async ({ h, at, t }) => {
    await logDeals(h, t, at);
    const head = await h.say(t.head, t.headChat, "/clients");
    expect(head.text).toContain("Иван\nАктивных: 2 из 2 · повторные покупатели: 1");
    expect(head.text).toMatch(/• Acme — 2 сделки, последняя 10\.11\.2026/);
    expect(head.text).toContain("John\nАктивных: 1 из 1");
    const own = await h.say(t.john, t.johnChat, "/clients");
    expect(own.text).toContain("Gamma — 1 deal");
    expect(own.text).not.toContain("Acme");
    expect((await h.say(t.john, t.johnChat, "/clients @ivan")).text).toBe("⚠️ Only a head can see another manager's customers.");
    // Slipping away after 60 days without a deal.
    at("2027-01-15T09:00:00Z");
    const later = await h.say(t.head, t.headChat, "/clients @ivan");
    expect(later.text).toMatch(/Уходят \(нет сделок 60\+ дней\)\n• Acme/);
  });
});
