// The two forms of a Doc: a rich message with native table blocks, or the
// classic HTML message with `<pre>` tables cut to a phone's width.
import type { InputRichBlock, InputRichMessage, RichBlockTableCell } from "grammy/types";
import { fitHtml, pre } from "../html.js";
import { renderTables } from "../views/table.js";
import type { Doc, DocColumn, DocTable } from "./model.js";
import { htmlToRichText } from "./rich-text.js";

/** Telegram's documented limits for a rich message. */
export const RICH_LIMITS = { chars: 32_768, blocks: 500, columns: 20, depth: 16 } as const;

/** The `<pre>` form: HTML lines, each table as one or more phone-width `<pre>` blocks; fits one message. */
export function docToHtml(d: Doc, limit?: number): string {
  const parts = d.blocks.map((b) =>
    b.kind === "html"
      ? b.html
      : b.lines !== undefined
        ? b.lines
        : renderTables(b.columns, b.rows, { lead: b.lead ?? 1, tail: b.tail ?? 0 })
            .map(pre)
            .join("\n"),
  );
  return fitHtml(parts.join("\n"), limit);
}

const headerText = (c: DocColumn): string => (c.unit ? `${c.title}, ${c.unit}` : c.title);

function tableBlock(t: DocTable): InputRichBlock {
  const align = (c: DocColumn | undefined): "left" | "right" => c?.align ?? "right";
  const header: RichBlockTableCell[] = t.columns.map((c) => ({
    text: headerText(c),
    is_header: true,
    align: align(c),
    valign: "bottom",
  }));
  const strong = new Set(t.strong ?? []);
  const body = t.rows.map((row, r) =>
    t.columns.map(
      (c, i): RichBlockTableCell => ({
        text: strong.has(r) ? { type: "bold", text: row[i] ?? "" } : (row[i] ?? ""),
        align: align(c),
        valign: "middle",
      }),
    ),
  );
  return { type: "table", cells: [header, ...body], is_striped: true, is_compact: true };
}

/**
 * The rich form: each HTML line a paragraph (empty lines dropped: paragraphs are
 * spaced already), each table one native table block — never split, whatever its width.
 * Null when the doc breaks a documented limit (too many columns or blocks), so the
 * caller sends the `<pre>` form instead.
 */
export function docToRich(d: Doc): InputRichMessage | null {
  const blocks: InputRichBlock[] = [];
  for (const b of d.blocks) {
    if (b.kind === "table") {
      if (b.columns.length > RICH_LIMITS.columns) return null;
      blocks.push(tableBlock(b));
      continue;
    }
    for (const line of b.html.split("\n")) if (line.trim() !== "") blocks.push({ type: "paragraph", text: htmlToRichText(line) });
  }
  // As Telegram counts: every block, and every table row besides its table.
  const count = blocks.reduce((n, b) => n + 1 + (b.type === "table" ? b.cells.length : 0), 0);
  if (count > RICH_LIMITS.blocks) return null;
  return { blocks, skip_entity_detection: true };
}
