// The export as a real spreadsheet (`/export … xlsx`): the same rows and columns as
// the CSV, but typed cells with number formats, so Excel and LibreOffice sort, sum
// and chart them without any import dialog. Text cells are written as text, never as
// formulas, so a client named "=cmd|…" needs no escaping here.

import type ExcelJS from "exceljs";
import type { KpiValues } from "../../domain/kpi.js";
import type { Locale } from "../../domain/locales.js";
import { METRICS, type MetricKey } from "../../domain/metrics.js";
import { zoneOffsetMs } from "../../domain/time.js";
import { type Audience, metricsFor } from "../../domain/trust-policy.js";
import type { ActivityRecord } from "../../domain/types.js";
import { csvUnitSuffix, displayValue } from "../format/metric-value.js";
import { messages } from "../i18n/index.js";
import { metricLabel } from "../i18n/metric-words.js";
import type { BonusColumn } from "./csv-export.js";
import type { PersonVM } from "./view-models.js";

/** Number formats (the cell holds the number; the format only shows it). */
export const XLSX_FORMATS = {
  dateTime: "dd.mm.yyyy hh:mm",
  money: '#,##0.00 "₽"',
  percent: "0.0%",
  hours: "0.0",
  count: "#,##0",
} as const;

function unitFormat(key: MetricKey): string {
  return {
    money: XLSX_FORMATS.money,
    percent: XLSX_FORMATS.percent,
    duration: XLSX_FORMATS.hours,
    count: XLSX_FORMATS.count,
    months: XLSX_FORMATS.hours,
  }[METRICS[key].unit];
}

/** A metric's value as the cell stores it: rubles, hours, counts; percents as fractions (Excel's 0.0% multiplies by 100). */
function cellValue(key: MetricKey, value: number | null): number | null {
  const v = displayValue(key, value);
  if (v === null || Number.isNaN(v)) return null;
  return METRICS[key].unit === "percent" ? v / 100 : v;
}

/** exceljs is loaded on the first xlsx export, not at start-up (it is a large library). */
async function newSheet(title: string): Promise<{ book: ExcelJS.Workbook; sheet: ExcelJS.Worksheet }> {
  const { default: excel } = await import("exceljs");
  const book = new excel.Workbook();
  book.creator = "KPI Coach";
  // Sheet names: at most 31 characters, none of []:*?/\
  const sheet = book.addWorksheet(title.replace(/[[\]:*?/\\]/g, " ").slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
  return { book, sheet };
}

function finish(sheet: ExcelJS.Worksheet, columns: number): void {
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns } };
}

async function toBuffer(book: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** One row per entry, oldest first: the time as a date in the team's zone, the amount in rubles. */
export async function activitiesXlsx(
  activities: ActivityRecord[],
  people: Map<number, string>,
  tz: string,
  locale: Locale,
): Promise<Buffer> {
  const t = messages[locale];
  const c = t.csv;
  const { book, sheet } = await newSheet(t.reports.exportEntries);
  sheet.columns = [
    { header: c.time, key: "time", width: 17, style: { numFmt: XLSX_FORMATS.dateTime } },
    { header: c.manager, key: "manager", width: 20 },
    { header: c.kind, key: "kind", width: 14 },
    { header: c.outcome, key: "outcome", width: 18 },
    { header: c.client, key: "client", width: 24 },
    { header: c.amount, key: "amount", width: 16, style: { numFmt: XLSX_FORMATS.money } },
    { header: c.lostReason, key: "reason", width: 28 },
  ];
  for (const a of [...activities].sort((x, y) => x.occurredAt - y.occurredAt || x.id - y.id)) {
    sheet.addRow({
      // Spreadsheet dates have no zone: the cell holds the team's wall-clock time.
      time: new Date(a.occurredAt + zoneOffsetMs(a.occurredAt, tz)),
      manager: people.get(a.userId) ?? String(a.userId),
      kind: t.kindName[a.kind],
      outcome: a.outcome ? t.outcome[a.outcome] : null,
      client: a.clientName,
      amount: a.amountMinor === null ? null : a.amountMinor / 100,
      reason: a.lostReason,
    });
  }
  finish(sheet, 7);
  return toBuffer(book);
}

/** One row per manager plus the team total; each metric column formatted by its unit. */
export async function summaryXlsx(
  people: PersonVM[],
  byUser: Map<number, KpiValues>,
  total: KpiValues,
  locale: Locale,
  audience: Audience,
  bonus?: BonusColumn,
): Promise<Buffer> {
  // The columns this file\'s readers may see (a file in the group is read by all).
  const SUMMARY = metricsFor("export", audience);
  const t = messages[locale];
  const { book, sheet } = await newSheet(t.reports.exportSummary);
  sheet.columns = [
    { header: t.csv.manager, key: "manager", width: 20 },
    ...SUMMARY.map((m) => ({
      header: metricLabel(m, locale) + (METRICS[m].unit === "percent" ? "" : csvUnitSuffix(m, locale)),
      key: m,
      width: 14,
      style: { numFmt: unitFormat(m) },
    })),
    ...(bonus ? [{ header: t.csv.bonus(bonus.months), key: "bonus", width: 14, style: { numFmt: XLSX_FORMATS.money } }] : []),
  ];
  // Bonus in rubles, like every money cell (kopecks / 100).
  const row = (name: string, values: KpiValues | undefined, bonusMinor: number | undefined) => ({
    manager: name,
    ...Object.fromEntries(SUMMARY.map((m) => [m, values ? cellValue(m, values[m]) : null])),
    ...(bonus ? { bonus: (bonusMinor ?? 0) / 100 } : {}),
  });
  for (const p of people) {
    const name = p.user.firstName + (p.user.lastName ? ` ${p.user.lastName}` : "");
    sheet.addRow(row(name, byUser.get(p.user.id), bonus?.byUser.get(p.user.id)));
  }
  const totalRow = sheet.addRow(row(t.csv.total, total, bonus?.totalMinor));
  totalRow.font = { bold: true };
  finish(sheet, SUMMARY.length + 1 + (bonus ? 1 : 0));
  return toBuffer(book);
}
