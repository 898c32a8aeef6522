// One presentation model for everything that shows a table: a view builds a
// Doc (lines of HTML and tables), and one renderer turns it into either a
// Telegram rich message (native table blocks) or the `<pre>` fallback. The
// reply/delivery layer picks the form; no view knows which one is sent.

/** A table column: its title, the unit its numbers are in (shown in the header, never in the cells), its alignment. */
export interface DocColumn {
  title: string;
  /** "₽", "%", "мес."… shown under/after the title; the cells hold bare numbers. */
  unit?: string;
  /** Numbers are right-aligned (the default); names and labels left. */
  align?: "left" | "right";
  /** `<pre>` only: longer cells are cut with "…" (a phone line is narrow). */
  max?: number;
}

export interface DocTable {
  kind: "table";
  columns: DocColumn[];
  rows: string[][];
  /** Rows shown in bold (a total line). */
  strong?: number[];
  /**
   * Column groups after the `lead` columns, in order (a report's activity, then its
   * results): a spanning header row in a native table; in `<pre>` each group is its own
   * section (its title in bold, then its tables).
   */
  groups?: { title: string; columns: number }[];
  /** `<pre>` only: how a too-wide table is split (the columns repeated in every piece). */
  lead?: number;
  tail?: number;
  /**
   * The classic form of this table when it was never a `<pre>` (a ranking's
   * "🥇 1. Иван — 5" lines): used instead of `<pre>` tables in the fallback.
   */
  lines?: string;
}

/** A piece of the message's HTML (Telegram's HTML subset: b, i, u, s, code, a), possibly several lines. */
export interface DocHtml {
  kind: "html";
  html: string;
}

export type DocBlock = DocHtml | DocTable;

export interface Doc {
  blocks: DocBlock[];
}

export const html = (text: string): DocHtml => ({ kind: "html", html: text });

export function table(columns: DocColumn[], rows: string[][], opts: Omit<DocTable, "kind" | "columns" | "rows"> = {}): DocTable {
  return { kind: "table", columns, rows, ...opts };
}

export function doc(...blocks: (DocBlock | string | null | undefined | false)[]): Doc {
  return { blocks: blocks.filter((b): b is DocBlock | string => Boolean(b)).map((b) => (typeof b === "string" ? html(b) : b)) };
}

/** True when the doc has a table (only then is a rich message worth sending). */
export const hasTable = (d: Doc): boolean => d.blocks.some((b) => b.kind === "table");
