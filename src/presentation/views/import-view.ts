// The words of /import: a refused file, the dry run, progress and the outcome.

import type { CsvRefusal, RowError } from "../../domain/csv-import.js";
import type { ImportPlan, ImportResult } from "../../services/csv-import.js";
import { clip, escapeHtml, fitHtml } from "../html.js";
import type { Messages } from "../i18n/index.js";

/** Errors listed in a dry run; the rest are counted. */
const LISTED_ERRORS = 20;
const LISTED_NAMES = 20;
const VALUE_CHARS = 40;

const quoted = (s: string) => escapeHtml(clip(s, VALUE_CHARS));

/** Why the whole file was refused, with the row and column where that applies; always ends with "nothing stored". */
export function renderImportRefusal(t: Messages, refusal: CsvRefusal): string {
  const r = t.importCsv.refusal;
  const col = (c: Exclude<keyof Messages["csv"], "bonus">) => escapeHtml(t.csv[c]);
  const line = (() => {
    switch (refusal.code) {
      case "too_big":
        return t.importCsv.tooBig((refusal.bytes / 1024 / 1024).toFixed(1));
      case "binary":
        return r.binary;
      case "empty":
        return r.empty;
      case "header":
        return r.header(
          refusal.missing.map((c) => `«${col(c)}»`).join(", "),
          refusal.found.length > 0 ? refusal.found.map((f) => `«${quoted(f)}»`).join(", ") : "—",
        );
      case "malformed":
        return r.malformed(refusal.row);
      case "too_many_rows":
        return r.tooManyRows(refusal.rows);
      case "formula":
        return r.formula(refusal.row, col(refusal.column), quoted(refusal.value));
      case "future":
        return r.future(refusal.row, col(refusal.column), quoted(refusal.value));
    }
  })();
  return refusal.code === "too_big" ? `⚠️ ${line}` : `⚠️ ${line}\n${t.importCsv.nothingStored}`;
}

function errorLine(t: Messages, e: RowError): string {
  const problem = t.importCsv.problem[e.problem];
  const column = escapeHtml(t.csv[e.column]);
  return e.value === ""
    ? t.importCsv.errorLineEmpty(e.row, column, problem)
    : t.importCsv.errorLine(e.row, column, quoted(e.value), problem);
}

/** Rows that would be stored: ready and not already present. */
export function newRows(plan: ImportPlan): number {
  return plan.rows.length - plan.alreadyPresent;
}

/** The dry run: counts, the first errors with row and column, unknown managers, what Import would do. */
export function renderDryRun(t: Messages, fileName: string, plan: ImportPlan): string {
  const m = t.importCsv;
  const lines = [m.dryRunTitle(escapeHtml(clip(fileName, 60))), m.counts(plan.rows.length, plan.errors.length)];
  if (plan.alreadyPresent > 0) lines.push(m.present(plan.alreadyPresent));
  if (plan.beyondWindow > 0) lines.push(m.beyondWindow(plan.beyondWindow, plan.windowDays));
  if (plan.unknownManagers.length > 0) {
    const names = plan.unknownManagers.slice(0, LISTED_NAMES).map(quoted);
    if (plan.unknownManagers.length > LISTED_NAMES) names.push(m.moreErrors(plan.unknownManagers.length - LISTED_NAMES));
    lines.push(m.unknownManagers(names.join(", ")));
  }
  if (plan.errors.length > 0) {
    lines.push("", m.errorsTitle, ...plan.errors.slice(0, LISTED_ERRORS).map((e) => errorLine(t, e)));
    if (plan.errors.length > LISTED_ERRORS) lines.push(m.moreErrors(plan.errors.length - LISTED_ERRORS));
  }
  lines.push("", newRows(plan) > 0 ? m.confirm(newRows(plan)) : m.nothingNew);
  return fitHtml(lines.join("\n"));
}

export function renderImportProgress(t: Messages, done: number, total: number): string {
  return t.importCsv.progress(done, total);
}

/** What the run stored, skipped and left out; rows the pipeline refused are listed like errors. */
export function renderImportResult(t: Messages, result: ImportResult): string {
  const m = t.importCsv;
  const lines = [m.done(result.stored, result.alreadyPresent, result.errors)];
  if (result.refused.length > 0) {
    lines.push("", m.refusedTitle, ...result.refused.slice(0, LISTED_ERRORS).map((r) => m.refusedLine[r.reason](r.row)));
    if (result.refused.length > LISTED_ERRORS) lines.push(m.moreErrors(result.refused.length - LISTED_ERRORS));
  }
  return fitHtml(lines.join("\n"));
}
