import { describe, expect, it } from "vitest";
import type { RowError } from "../../../src/domain/csv-import.js";
import { MAX_TEXT, visibleLength } from "../../../src/presentation/html.js";
import { messages } from "../../../src/presentation/i18n/index.js";
import { renderDryRun, renderImportRefusal, renderImportResult } from "../../../src/presentation/views/import-view.js";
import type { ImportPlan } from "../../../src/services/csv-import.js";

const plan = (over: Partial<ImportPlan>): ImportPlan => ({
  rows: [],
  errors: [],
  unknownManagers: [],
  alreadyPresent: 0,
  beyondWindow: 0,
  windowDays: 7,
  total: 0,
  ...over,
});

describe("renderDryRun", () => {
  it("lists the first errors by row and column, escapes values and counts the rest", () => {
    const errors: RowError[] = Array.from({ length: 45 }, (_, i) => ({
      row: i + 2,
      column: "amount",
      value: `<b>${"x".repeat(500)}`,
      problem: "amount_format",
    }));
    const text = renderDryRun(messages.ru, "file<1>.csv", plan({ errors, total: 45, unknownManagers: ["<Пётр>"] }));
    expect(text).toContain("📋 Проверил «file&lt;1&gt;.csv»");
    expect(text).toContain("0 строк готовы, с ошибками: 45.");
    expect(text).toContain("• строка 2, Сумма, ₽: «&lt;b&gt;xxx");
    expect(text).toContain("• строка 21, Сумма, ₽:");
    expect(text).not.toContain("• строка 22,");
    expect(text).toContain("…и ещё 25");
    expect(text).toContain("&lt;Пётр&gt;");
    expect(text).toContain("Нового для импорта нет.");
    expect(visibleLength(text)).toBeLessThanOrEqual(MAX_TEXT);
  });

  it("stays within Telegram's limit with a thousand unknown long names", () => {
    const names = Array.from({ length: 1000 }, (_, i) => `${"Очень длинное имя ".repeat(5)}${i}`);
    const text = renderDryRun(messages.en, "a.csv", plan({ unknownManagers: names }));
    expect(visibleLength(text)).toBeLessThanOrEqual(MAX_TEXT);
    expect(text).toContain("…and 980 more");
  });
});

describe("renderImportRefusal and renderImportResult", () => {
  it("names row and column, and says nothing was stored", () => {
    expect(renderImportRefusal(messages.en, { code: "formula", row: 7, column: "client", value: "=cmd|' /C calc'!A0" })).toBe(
      "⚠️ Row 7, column «Client»: a formula «=cmd|' /C calc'!A0». Files with formulas are refused: remove the leading = + - @ (the export writes such text as '=…).\nNothing was stored.",
    );
    expect(renderImportRefusal(messages.ru, { code: "header", found: [], missing: ["time", "kind"] })).toContain(
      "нет столбцов «Дата и время», «Тип» (найдено: —)",
    );
  });

  it("lists the rows the pipeline refused", () => {
    const text = renderImportResult(messages.en, {
      stored: 1,
      alreadyPresent: 2,
      errors: 3,
      refused: [
        { row: 4, reason: "lead_exists" },
        { row: 9, reason: "no_open_lead" },
      ],
    });
    expect(text).toBe(
      "✅ Import done: 1 entry stored, 2 already there, 3 rows with errors left out.\n\nNot stored by the pipeline rules (as the commands refuse them):\n• row 4: the client is already an open lead\n• row 9: a loss with no open lead",
    );
  });
});
