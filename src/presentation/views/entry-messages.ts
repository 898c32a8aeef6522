import type { EntryError } from "../../domain/entry-parsing.js";
import type { ActivityKind } from "../../domain/types.js";
import { echo, escapeHtml } from "../html.js";
import type { Messages } from "../i18n/index.js";

/** The refusal for a bad entry: what was wrong, then the right form. */
export function entryErrorText(t: Messages, kind: ActivityKind, error: EntryError, detail?: string): string {
  const e = t.errors;
  const reason =
    error === "unknown_outcome"
      ? e.unknown_outcome(echo(detail ?? ""))
      : error === "amount_format"
        ? e.amount_format(echo(detail ?? ""))
        : e[error];
  return `⚠️ ${reason}\n${e.form(escapeHtml(t.forms[kind]))}`;
}
