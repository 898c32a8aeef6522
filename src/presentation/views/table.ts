// Monospace tables that fit a phone screen (about 32–36 characters in a <pre>).

export interface Column {
  title: string;
  align?: "left" | "right";
  /** Cells longer than this are cut with "…". */
  max?: number;
}

function cut(text: string, max: number | undefined): string {
  if (max === undefined) return text;
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, Math.max(1, max - 1)).join("")}…`;
}

const len = (s: string) => Array.from(s).length;

/** Plain-text table: header, a rule, rows; columns separated by one space. */
export function renderTable(columns: Column[], rows: string[][]): string {
  const cells = [columns.map((c) => cut(c.title, c.max)), ...rows.map((r) => r.map((v, i) => cut(v, columns[i]?.max)))];
  const widths = columns.map((_, i) => Math.max(...cells.map((r) => len(r[i] ?? ""))));
  const line = (r: string[]) =>
    r
      .map((v, i) => {
        const pad = " ".repeat(widths[i]! - len(v));
        return columns[i]?.align === "left" ? v + pad : pad + v;
      })
      .join(" ")
      .trimEnd();
  const [head, ...body] = cells;
  return [line(head!), "─".repeat(widths.reduce((a, b) => a + b, 0) + widths.length - 1), ...body.map(line)].join("\n");
}

/** Two-column label/value list, values right-aligned. */
export function renderPairs(pairs: [string, string][]): string {
  const width = Math.max(...pairs.map(([l, v]) => len(l) + len(v))) + 2;
  return pairs.map(([l, v]) => `${l}${" ".repeat(Math.max(1, width - len(l) - len(v)))}${v}`).join("\n");
}
