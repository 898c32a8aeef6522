import { describe, expect, it } from "vitest";
import { type CsvRead, parseLocalTime, readImportCsv } from "../../src/domain/csv-import.js";
import { zonedTime } from "../../src/domain/time.js";
import { importVocabulary } from "../../src/presentation/i18n/import-vocabulary.js";

const TZ = "Europe/Moscow";
const NOW = Date.UTC(2026, 10, 29, 9, 0); // 12:00 in Moscow
const RU_HEADER = "Дата и время;Менеджер;Тип;Результат;Клиент;Сумма, ₽;Причина отказа";
const read = (text: string | Uint8Array): CsvRead =>
  readImportCsv(typeof text === "string" ? Buffer.from(text, "utf8") : text, importVocabulary(), { timezone: TZ, now: NOW });
const ok = (r: CsvRead) => {
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.refusal)}`);
  return r;
};

describe("readImportCsv", () => {
  it("reads the export's own format: BOM, ';', ru decimal comma, kinds and outcomes in Russian", () => {
    const r = ok(
      read(
        `\uFEFF${RU_HEADER}\r\n` +
          "25.11.2026 10:15;Иван;Звонок;назначена встреча;Ромашка;;\r\n" +
          "25.11.2026 11:00;Иван;Сделка;;Ромашка;100000,50;\r\n" +
          '26.11.2026 09:05;Иван;Отказ;;"Сигма; ООО";;"дорого, ""очень"""\r\n',
      ),
    );
    expect(r.delimiter).toBe(";");
    expect(r.errors).toEqual([]);
    expect(r.rows).toHaveLength(3);
    expect(r.rows[0]).toMatchObject({
      row: 2,
      manager: "Иван",
      kind: "call",
      outcome: "meeting",
      clientName: "Ромашка",
      amountMinor: null,
    });
    expect(r.rows[0]!.occurredAt).toBe(zonedTime("2026-11-25", 10, 15, TZ));
    expect(r.rows[1]).toMatchObject({ kind: "deal", amountMinor: 10_000_050 });
    expect(r.rows[2]).toMatchObject({ row: 4, kind: "lost", clientName: "Сигма; ООО", lostReason: 'дорого, "очень"' });
  });

  it("detects ',' with English headers and no BOM, and quoted decimal commas", () => {
    const r = ok(
      read(
        'Date and time,Manager,Kind,Outcome,Client,"Amount, RUB",Loss reason\n' +
          "2026-11-25 10:15,@ivan,Call,no answer,Acme,,\n" +
          '25.11.2026 12:00,John,Deal,,Acme,"1500,00",\n' +
          "25.11.2026 12:01,John,deal,,Acme,2.5k,\n",
      ),
    );
    expect(r.delimiter).toBe(",");
    expect(r.rows.map((x) => [x.kind, x.outcome, x.amountMinor])).toEqual([
      ["call", "noanswer", null],
      ["deal", null, 150_000],
      ["deal", null, 250_000],
    ]);
  });

  it("an empty outcome of a call is 'reached', optional columns may be left out", () => {
    const r = ok(read("Дата и время;Менеджер;Тип\n25.11.2026 10:15;Иван;Звонок\n25.11.2026 10:16;Иван;Встреча\n"));
    expect(r.rows.map((x) => [x.kind, x.outcome, x.clientName])).toEqual([
      ["call", "reached", null],
      ["meeting", null, null],
    ]);
  });

  it("reports each bad value with its row and column and keeps the good rows", () => {
    const r = ok(
      read(
        `${RU_HEADER}\n` +
          "25.11.2026 10:15;Иван;Сделка;;Ромашка;abc;\n" +
          "31.02.2026 10:15;Иван;Звонок;;;;\n" +
          "25.11.2026 10:15;Иван;Танец;;;;\n" +
          "25.11.2026 10:15;Иван;Звонок;занято;;;\n" +
          "25.11.2026 10:15;Иван;Новый лид;;;;\n" +
          "25.11.2026 10:15;;Звонок;;;;\n" +
          "25.11.2026 10:15;Иван;Встреча;;Ромашка;500;\n" +
          "25.11.2026 10:15;Иван;Звонок\n" +
          "25.11.2026 10:16;Иван;Встреча;;Ромашка;;\n",
      ),
    );
    expect(r.rows.map((x) => x.row)).toEqual([10]);
    expect(r.errors.map((e) => [e.row, e.column, e.value, e.problem])).toEqual([
      [2, "amount", "abc", "amount_format"],
      [3, "time", "31.02.2026 10:15", "time_format"],
      [4, "kind", "Танец", "kind_unknown"],
      [5, "outcome", "занято", "outcome_unknown"],
      [6, "client", "", "client_required"],
      [7, "manager", "", "manager_required"],
      [8, "amount", "500", "amount_not_deal"],
      [9, "time", "25.11.2026 10:15;Иван;Звонок", "field_count"],
    ]);
    expect(r.total).toBe(9);
  });

  it("refuses a file without the required columns or with another delimiter, naming what is missing", () => {
    const pipes = read("Дата и время|Менеджер|Тип\n25.11.2026 10:15|Иван|Звонок\n");
    expect(pipes).toEqual({
      ok: false,
      refusal: { code: "header", found: ["Дата и время|Менеджер|Тип"], missing: ["time", "manager", "kind"] },
    });
    const noKind = read("Дата и время;Менеджер;Клиент\n25.11.2026 10:15;Иван;Acme\n");
    expect(noKind).toMatchObject({ ok: false, refusal: { code: "header", missing: ["kind"] } });
  });

  it("refuses binary files, invalid UTF-8, empty files and junk", () => {
    expect(read(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toEqual({ ok: false, refusal: { code: "binary" } });
    expect(read(new Uint8Array([0xd0, 0x20, 0xff, 0xfe]))).toEqual({ ok: false, refusal: { code: "binary" } });
    expect(read("\uFEFF \r\n")).toEqual({ ok: false, refusal: { code: "empty" } });
    expect(read("x".repeat(1000))).toMatchObject({ ok: false, refusal: { code: "header" } });
    expect(read(new Uint8Array(10 * 1024 * 1024 + 1))).toEqual({ ok: false, refusal: { code: "too_big", bytes: 10 * 1024 * 1024 + 1 } });
  });

  it("refuses an unclosed quote with its row", () => {
    const r = read(`${RU_HEADER}\n25.11.2026 10:15;Иван;Звонок;;Acme;;\n25.11.2026 10:16;Иван;Звонок;;"Acme;;\n`);
    expect(r).toMatchObject({ ok: false, refusal: { code: "malformed" } });
    if (!r.ok) expect((r.refusal as { row: number }).row).toBeGreaterThanOrEqual(3);
  });

  it("refuses formulas with row and column, but takes back the export's escaped text", () => {
    const formula = read(`${RU_HEADER}\n25.11.2026 10:15;Иван;Звонок;;Acme;;\n25.11.2026 10:16;Иван;Звонок;;=cmd|' /C calc'!A0;;\n`);
    expect(formula).toEqual({ ok: false, refusal: { code: "formula", row: 3, column: "client", value: "=cmd|' /C calc'!A0" } });
    expect(read(`${RU_HEADER}\n25.11.2026 10:15;@SUM(1);Звонок;;;;\n`)).toMatchObject({ refusal: { code: "formula", column: "manager" } });
    expect(read(`${RU_HEADER}\n25.11.2026 10:15;Иван;Сделка;;Acme;=1+2;\n`)).toMatchObject({
      refusal: { code: "formula", column: "amount" },
    });
    const escaped = ok(read(`${RU_HEADER}\n25.11.2026 10:15;Иван;Отказ;;'=Acme;;'-дорого\n`));
    expect(escaped.rows[0]).toMatchObject({ clientName: "=Acme", lostReason: "-дорого" });
    // A negative amount is a bad value of its row, not a formula.
    expect(ok(read(`${RU_HEADER}\n25.11.2026 10:15;Иван;Сделка;;Acme;-500;\n`)).errors[0]).toMatchObject({ problem: "amount_negative" });
  });

  it("refuses a row in the future with its row and column", () => {
    const r = read(`${RU_HEADER}\n29.11.2026 12:00;Иван;Звонок;;;;\n29.11.2026 12:01;Иван;Звонок;;;;\n`);
    expect(r).toEqual({ ok: false, refusal: { code: "future", row: 3, column: "time", value: "29.11.2026 12:01" } });
  });
});

describe("parseLocalTime", () => {
  it("reads the export's format and ISO, in the team's zone, to the minute", () => {
    expect(parseLocalTime("01.03.2026 00:30", "Asia/Yekaterinburg")).toBe(Date.UTC(2026, 1, 28, 19, 30));
    expect(parseLocalTime("2026-03-01T00:30:59", "Asia/Yekaterinburg")).toBe(Date.UTC(2026, 1, 28, 19, 30));
    for (const bad of ["1.3.26 00:30", "01.03.2026", "01.13.2026 10:00", "01.03.2026 24:00", "01.03.1999 10:00"]) {
      expect(parseLocalTime(bad, TZ)).toBeNull();
    }
  });
});
