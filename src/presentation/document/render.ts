// The two forms of a Doc: a rich message with native table blocks, or the
// classic HTML message with `<pre>` tables cut to a phone's width.
import type { InputRichBlock, InputRichMessage, RichBlockTableCell } from "grammy/types";
import { escapeHtml, fitHtml, pre } from "../html.js";
import { renderTables } from "../views/table.js";
import type { Doc, DocColumn, DocTable } from "./model.js";
import { htmlToRichText } from "./rich-text.js";

/** Telegram's documented limits for a rich message. */
export const RICH_LIMITS = { chars: 32_768, blocks: 500, columns: 20, depth: 16 } as const;

/** A grouped table as one table per group (the lead columns repeated), each with its title. */
function splitGroups(t: DocTable): { title: string; table: DocTable }[] {
  const lead = t.lead ?? 1;
  let start = lead;
  return (t.groups ?? []).map((g) => {
    const idx = [...Array(lead).keys(), ...Array.from({ length: g.columns }, (_, i) => start + i)];
    start += g.columns;
    const { groups: _g, ...rest } = t;
    return {
      title: g.title,
      table: { ...rest, columns: idx.map((i) => t.columns[i]!), rows: t.rows.map((r) => idx.map((i) => r[i] ?? "")) },
    };
  });
}

function preTables(t: DocTable): string {
  return renderTables(t.columns, t.rows, { lead: t.lead ?? 1, tail: t.tail ?? 0 })
    .map(pre)
    .join("\n");
}

/** The `<pre>` form: HTML lines, each table as one or more phone-width `<pre>` blocks; fits one message. */
export function docToHtml(d: Doc, limit?: number): string {
  const parts = d.blocks.map((b) => {
    if (b.kind === "html") return b.html;
    if (b.lines !== undefined) return b.lines;
    if (b.groups)
      return splitGroups(b)
        .map((g) => `<b>${escapeHtml(g.title)}</b>\n${preTables(g.table)}`)
        .join("\n");
    return preTables(b);
  });
  return fitHtml(parts.join("\n"), limit);
}

const headerText = (c: DocColumn): string => (c.unit ? `${c.title}, ${c.unit}` : c.title);

function tableBlock(t: DocTable): InputRichBlock[] {
  // Wider than Telegram allows: one table per group rather than none.
  if (t.groups && t.columns.length > RICH_LIMITS.columns) {
    return splitGroups(t).flatMap((g) => [
      { type: "paragraph", text: { type: "bold", text: g.title } } as InputRichBlock,
      ...tableBlock(g.table),
    ]);
  }
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
  const lead = t.lead ?? 1;
  const groupRow: RichBlockTableCell[] = t.groups
    ? [
        { text: "", is_header: true, align: "left", valign: "bottom", ...(lead > 1 ? { colspan: lead } : {}) },
        ...t.groups.map(
          (g): RichBlockTableCell => ({
            text: g.title,
            is_header: true,
            align: "center",
            valign: "bottom",
            ...(g.columns > 1 ? { colspan: g.columns } : {}),
          }),
        ),
      ]
    : [];
  const head = groupRow.length > 0 ? [groupRow, header] : [header];
  return [{ type: "table", cells: [...head, ...body], is_striped: true, is_compact: true }];
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
      if (b.columns.length > RICH_LIMITS.columns && !b.groups) return null;
      blocks.push(...tableBlock(b));
      continue;
    }
    for (const line of b.html.split("\n")) if (line.trim() !== "") blocks.push({ type: "paragraph", text: htmlToRichText(line) });
  }
  // As Telegram counts: every block, and every table row besides its table.
  const count = blocks.reduce((n, b) => n + 1 + (b.type === "table" ? b.cells.length : 0), 0);
  if (count > RICH_LIMITS.blocks) return null;
  return { blocks, skip_entity_detection: true };
}
