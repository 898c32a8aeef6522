import ExcelJS from "exceljs";
import { describe, expect } from "vitest";
import { METRICS, metricsOn } from "../../src/domain/metrics.js";
import { formatLocal } from "../../src/domain/time.js";
import { metricLabel } from "../../src/presentation/i18n/metric-words.js";
import { XLSX_FORMATS } from "../../src/presentation/views/xlsx-export.js";
import type { RecordedCall } from "../fake-telegram/index.js";
import { e2e } from "../support/e2e.js";
import type { Harness } from "../support/harness.js";
import { count, type TeamFixture } from "../support/team.js";

async function exportDoc(h: Harness, t: TeamFixture, text: string, chat = t.headChat, from = t.head): Promise<RecordedCall> {
  const after = h.fake.mark();
  h.fake.sendText(from, chat, text);
  return h.fake.waitForCall((c) => c.method === "sendDocument" && c.payload["chat_id"] === chat.id, { after });
}

async function readBook(call: RecordedCall): Promise<ExcelJS.Worksheet> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(call.payload["document"].bytes);
  expect(book.worksheets).toHaveLength(1);
  return book.worksheets[0]!;
}

describe("/export … xlsx", () => {
  e2e("sends the entries as a spreadsheet with dates, money and text cells", async ({ h, t }) => {
    for (const c of ["/lead Ромашка", "/call встреча Ромашка", "/deal 100 000,50 Ромашка", "/lead =cmd|x", "/lost =cmd|x — дорого"]) {
      await h.say(t.ivan, t.ivanChat, c);
    }
    await h.say(t.john, t.johnChat, "/call noanswer Acme");
    const doc = await exportDoc(h, t, "/export month xlsx");
    expect(doc.payload["document"].filename).toMatch(/^kpi-entries-\d{4}-\d{2}-01_\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(doc.payload["caption"]).toMatch(/^Записи · .* · 6 строк$/);
    const sheet = await readBook(doc);
    expect(sheet.name).toBe("Записи");
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      "Дата и время",
      "Менеджер",
      "Тип",
      "Результат",
      "Клиент",
      "Сумма, ₽",
      "Причина отказа",
    ]);
    expect(sheet.rowCount).toBe(7);

    const deal = sheet.getRows(2, 6)!.find((r) => r.getCell(3).value === "Сделка")!;
    expect(deal.getCell(2).value).toBe("Иван");
    expect(deal.getCell(5).value).toBe("Ромашка");
    expect(deal.getCell(6).value).toBe(100_000.5);
    expect(deal.getCell(6).numFmt).toBe(XLSX_FORMATS.money);
    // The time cell is a real date holding the team's wall-clock minute.
    const time = deal.getCell(1);
    expect(time.value).toBeInstanceOf(Date);
    expect(time.numFmt).toBe(XLSX_FORMATS.dateTime);
    const stored = count(h, "select occurred_at from activities where kind = 'deal'");
    const wall = formatLocal(stored, "Europe/Moscow", "DD.MM.YYYY HH:mm");
    const d = time.value as Date;
    const pad = (n: number) => String(n).padStart(2, "0");
    expect(
      `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
    ).toBe(wall);

    // A client that looks like a formula is a plain string cell, not a formula.
    const lost = sheet.getRows(2, 6)!.find((r) => r.getCell(3).value === "Отказ")!;
    expect(lost.getCell(5).type).toBe(ExcelJS.ValueType.String);
    expect(lost.getCell(5).value).toBe("=cmd|x");
    expect(lost.getCell(7).value).toBe("дорого");
    const call = sheet.getRows(2, 6)!.find((r) => r.getCell(2).value === "John")!;
    expect(call.getCell(4).value).toBe("недозвон");
    expect(call.getCell(6).value).toBeNull();

    // CSV stays the default.
    const csv = await exportDoc(h, t, "/export month");
    expect(csv.payload["document"].filename).toMatch(/\.csv$/);
  });

  e2e("sends the summary with each metric column formatted by its unit, and managers get only their own rows", async ({ h, t }) => {
    for (const c of ["/call встреча Ромашка", "/call недозвон", "/deal 100k Ромашка", "/deal 300k Вектор"])
      await h.say(t.ivan, t.ivanChat, c);
    await h.say(t.john, t.johnChat, "/deal 50k Acme");
    const sheet = await readBook(await exportDoc(h, t, "/export summary xlsx"));
    expect(sheet.name).toBe("Сводка по менеджерам");
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const metrics = metricsOn("export");
    // The metrics, then (in a private chat) the month's bonus, in rubles.
    expect(header).toHaveLength(2 + metrics.length);
    expect(header[1 + metrics.length]).toMatch(/^Бонус/);
    const rows = sheet.getRows(2, sheet.rowCount - 1)!;
    expect(rows[2]!.getCell(2 + metrics.length).numFmt).toBe(XLSX_FORMATS.money);
    expect(rows.map((r) => r.getCell(1).value)).toEqual(["John", "Иван", "Итого"]);
    // Columns come from the metric registry; each is formatted by its unit.
    const expected = {
      money: XLSX_FORMATS.money,
      percent: XLSX_FORMATS.percent,
      duration: XLSX_FORMATS.hours,
      count: XLSX_FORMATS.count,
      months: XLSX_FORMATS.hours,
    };
    for (const [i, m] of metrics.entries()) {
      expect(header[i + 1]).toContain(metricLabel(m, "ru"));
      expect(rows[2]!.getCell(i + 2).numFmt).toBe(expected[METRICS[m].unit]);
    }
    const col = (key: string) => metrics.indexOf(key as never) + 2;
    expect(rows.map((r) => r.getCell(col("revenue")).value)).toEqual([50_000, 400_000, 450_000]);
    expect(rows.map((r) => r.getCell(col("deals")).value)).toEqual([1, 2, 3]);
    // Ivan: 2 calls, 1 booked a meeting: 50 %, stored as the fraction a 0.0% cell shows.
    expect(rows[1]!.getCell(col("call_conversion")).value).toBe(0.5);
    expect(rows[0]!.getCell(col("call_conversion")).value).toBeNull();

    const own = await readBook(await exportDoc(h, t, "/export xlsx", t.johnChat, t.john));
    expect(own.name).toBe("Entries");
    expect(own.getRows(2, own.rowCount - 1)!.map((r) => r.getCell(2).value)).toEqual(["John"]);
  });
});
