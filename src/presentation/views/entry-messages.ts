import type { EntryError, ParsedEntry } from "../../domain/entry-parsing.js";
import type { Locale } from "../../domain/locales.js";
import type { ActivityKind } from "../../domain/types.js";
import type { RecordOutcome } from "../../services/record-entry.js";
import { formatMoney } from "../format/money.js";
import { formatPercent } from "../format/number.js";
import { echo, escapeHtml } from "../html.js";
import { type Messages, messages } from "../i18n/index.js";

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

/** Describes an entry in one line of HTML: "дозвон — ООО Ромашка", "50 000 ₽ — Acme". */
export function describeEntry(
  entry: Pick<ParsedEntry, "kind" | "outcome" | "clientName" | "amountMinor" | "lostReason" | "marginPct">,
  locale: Locale,
): string {
  const t = messages[locale];
  const parts: string[] = [];
  if (entry.kind === "call" && entry.outcome) parts.push(t.outcome[entry.outcome]);
  if (entry.amountMinor !== null) parts.push(formatMoney(entry.amountMinor, locale));
  if (entry.marginPct !== undefined && entry.marginPct !== null)
    parts.push(`${t.errors.marginShort} ${formatPercent(entry.marginPct, locale)}`);
  if (entry.clientName) parts.push(`<b>${escapeHtml(entry.clientName)}</b>`);
  if (entry.lostReason) parts.push(`<i>${escapeHtml(entry.lostReason)}</i>`);
  return parts.join(" — ");
}

/** The HTML answer to a stored (or refused) entry: the entry, today's running count for its kind, any stage move. */
export function entryReplyText(entry: ParsedEntry, outcome: RecordOutcome, locale: Locale): string {
  const t = messages[locale];
  switch (outcome.status) {
    case "duplicate":
      return t.duplicate;
    case "from_crm":
      return t.crm.sources.fromCrm(t.kindName[entry.kind]);
    case "lead_exists":
      return `${t.errors.lead_exists(escapeHtml(outcome.lead.clientName), t.stage[outcome.lead.stage])}\n${t.errors.form(escapeHtml(t.forms.lead))}`;
    case "no_open_lead":
      return `${t.errors.no_open_lead(escapeHtml(entry.clientName ?? ""))}\n${t.errors.form(escapeHtml(t.forms.lost))}`;
    case "logged": {
      const text = t.logged(t.kindName[entry.kind], describeEntry(entry, locale), t.kindCount[entry.kind], outcome.todayCount);
      const lead = outcome.stageMoved;
      // What the entry earns (badges, milestones) follows in its own message, from the after-reply queue.
      return [text, ...(lead ? [t.stageMove(escapeHtml(lead.clientName), t.stage[lead.stage])] : [])].join("\n");
    }
  }
}
