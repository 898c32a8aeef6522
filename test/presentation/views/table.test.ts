import { describe, expect, it } from "vitest";
import { MAX_TABLE_WIDTH, renderPairs, renderTable, renderTables } from "../../../src/presentation/views/table.js";

const widest = (table: string) => Math.max(...table.split("\n").map((l) => Array.from(l).length));

describe("renderTables", () => {
  const columns = [
    { title: "Кто", align: "left" as const, max: 8 },
    { title: "Сделки" },
    { title: "Выр." },
    { title: "Чек" },
    { title: "Обр." },
  ];
  const rows = [
    ["Иван", "2", "400 тыс.", "200 тыс.", "52ч"],
    ["Итого", "3", "4,5 млн", "1,5 млн", "2,2д"],
  ];

  it("keeps a table that fits as one", () => {
    const narrow = rows.map((r) => r.slice(0, 3));
    const tables = renderTables(columns.slice(0, 3), narrow);
    expect(tables).toEqual([renderTable(columns.slice(0, 3), narrow)]);
  });

  it("continues columns in another table, repeating the row labels, instead of growing past the width", () => {
    // One table would be 5 + 6 + 8 + 8 + 4 + 4 two-space gaps = 39; at 34 it must split.
    const tables = renderTables(columns, rows, { maxWidth: 34 });
    expect(tables).toHaveLength(2);
    for (const t of tables) expect(widest(t)).toBeLessThanOrEqual(34);
    // As few tables as fit, the columns spread evenly over them (2 + 2, not 3 + 1).
    expect(tables[0]!.split("\n")[0]!.trim().split(/\s+/)).toEqual(["Кто", "Сделки", "Выр."]);
    expect(tables[1]!.split("\n")[0]!.trim().split(/\s+/)).toEqual(["Кто", "Чек", "Обр."]);
    expect(tables[1]).toMatch(/Итого\s+1,5 млн\s+2,2д/);
    expect(renderTables(columns, rows, { maxWidth: 39 })).toHaveLength(1); // 39 fits 39
    expect(renderTables(columns, rows)).toHaveLength(2); // but not the phone width
    expect(MAX_TABLE_WIDTH).toBe(36);
  });

  it("repeats trailing columns too (a team average)", () => {
    const cols = [{ title: "", align: "left" as const }, { title: "Анна" }, { title: "Борис" }, { title: "Вера" }, { title: "Ср." }];
    const body = [["Выр.", "400 тыс.", "1,2 млн", "50 тыс.", "550 тыс."]];
    const tables = renderTables(cols, body, { lead: 1, tail: 1, maxWidth: 34 });
    expect(tables.map((t) => t.split("\n")[0]!.trim().split(/\s+/))).toEqual([
      ["Анна", "Борис", "Ср."],
      ["Вера", "Ср."],
    ]);
    for (const t of tables) expect(widest(t)).toBeLessThanOrEqual(34);
  });
});

describe("renderTable: columns never one space apart", () => {
  it('keeps "5 deals, 916 thousand" from reading as 5 916 thousand', () => {
    // Before: "Пётр 5 916 тыс." — every column exactly as wide as its cells, one space between.
    const table = renderTable([{ title: "Кто", align: "left" }, { title: "С" }, { title: "Выр." }], [["Пётр", "5", "916 тыс."]]);
    const line = table.split("\n").at(-1)!;
    // Two spaces between numbers; after a name one is enough ("Пётр 5" can't be misread).
    expect(line).toBe("Пётр 5  916 тыс.");
    expect(line).not.toMatch(/\d \d/);
  });

  it("puts units on a header line of their own, the cells bare", () => {
    const table = renderTable(
      [
        { title: "Кто", align: "left" },
        { title: "Выр.", unit: "₽" },
        { title: "Конв.", unit: "%" },
      ],
      [["Иван", "1,2 млн", "23"]],
    );
    expect(table.split("\n")).toEqual(["Кто     Выр.  Конв.", "           ₽      %", "─".repeat(19), "Иван 1,2 млн     23"]);
  });

  it("renders pairs with at least two spaces between label and value", () => {
    expect(
      renderPairs([
        ["Сделки", "5"],
        ["Выручка", "916 тыс."],
      ]),
    ).toBe("Сделки          5\nВыручка  916 тыс.");
  });
});
