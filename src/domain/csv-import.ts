// Reading an entries CSV for /import: the columns and formats `/export` writes (in
// either language), checked row by row. Pure: bytes in, rows and errors out; who the
// managers are and what is already stored is the service's business.

import { parse } from "csv-parse/sync";
import { parseAmount } from "./amounts.js";
import { CLIENT_REQUIRED, MAX_CLIENT_LENGTH, MAX_REASON_LENGTH, parseOutcome } from "./entry-parsing.js";
import { isValidDate, zonedTime } from "./time.js";
import type { ActivityKind, CallOutcome } from "./types.js";

/** The export's entry columns, in its order. */
export const IMPORT_COLUMNS = ["time", "manager", "kind", "outcome", "client", "amount", "lostReason"] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
/** Without these a row means nothing; the others may be left out of the file. */
export const REQUIRED_COLUMNS: readonly ImportColumn[] = ["time", "manager", "kind"];

/** Above this the file is refused before it is read (50 000 exported rows are about 4 MB). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 100_000;
/** Earlier than this is a typo, not history. */
const EARLIEST_YEAR = 2000;

/** The words each column's header and each kind/outcome may be written as (both languages), lower case. */
export interface ImportVocabulary {
  headers: Readonly<Record<ImportColumn, readonly string[]>>;
  kinds: ReadonlyMap<string, ActivityKind>;
  outcomes: ReadonlyMap<string, CallOutcome>;
}

/** Why a whole file is refused (nothing of it is stored). Rows are numbered as a spreadsheet shows them: the header is row 1. */
export type CsvRefusal =
  | { code: "too_big"; bytes: number }
  | { code: "binary" }
  | { code: "empty" }
  | { code: "header"; found: string[]; missing: ImportColumn[] }
  | { code: "malformed"; row: number }
  | { code: "too_many_rows"; rows: number }
  | { code: "formula"; row: number; column: ImportColumn; value: string }
  | { code: "future"; row: number; column: ImportColumn; value: string };

export type RowProblem =
  | "field_count"
  | "time_format"
  | "kind_unknown"
  | "outcome_unknown"
  | "outcome_not_call"
  | "amount_required"
  | "amount_format"
  | "amount_zero"
  | "amount_negative"
  | "amount_too_large"
  | "amount_not_deal"
  | "client_required"
  | "client_too_long"
  | "reason_too_long"
  | "reason_not_lost"
  | "manager_required"
  // Set by the service, which knows the team (and its backdating window, for a manager's rows):
  | "time_future"
  | "time_outside_window"
  | "time_backdate_disabled"
  | "manager_unknown"
  | "manager_ambiguous"
  | "manager_not_you";

/** A row that cannot be imported, with where and why; the rest of the file still can. */
export interface RowError {
  row: number;
  column: ImportColumn;
  value: string;
  problem: RowProblem;
}

/** A row read and checked, its manager still as written. */
export interface ImportRow {
  row: number;
  manager: string;
  kind: ActivityKind;
  outcome: CallOutcome | null;
  clientName: string | null;
  amountMinor: number | null;
  lostReason: string | null;
  /** The local minute it names, as a UTC instant (the export writes minutes). */
  occurredAt: number;
}

export type CsvRead =
  | { ok: true; delimiter: string; rows: ImportRow[]; errors: RowError[]; total: number }
  | { ok: false; refusal: CsvRefusal };

const DELIMITERS = [";", ",", "\t"] as const;

/** Header words are compared without case, spacing, unit suffixes' spacing, or a trailing colon. */
export function normaliseWord(s: string): string {
  return s.normalize("NFKC").toLocaleLowerCase("ru").replace(/ё/g, "е").replace(/\s+/g, " ").replace(/:$/, "").trim();
}

/** Text a file declares as such: valid UTF-8 with no NUL bytes (a BOM is dropped). */
function decodeText(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null;
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return null;
  }
}

/** The first physical line (a header has no line breaks inside quotes). */
function firstLine(text: string): string {
  const end = text.search(/\r?\n/);
  return end === -1 ? text : text.slice(0, end);
}

