import { describe, expect } from "vitest";
import type { RecordedCall } from "../fake-telegram/index.js";
import { e2e } from "../support/e2e.js";
import { buttons, type Harness } from "../support/harness.js";
import { count, type TeamFixture } from "../support/team.js";

/** Ivan: 4 calls (1 → meeting), 2 deals (100k, 300k), a lost lead; John: 2 calls, 1 deal 50k. */
async function seed(h: Harness, t: TeamFixture): Promise<void> {
  const ivan = (text: string) => h.say(t.ivan, t.ivanChat, text);
  const john = (text: string) => h.say(t.john, t.johnChat, text);
  for (const c of [
    "/lead Ромашка",
    "/call встреча Ромашка",
    "/call",
    "/call недозвон",
    "/call",
    "/meeting Ромашка",
    "/proposal Ромашка",
    "/deal 100 000 Ромашка",
    "/deal 300k Вектор",
    "/lead Сигма",
    "/lost Сигма — дорого",
  ])
    await ivan(c);
  for (const c of ["/lead Acme", "/call Acme", "/call", "/deal 50k Acme", "/lead Beta", "/lost Beta — no budget"]) await john(c);
}

/** The next photo sent to a chat after `after`. */
const photoAfter = (h: Harness, chatId: number, after: number) =>
  h.fake.waitForCall((c) => c.method === "sendPhoto" && c.payload["chat_id"] === chatId, { after });

