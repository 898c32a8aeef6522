import { describe, expect, it } from "vitest";
import { doc, table } from "../../../src/presentation/document/model.js";
import { docToHtml, docToRich } from "../../../src/presentation/document/render.js";
import { htmlToRichText } from "../../../src/presentation/document/rich-text.js";

const report = doc(
  "📈 <b>Отчёт «A&amp;B»</b> · ноябрь",
  table(
    [{ title: "Кто", align: "left", max: 8 }, { title: "Сд." }, { title: "Выр.", unit: "₽" }],
    [
      ["Пётр", "5", "916 тыс."],
      ["Итого", "5", "916 тыс."],
    ],
    { strong: [1] },
  ),
  "<i>примечание</i>",
);

describe("one table model, two forms", () => {
  it("rich: HTML lines become paragraphs, the table one block with header cells, units in the header, numbers right", () => {
    const rich = docToRich(report)!;
    expect(rich.blocks![0]).toEqual({
      type: "paragraph",
      text: ["📈 ", { type: "bold", text: "Отчёт «A&B»" }, " · ноябрь"],
    });
    const t = rich.blocks![1] as { type: string; cells: { text?: unknown; align: string; is_header?: boolean }[][] };
    expect(t.type).toBe("table");
    expect(t.cells[0]!.map((c) => c.text)).toEqual(["Кто", "Сд.", "Выр., ₽"]);
    expect(t.cells[0]!.every((c) => c.is_header)).toBe(true);
    expect(t.cells[1]!.map((c) => c.align)).toEqual(["left", "right", "right"]);
    expect(t.cells[2]![0]!.text).toEqual({ type: "bold", text: "Итого" });
    expect(rich.blocks![2]).toEqual({ type: "paragraph", text: { type: "italic", text: "примечание" } });
  });

  it("<pre>: the same table as monospace lines, numbers two spaces apart, units on a header line", () => {
    const html = docToHtml(report);
    expect(html).toContain(`<pre>Кто   Сд.      Выр.\n${" ".repeat(18)}₽\n${"─".repeat(19)}\n`);
    expect(html).toContain("Пётр    5  916 тыс.");
    expect(html.startsWith("📈 <b>Отчёт «A&amp;B»</b>")).toBe(true);
  });

  it("a table with classic lines (a ranking) keeps them in the fallback", () => {
    const d = doc("Топ", table([{ title: "#" }], [["1"]], { lines: "🥇 1. Иван — 5" }));
    expect(docToHtml(d)).toBe("Топ\n🥇 1. Иван — 5");
    expect(docToRich(d)!.blocks).toHaveLength(2);
  });

  it("gives no rich form past Telegram's limits (the caller sends <pre>)", () => {
    const wide = doc(
      table(
        Array.from({ length: 21 }, (_, i) => ({ title: String(i) })),
        [Array.from({ length: 21 }, () => "1")],
      ),
    );
    expect(docToRich(wide)).toBeNull();
    const long = doc(
      table(
        [{ title: "n" }],
        Array.from({ length: 499 }, () => ["1"]),
      ),
    );
    expect(docToRich(long)).toBeNull(); // 1 table + 500 rows
    expect(
      docToRich(
        doc(
          table(
            [{ title: "n" }],
            Array.from({ length: 498 }, () => ["1"]),
          ),
        ),
      ),
    ).not.toBeNull();
  });

  it("reads links and entities in view HTML", () => {
    expect(htmlToRichText('<a href="https://t.me/x?a=1&amp;b=2">here</a> &lt;3')).toEqual([
      { type: "url", text: "here", url: "https://t.me/x?a=1&b=2" },
      " <3",
    ]);
  });

  it("a grouped table: one native table under a spanning header; in <pre>, a section per group", () => {
    const grouped = doc(
      table([{ title: "Кто", align: "left" }, { title: "Зв." }, { title: "Встр." }, { title: "Сд." }], [["Иван", "4", "1", "2"]], {
        groups: [
          { title: "Активность", columns: 2 },
          { title: "Результат", columns: 1 },
        ],
      }),
    );
    const t = docToRich(grouped)!.blocks![0] as { cells: { text?: unknown; colspan?: number }[][] };
    expect(t.cells[0]!.map((c) => [c.text, c.colspan])).toEqual([
      ["", undefined],
      ["Активность", 2],
      ["Результат", undefined],
    ]);
    expect(docToHtml(grouped)).toBe(
      "<b>Активность</b>\n<pre>Кто  Зв.  Встр.\n───────────────\nИван   4      1</pre>\n<b>Результат</b>\n<pre>Кто  Сд.\n────────\nИван   2</pre>",
    );
    // Wider than 20 columns: a table per group rather than none.
    const wide = doc(
      table(
        [{ title: "Кто", align: "left" }, ...Array.from({ length: 24 }, (_, i) => ({ title: `m${i}` }))],
        [["Иван", ...Array.from({ length: 24 }, () => "1")]],
        {
          groups: [
            { title: "A", columns: 12 },
            { title: "B", columns: 12 },
          ],
        },
      ),
    );
    expect(docToRich(wide)!.blocks!.filter((b) => b.type === "table")).toHaveLength(2);
  });
});