/** Which column each header cell is, or null; a cell no column claims is ignored. */
function mapHeader(cells: string[], vocab: ImportVocabulary): (ImportColumn | null)[] {
  const taken = new Set<ImportColumn>();
  return cells.map((cell) => {
    const word = normaliseWord(cell);
    const column = IMPORT_COLUMNS.find((c) => !taken.has(c) && vocab.headers[c].includes(word)) ?? null;
    if (column) taken.add(column);
    return column;
  });
}

/** The header's cells under one delimiter (quotes honoured), or null when it does not parse. */
function headerCells(header: string, delimiter: string): string[] | null {
  try {
    const [cells] = parse(header, { delimiter, relax_column_count: true, trim: true }) as string[][];
    return cells ?? null;
  } catch {
    return null;
  }
}

/** Picks the delimiter under which the header names every required column (and the most columns). */
function detectDelimiter(header: string, vocab: ImportVocabulary): { delimiter: string; columns: (ImportColumn | null)[] } | null {
  let best: { delimiter: string; columns: (ImportColumn | null)[]; named: number } | null = null;
  for (const delimiter of DELIMITERS) {
    const cells = headerCells(header, delimiter);
    if (!cells) continue;
    const columns = mapHeader(cells, vocab);
    const named = columns.filter((c) => c !== null).length;
    if (REQUIRED_COLUMNS.every((c) => columns.includes(c)) && (!best || named > best.named)) best = { delimiter, columns, named };
  }
  return best && { delimiter: best.delimiter, columns: best.columns };
}

// The export writes "DD.MM.YYYY HH:mm"; ISO dates and seconds are read too.
const TIME_RES = [
  /^(?<d>\d{1,2})\.(?<m>\d{1,2})\.(?<y>\d{4})[ T]+(?<hh>\d{1,2}):(?<mm>\d{2})(?::\d{2})?$/,
  /^(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})[ T]+(?<hh>\d{1,2}):(?<mm>\d{2})(?::\d{2}(?:\.\d+)?)?$/,
];

/** A local date and time in the team's zone → the UTC instant of that minute, or null. */
export function parseLocalTime(value: string, tz: string): number | null {
  for (const re of TIME_RES) {
    const g = re.exec(value.trim())?.groups;
    if (!g) continue;
    const [y, m, d, hh, mm] = [g.y, g.m, g.d, g.hh, g.mm].map(Number) as [number, number, number, number, number];
    if (!isValidDate(y, m, d) || hh > 23 || mm > 59 || y < EARLIEST_YEAR) return null;
    return zonedTime(`${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`, hh, mm, tz);
  }
  return null;
}

/**
 * A cell a spreadsheet would run as a formula. The export writes such text with a
 * leading apostrophe (`'=…`), which is taken back off; anything else starting with
 * `=`/`@` (any column; a manager's plain `@username` excepted), `+`/`-` (text
 * columns; a number may be negative) or a tab/CR is refused, so a file cannot carry
 * `=cmd|…` into the next export.
 */
function isFormula(value: string, column: ImportColumn): boolean {
  // A manager written as @username is a name, not a formula.
  if (column === "manager" && /^@\w{3,32}$/.test(value)) return false;
  if (/^[=@\t\r]/.test(value)) return true;
  return column !== "amount" && column !== "time" && /^[+-]/.test(value);
}

function unescapeExported(value: string): string {
  return /^'[=+\-@]/.test(value) ? value.slice(1) : value;
}

type RowResult = { ok: true; row: ImportRow } | { ok: false; error: RowError } | { ok: false; refusal: CsvRefusal };