describe("plans", () => {
  e2e("sets plans for each manager, one manager and the team, and shows progress in /me", async ({ h, t }) => {
    await seed(h, t);
    const head = (text: string) => h.say(t.head, t.headChat, text).then((r) => r.text);
    const each = await head("/plan deals 10 month");
    expect(each).toMatch(/^✅ План задан: сделки 10 в месяц · каждому менеджеру\n/);
    expect(each).toMatch(/\nИван: сделки 2\/10 \(20%\)/);
    expect(each).toMatch(/\nJohn: сделки 1\/10 \(10%\)/);
    expect(await head("/plan звонки 40 день @ivan")).toMatch(/План задан: звонки 40 в день · @ivan\nзвонки 4\/40 \(10%\)/);
    expect(await head("/plan выручка 1,5 млн месяц all")).toContain("выручка 1 500 000 ₽ в месяц · на команду");
    expect(await head("/plan leadtime 24h month")).toContain("время обработки лида 1 д в месяц");
    expect(count(h, "select count(*) from plans")).toBe(4);
    // Setting the same plan again replaces it.
    expect(await head("/plan deals 12 month")).toContain("сделки 12 в месяц");
    expect(count(h, "select count(*) from plans")).toBe(4);

    const me = (await h.say(t.ivan, t.ivanChat, "/me")).text;
    expect(me).toMatch(/• сделки 2\/12 \(16,7%\) · темп [\d,]+% · (под угрозой|отстаёт|в темпе)/);
    expect(me).toMatch(/• звонки 4\/40 \(10%\)/);
    expect(me).toMatch(/• время обработки лида \S+/);
    const john = (await h.say(t.john, t.johnChat, "/me month")).text;
    expect(john).toMatch(/• deals 1\/12 \(8.3%\)/);
    expect(john).not.toContain("calls 2/40");
  });

  e2e("refuses bad plans with the reason and the form, storing nothing", async ({ h, t }) => {
    const head = (text: string) => h.say(t.head, t.headChat, text).then((r) => r.text);
    expect(await head("/plan deals ten month")).toMatch(/^⚠️ The value is not a number|^⚠️ Значение не похоже на число/);
    expect(await head("/plan deals 1.5 month")).toContain("Количество должно быть целым");
    expect(await head("/plan deals -3 month")).toContain("не может быть отрицательным");
    expect(await head("/plan happiness 10 month")).toContain("Неизвестная метрика «happiness»");
    expect(await head("/plan deals 10 fortnight")).toContain("«fortnight» — не период плана");
    expect(await head("/plan leadtime 24 month")).toContain("Укажите время с единицей");
    expect(await head("/plan conversion 120% month")).toContain("Процент — больше 0 и не больше 100");
    expect(await head("/plan deals 10 month @ghost")).toContain("@ghost нет в команде");
    expect(await head("/plan avgcheck +15% month")).toContain("нет значения, к которому прибавить процент");
    expect(await head("/plan deals")).toContain("Формат: /plan <метрика> <значение>");
    const manager = await h.say(t.john, t.johnChat, "/plan deals 10 month");
    expect(manager.text).toBe("Only a head of sales can use /plan.");
    expect(count(h, "select count(*) from plans")).toBe(0);
  });

  e2e("sets a relative plan from last period's numbers", async ({ h, t }) => {
    const lastMonth = Math.floor(new Date(new Date().getFullYear(), new Date().getMonth() - 1, 15, 12).getTime() / 1000);
    await h.say(t.ivan, t.ivanChat, "/deal 100000 Альфа", { date: lastMonth });
    await h.say(t.ivan, t.ivanChat, "/deal 300000 Бета", { date: lastMonth });
    const r = await h.say(t.head, t.headChat, "/plan avgcheck +15% month @ivan");
    // Last month's average check 200 000 ₽ × 1.15.
    expect(r.text).toContain("средний чек 230 000 ₽ (+15% к прошлому периоду) в месяц · @ivan");
    expect(count(h, "select value from plans")).toBe(23_000_000);
  });

  e2e("lists plans with buttons, removes one and adds one through the guided flow", async ({ h, t }) => {
    await h.say(t.head, t.headChat, "/plan deals 10 month");
    await h.say(t.head, t.headChat, "/plan calls 40 day");
    const list = await h.say(t.head, t.headChat, "/plan");
    expect(list.text).toContain("1. звонки 40 в день · каждому менеджеру");
    expect(list.text).toContain("2. сделки 10 в месяц · каждому менеджеру");
    const rm = buttons(list.call).find((b) => b.startsWith("plan:rm:"))!;
    const edited = h.fake.mark();
    h.fake.clickButton(t.head, t.headChat, list.call.response.result, rm);
    const edit = await h.fake.waitForCall((c) => c.method === "editMessageText", { after: edited });
    expect(String(edit.payload["text"])).toContain("План удалён");
    expect(count(h, "select count(*) from plans")).toBe(1);

    const metricAsk = await h.tap(t.head, t.headChat, list.call, "plan:new");
    expect(metricAsk.text).toBe("Какая метрика?");
    const periodAsk = await h.tap(t.head, t.headChat, metricAsk.call, "pe:m:proposals");
    const scopeAsk = await h.tap(t.head, t.headChat, periodAsk.call, "pe:p:week");
    expect(buttons(scopeAsk.call)).toEqual(expect.arrayContaining(["pe:s:each", "pe:s:team", "pe:s:user:101"]));
    const valueAsk = await h.tap(t.head, t.headChat, scopeAsk.call, "pe:s:user:101");
    expect(valueAsk.text).toContain("Цель по метрике «КП»");
    const bad = await h.say(t.head, t.headChat, "пятнадцать");
    expect(bad.text).toContain("Значение не похоже на число");
    const done = await h.say(t.head, t.headChat, "15");
    expect(done.text).toBe("✅ План задан: КП 15 в неделю · @ivan");
    expect(
      count(
        h,
        "select count(*) from plans where metric = 'proposals' and scope = 'user' and user_id = 101 and period = 'week' and value = 15",
      ),
    ).toBe(1);
  });
});

/** Every line of the monospace tables of a reply. */
function preLines(call: RecordedCall): string[] {
  return [...String(call.payload["text"]).matchAll(/<pre>([\s\S]*?)<\/pre>/g)].flatMap((m) => m[1]!.split("\n"));
}

