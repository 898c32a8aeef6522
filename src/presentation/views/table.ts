// Monospace tables that fit a phone screen (about 32–36 characters in a <pre>).

export interface Column {
  title: string;
  /** Shown on a second header line under the title ("₽", "%"); the cells hold bare numbers. */
  unit?: string;
  align?: "left" | "right";
  /** Cells longer than this are cut with "…". */
  max?: number;
}

/** Phone width of a monospace table line in a chat bubble, in characters. */
export const MAX_TABLE_WIDTH = 36;

/** `text` cut to `max` characters with "…" (never splitting a surrogate pair). */
export function cut(text: string, max: number | undefined): string {
  if (max === undefined) return text;
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, Math.max(1, max - 1)).join("")}…`;
}

const len = (s: string) => Array.from(s).length;

/**
 * Between two columns of numbers (right-aligned): two spaces, never one. Numbers
 * group thousands with a space, so "Пётр 5 916 тыс." (5 deals, 916 thousand) would
 * read as 5 916 thousand. After a left-aligned column (names, labels) one space is
 * enough: "Пётр 5" cannot be misread, and a phone line has few characters to spare.
 */
export const COLUMN_GAP = "  ";

/** The gap before column `i` (none before the first). */
function gapBefore(columns: readonly Column[], i: number): number {
  if (i === 0) return 0;
  return columns[i - 1]?.align === "left" ? 1 : COLUMN_GAP.length;
}

/** The width of the gaps of these columns, in order. */
function gapsWidth(columns: readonly Column[]): number {
  return columns.reduce((sum, _, i) => sum + gapBefore(columns, i), 0);
}

/** The header lines: the titles, then the units when any column has one. */
function headerRows(columns: Column[]): string[][] {
  const titles = columns.map((c) => cut(c.title, c.max));
  return columns.some((c) => c.unit) ? [titles, columns.map((c) => cut(c.unit ?? "", c.max))] : [titles];
}

/** Plain-text table: header (titles, units), a rule, rows; numbers two spaces apart. */
export function renderTable(columns: Column[], rows: string[][]): string {
  const head = headerRows(columns);
  const body = rows.map((r) => r.map((v, i) => cut(v, columns[i]?.max)));
  const cells = [...head, ...body];
  const widths = columns.map((_, i) => Math.max(...cells.map((r) => len(r[i] ?? ""))));
  const line = (r: string[]) =>
    r
      .map((v, i) => {
        const pad = " ".repeat(widths[i]! - len(v));
        return " ".repeat(gapBefore(columns, i)) + (columns[i]?.align === "left" ? v + pad : pad + v);
      })
      .join("")
      .trimEnd();
  const rule = "─".repeat(widths.reduce((a, b) => a + b, 0) + gapsWidth(columns));
  return [...head.map(line), rule, ...body.map(line)].join("\n");
}

/** Two-column label/value list, values right-aligned. */
export function renderPairs(pairs: [string, string][]): string {
  const width = Math.max(...pairs.map(([l, v]) => len(l) + len(v))) + COLUMN_GAP.length;
  return pairs.map(([l, v]) => `${l}${" ".repeat(Math.max(COLUMN_GAP.length, width - len(l) - len(v)))}${v}`).join("\n");
}

export interface SplitOptions {
  /** Leading columns repeated in every table (the row labels); 1 by default. */
  lead?: number;
  /** Trailing columns repeated in every table (an average); 0 by default. */
  tail?: number;
  maxWidth?: number;
}

/**
 * One table when it fits `maxWidth`; otherwise the columns between the lead
 * and the tail are spread over as few tables as keep every line within it,
 * each repeating the lead and tail columns, and spread evenly when that
 * still fits. A single column too wide on its own still gets a table of its own.
 */
/** `items` cut into `n` runs in order, sizes differing by at most one (larger first). */
function evenGroups<T>(items: T[], n: number): T[][] {
  const out: T[][] = [];
  let start = 0;
  for (let g = 0; g < n; g++) {
    const size = Math.ceil((items.length - start) / (n - g));
    out.push(items.slice(start, start + size));
    start += size;
  }
  return out;
}

export function renderTables(columns: Column[], rows: string[][], opts: SplitOptions = {}): string[] {
  const lead = opts.lead ?? 1;
  const tail = opts.tail ?? 0;
  const maxWidth = opts.maxWidth ?? MAX_TABLE_WIDTH;
  const width = columns.map((c, i) =>
    Math.max(len(cut(c.title, c.max)), len(cut(c.unit ?? "", c.max)), ...rows.map((r) => len(cut(r[i] ?? "", c.max)))),
  );
  const fixed = [...columns.keys()].filter((i) => i < lead || i >= columns.length - tail);
  const middle = [...columns.keys()].filter((i) => i >= lead && i < columns.length - tail);
  const tableWidth = (idx: number[]) => {
    const ordered = [...idx].sort((a, b) => a - b);
    return ordered.reduce((sum, i) => sum + width[i]!, 0) + gapsWidth(ordered.map((i) => columns[i]!));
  };
  const groups: number[][] = [];
  let current: number[] = [];
  for (const i of middle) {
    if (current.length > 0 && tableWidth([...fixed, ...current, i]) > maxWidth) {
      groups.push(current);
      current = [];
    }
    current.push(i);
  }
  groups.push(current);
  // As many tables as that, but columns spread evenly (6 → 3 + 3, not 5 + 1) when that still fits.
  const even = evenGroups(middle, groups.length);
  const balanced = even.every((g) => tableWidth([...fixed, ...g]) <= maxWidth) ? even : groups;
  return balanced.map((group) => {
    const idx = [...fixed.filter((i) => i < lead), ...group, ...fixed.filter((i) => i >= lead)];
    return renderTable(
      idx.map((i) => columns[i]!),
      rows.map((r) => idx.map((i) => r[i] ?? "")),
    );
  });
}