function readRow(row: number, cell: (c: ImportColumn) => string, vocab: ImportVocabulary, tz: string, now: number): RowResult {
  const err = (column: ImportColumn, problem: RowProblem): RowResult => ({
    ok: false,
    error: { row, column, value: cell(column), problem },
  });
  const timeText = cell("time");
  const occurredAt = parseLocalTime(timeText, tz);
  if (occurredAt === null) return err("time", "time_format");
  if (occurredAt > now) return { ok: false, refusal: { code: "future", row, column: "time", value: timeText } };
  const manager = cell("manager");
  if (manager === "") return err("manager", "manager_required");
  const kind = vocab.kinds.get(normaliseWord(cell("kind")));
  if (!kind) return err("kind", "kind_unknown");

  let outcome: CallOutcome | null = null;
  const outcomeText = cell("outcome");
  if (kind === "call") {
    const word = normaliseWord(outcomeText);
    outcome = word === "" ? "reached" : (vocab.outcomes.get(word) ?? parseOutcome(word.replace(/ /g, "_")));
    if (!outcome) return err("outcome", "outcome_unknown");
  } else if (outcomeText !== "") return err("outcome", "outcome_not_call");

  const clientName = cell("client") === "" ? null : cell("client");
  if (clientName === null && CLIENT_REQUIRED[kind]) return err("client", "client_required");
  if (clientName !== null && clientName.length > MAX_CLIENT_LENGTH) return err("client", "client_too_long");

  let amountMinor: number | null = null;
  const amountText = cell("amount");
  if (kind === "deal") {
    if (amountText === "") return err("amount", "amount_required");
    const amount = parseAmount(amountText);
    if ("error" in amount) return err("amount", `amount_${amount.error}`);
    amountMinor = amount.minor;
  } else if (amountText !== "") return err("amount", "amount_not_deal");

  const reasonText = cell("lostReason");
  if (reasonText !== "" && kind !== "lost") return err("lostReason", "reason_not_lost");
  if (reasonText.length > MAX_REASON_LENGTH) return err("lostReason", "reason_too_long");
  const lostReason = reasonText === "" ? null : reasonText;

  return { ok: true, row: { row, manager, kind, outcome, clientName, amountMinor, lostReason, occurredAt } };
}

/**
 * Reads an entries CSV. A file-level problem (not text, no header, a broken quote,
 * a formula, a row in the future) refuses the whole file; a bad value refuses its row.
 */
export function readImportCsv(bytes: Uint8Array, vocab: ImportVocabulary, opts: { timezone: string; now: number }): CsvRead {
  const refuse = (refusal: CsvRefusal): CsvRead => ({ ok: false, refusal });
  if (bytes.length > MAX_IMPORT_BYTES) return refuse({ code: "too_big", bytes: bytes.length });
  const text = decodeText(bytes);
  if (text === null) return refuse({ code: "binary" });
  if (text.trim() === "") return refuse({ code: "empty" });
  const header = firstLine(text);
  const detected = detectDelimiter(header, vocab);
  if (!detected) {
    const found = mapHeader(header.split(/[;,\t]/), vocab);
    const cells = header
      .split(/[;,\t]/)
      .map((c) => c.trim())
      .filter((c) => c !== "");
    return refuse({ code: "header", found: cells.slice(0, 10), missing: REQUIRED_COLUMNS.filter((c) => !found.includes(c)) });
  }
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: detected.delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as string[][];
  } catch (error) {
    const lines = (error as { lines?: number }).lines;
    return refuse({ code: "malformed", row: typeof lines === "number" ? lines : 1 });
  }
  const body = records.slice(1);
  if (body.length > MAX_IMPORT_ROWS) return refuse({ code: "too_many_rows", rows: body.length });

  const index = new Map<ImportColumn, number>();
  detected.columns.forEach((c, i) => {
    if (c) index.set(c, i);
  });
  const rows: ImportRow[] = [];
  const errors: RowError[] = [];
  for (const [i, record] of body.entries()) {
    const row = i + 2;
    if (record.every((v) => v === "")) continue;
    if (record.length !== detected.columns.length) {
      errors.push({ row, column: IMPORT_COLUMNS[0], value: record.join(detected.delimiter), problem: "field_count" });
      continue;
    }
    for (const [column, at] of index) {
      const raw = record[at]!;
      if (isFormula(raw, column)) return refuse({ code: "formula", row, column, value: raw });
    }
    const cell = (c: ImportColumn) => {
      const at = index.get(c);
      return at === undefined ? "" : unescapeExported(record[at]!);
    };
    const read = readRow(row, cell, vocab, opts.timezone, opts.now);
    if (read.ok) rows.push(read.row);
    else if ("refusal" in read) return refuse(read.refusal);
    else errors.push(read.error);
  }
  return { ok: true, delimiter: detected.delimiter, rows, errors, total: rows.length + errors.length };
}