describe("reports", () => {
  e2e("gives the head the team report as narrow tables plus a chart", async ({ h, t }) => {
    await seed(h, t);
    await h.say(t.head, t.headChat, "/plan deals 10 month");
    const r = await h.sayWithPhoto(t.head, t.headChat, "/report");
    expect(r.text).toMatch(/^📈 Отчёт команды «Отдел продаж» · /);
    // Activity: calls, meetings, conversion | no-answer rate, proposals, presentations (split evenly to stay narrow).
    // Units in the header (a line under the titles), bare numbers in the cells.
    expect(r.text).toMatch(/Кто\s+Звонки\s+Встр\.\s+Конв\.\n\s+%\n/);
    expect(r.text).toMatch(/Иван\s+4\s+1\s+25\n/);
    expect(r.text).toMatch(/John\s+2\s+0\s+0\n/);
    expect(r.text).toMatch(/Итого\s+6\s+1\s+16,7\n/);
    expect(r.text).toMatch(/Кто\s+Недоз\.\s+КП\s+През\./);
    expect(r.text).toMatch(/Иван\s+25\s+1\s+0\n/); // 1 of Ivan's 4 calls went unanswered
    expect(r.text).toMatch(/John\s+0\s+0\s+0\n/);
    expect(r.text).toMatch(/Итого\s+16,7\s+1\s+0\n/); // 1 of the team's 6 calls
    expect(r.text).toMatch(/Кто\s+Сделки\s+Выр\.\s+Чек\n\s+₽\s+₽\n/);
    expect(r.text).toMatch(/Иван\s+2\s+400\sтыс\.\s+200\sтыс\./);
    expect(r.text).toMatch(/Итого\s+3\s+450\sтыс\.\s+150\sтыс\./);
    expect(r.text).toMatch(/Иван: сделки 2\/10/);
    // Tables fit a phone held upright.
    const tables = [...String(r.call.payload["text"]).matchAll(/<pre>([\s\S]*?)<\/pre>/g)].map((m) => m[1]!);
    // Activity continues in a second table, results (with the business metrics) in a second and third, rather than widen one.
    expect(tables).toHaveLength(5);
    for (const line of tables.join("\n").split("\n")) expect(line.length).toBeLessThanOrEqual(36);
    expect(r.photo.payload["photo"].bytes.subarray(1, 4).toString()).toBe("PNG");
    expect(String(r.photo.payload["caption"])).toContain("Отчёт команды");
  });

  e2e("shows a manager only their own numbers and says why", async ({ h, t }) => {
    await seed(h, t);
    const after = h.fake.mark();
    h.fake.sendText(t.john, t.johnChat, "/report");
    const refusal = await h.fake.waitForMessage(t.johnChat.id, undefined, { after });
    expect(String(refusal.payload["text"])).toBe("Team reports are for heads; here are your own numbers.");
    const own = await h.fake.waitForMessage(t.johnChat.id, (text) => text.startsWith("📊"), { after });
    expect(String(own.payload["text"])).toContain("John");
    expect(String(own.payload["text"])).not.toContain("Иван");
    await photoAfter(h, t.johnChat.id, after);
    const compare = await h.say(t.john, t.johnChat, "/compare");
    expect(compare.text).toBe("Only a head of sales can use /compare.");
  });

  e2e("runs the catalogue's reports with charts", async ({ h, t }) => {
    await seed(h, t);
    for (const [name, title] of [
      ["dynamics", "Динамика продаж"],
      ["чек", "Средний чек"],
      ["leadtime", "Время обработки лида"],
      ["closetime", "Время закрытия сделки"],
      ["proposals", "Отправленные КП"],
      ["презентации", "Проведённые презентации"],
    ]) {
      const r = await h.sayWithPhoto(t.head, t.headChat, `/report ${name} month`);
      expect(r.text.startsWith(`📊 ${title} · `)).toBe(true);
      expect(r.photo.payload["photo"].size).toBeGreaterThan(5000);
    }
    const dyn = await h.sayWithPhoto(t.head, t.headChat, "/report dynamics week");
    expect(dyn.text).toMatch(/Итого\s+3\s+450\sтыс\./);
    const prop = await h.sayWithPhoto(t.head, t.headChat, "/report proposals");
    expect(prop.text).toMatch(/Иван\s+1\s+1\s+2/);
  });

  e2e("builds the funnel of the period's leads and names the stage where most are lost", async ({ h, t }) => {
    await seed(h, t);
    const r = await h.sayWithPhoto(t.head, t.headChat, "/funnel month");
    // Leads: Ромашка (won), Сигма (lost at new), Acme (won: qualified by a call, then the deal), Beta (lost at new); Вектор created by a deal.
    expect(r.text).toMatch(/новый\s+5\s+2/);
    expect(r.text).toMatch(/квалификация\s+3\s+60%\s+0/);
    expect(r.text).toMatch(/успех\s+3\s+100%/);
    expect(r.text).toContain("новый: no budget (1), дорого (1)");
    expect(r.text).toContain("Больше всего лидов теряем на этапе новый (2).");
    const conv = await h.sayWithPhoto(t.head, t.headChat, "/report конверсия");
    expect(conv.text).toMatch(/^🔻 Конверсия по этапам/);
  });

  e2e("compares managers as columns with a team average, sorted on request", async ({ h, t }) => {
    await seed(h, t);
    const r = await h.say(t.head, t.headChat, "/compare month by выручка");
    // Sorted by revenue, each table repeating the average manager ("Ср.") and the team's own figure ("Команда").
    const headers = r.text
      .split("\n")
      .filter((l) => l.includes("Ср."))
      .map((l) => l.trim().split(/\s+/));
    expect(headers).toEqual([
      ["Иван", "Ср.", "Команда"],
      ["John", "Ср.", "Команда"],
    ]);
    expect(r.text).toMatch(/Звонки\s+4\s+3\s+6/);
    expect(r.text).toMatch(/Звонки\s+2\s+3\s+6/);
    expect(r.text).toMatch(/Выр.\s+400\sтыс\.\s+225\sтыс\.\s+450\sтыс\./);
    for (const line of preLines(r.call)) expect(Array.from(line).length).toBeLessThanOrEqual(36);
    const flipped = await h.say(t.head, t.headChat, "/compare by calls @john @ivan");
    expect(flipped.text).toMatch(/Звонки\s+4\s+3\s+6/);
    const bad = await h.say(t.head, t.headChat, "/compare by happiness");
    expect(bad.text).toContain("Неизвестная метрика «happiness»");
    const nobody = await h.say(t.head, t.headChat, "/compare @ghost");
    expect(nobody.text).toContain("Нет в команде: @ghost");
    const period = await h.say(t.head, t.headChat, "/report 45.13");
    expect(period.text).toContain("«45.13» — не период");
  });

  e2e("exports CSV that Excel in a Russian locale opens right", async ({ h, t }) => {
    await seed(h, t);
    const after = h.fake.mark();
    h.fake.sendText(t.head, t.headChat, "/export month");
    const doc = await h.fake.waitForCall((c) => c.method === "sendDocument", { after });
    const file = doc.payload["document"];
    expect(file.filename).toMatch(/^kpi-entries-\d{4}-\d{2}-01_\d{4}-\d{2}-\d{2}\.csv$/);
    const text = file.bytes.toString("utf8") as string;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = text
      .slice(1)
      .trim()
      .split("\r\n")
      .map((l) => l.split(";"));
    expect(rows[0]).toEqual(["Дата и время", "Менеджер", "Тип", "Результат", "Клиент", "Сумма, ₽", "Причина отказа"]);
    expect(rows).toHaveLength(1 + 17);
    const deals = rows.filter((r) => r[2] === "Сделка");
    expect(deals.map((r) => [r[1], r[4], r[5]])).toEqual([
      ["Иван", "Ромашка", "100000,00"],
      ["Иван", "Вектор", "300000,00"],
      ["John", "Acme", "50000,00"],
    ]);
    expect(rows.find((r) => r[2] === "Отказ" && r[1] === "Иван")![6]).toBe("дорого");
    expect(rows[1]![0]).toMatch(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);

    const a2 = h.fake.mark();
    h.fake.sendText(t.head, t.headChat, "/export summary");
    const sum = await h.fake.waitForCall((c) => c.method === "sendDocument", { after: a2 });
    const srows = (sum.payload["document"].bytes.toString("utf8") as string)
      .slice(1)
      .trim()
      .split("\r\n")
      .map((l: string) => l.split(";"));
    expect(srows.map((r: string[]) => r[0])).toEqual(["Менеджер", "John", "Иван", "Итого"]);
    const col = srows[0]!.indexOf("выручка, ₽");
    expect(srows.map((r: string[]) => r[col])).toEqual(["выручка, ₽", "50000,00", "400000,00", "450000,00"]);

    const own = h.fake.mark();
    h.fake.sendText(t.john, t.johnChat, "/export");
    const mine = await h.fake.waitForCall((c) => c.method === "sendDocument", { after: own });
    const mineRows = (mine.payload["document"].bytes.toString("utf8") as string).trim().split("\r\n");
    expect(mineRows).toHaveLength(1 + 6);
    expect(mineRows.slice(1).every((l: string) => l.split(";")[1] === "John")).toBe(true);
    const bad = await h.say(t.head, t.headChat, "/export someday");
    expect(bad.text).toContain("«someday» — не период");
  });

  e2e("builds a report step by step, saves it, and reruns it by name", async ({ h, t }) => {
    await seed(h, t);
    const pick = await h.say(t.head, t.headChat, "/report new");
    expect(pick.text).toContain("Новый отчёт");
    await h.fake.waitForCall(() => true, { after: h.fake.mark() }).catch(() => undefined);
    const tapSilently = async (data: string) => {
      const after = h.fake.mark();
      h.fake.clickButton(t.head, t.headChat, pick.call.response.result, data);
      await h.fake.waitForCall((c) => c.method === "editMessageReplyMarkup", { after });
    };
    await tapSilently("rb:m:deals");
    await tapSilently("rb:m:revenue");
    const grouping = await h.tap(t.head, t.headChat, pick.call, "rb:done");
    expect(buttons(grouping.call)).toEqual(["rb:g:manager", "rb:g:day", "rb:g:week", "rb:g:month", "rb:cancel"]);
    const period = await h.tap(t.head, t.headChat, grouping.call, "rb:g:manager");
    const badPeriod = await h.say(t.head, t.headChat, "когда-нибудь");
    expect(badPeriod.text).toContain("не период");
    const sort = await h.say(t.head, t.headChat, "month");
    expect(buttons(sort.call)).toEqual(["rb:s:deals", "rb:s:revenue", "rb:s:none", "rb:cancel"]);
    const resultAt = h.fake.mark();
    const result = await h.tap(t.head, t.headChat, sort.call, "rb:s:revenue");
    await photoAfter(h, t.headChat.id, resultAt);
    expect(result.text).toMatch(/Иван\s+2\s+400\sтыс\.\nJohn\s+1\s+50\sтыс\.\nИтого\s+3\s+450\sтыс\./);
    for (const line of preLines(result.call)) expect(Array.from(line).length).toBeLessThanOrEqual(36);
    const ask = await h.fake.waitForMessage(t.headChat.id, (text) => text.startsWith("Сохранить?"), { after: resultAt });
    expect(ask).toBeTruthy();
    const badName = await h.say(t.head, t.headChat, "dynamics");
    expect(badName.text).toContain("Имя — 2–32 буквы");
    const periodName = await h.say(t.head, t.headChat, "month");
    expect(periodName.text).toContain("Имя — 2–32 буквы");
    const saved = await h.say(t.head, t.headChat, "Выручка_по_людям");
    expect(saved.text).toContain("/report Выручка_по_людям");
    // Names match whatever the case, Cyrillic included.
    const rerun = await h.sayWithPhoto(t.head, t.headChat, "/report ВЫРУЧКА_ПО_ЛЮДЯМ");
    expect(rerun.text).toMatch(/^📊 Выручка_по_людям · /);
    expect(rerun.text).toMatch(/Иван\s+2\s+400\sтыс\./);
    const list = await h.say(t.head, t.headChat, "/reports");
    expect(list.text).toContain("Выручка_по_людям — сделки, выручка");
    void period;
  });
});
