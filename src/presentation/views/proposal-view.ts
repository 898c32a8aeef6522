import type { FreeTextReading, ProposedEntry } from "../../domain/free-text.js";
import type { Locale } from "../../domain/locales.js";
import { formatMoney } from "../format/money.js";
import { clip, escapeHtml } from "../html.js";
import { messages } from "../i18n/index.js";

/** One proposed entry in plain words: "📞 Звонок → назначена встреча · <b>Ромашка</b>". */
export function proposalLine(e: ProposedEntry, locale: Locale): string {
  const t = messages[locale];
  const ft = t.freeText;
  let line = t.buttons[e.kind];
  if (e.kind === "call" && e.outcome) line += ` → ${t.outcome[e.outcome]}`;
  const parts = [line];
  if (e.kind === "deal") parts.push(e.amountMinor !== null ? formatMoney(e.amountMinor, locale) : `<b>${ft.amountMissing}</b>`);
  if (e.clientName) parts.push(`<b>${escapeHtml(clip(e.clientName, 80))}</b>${e.clientIsNew ? ` (${ft.newClient})` : ""}`);
  else if (e.missing === "client") parts.push(`<b>${ft.clientMissing}</b>`);
  if (e.lostReason) parts.push(`<i>${escapeHtml(clip(e.lostReason, 120))}</i>`);
  return parts.join(" · ");
}

/** The confirmation message for a reading: what was understood, notes, and what to do. */
export function proposalText(
  reading: Pick<FreeTextReading, "entries" | "guessed" | "notes">,
  locale: Locale,
  extraNotes: string[] = [],
): string {
  const ft = messages[locale].freeText;
  const { entries } = reading;
  const head = reading.guessed ? ft.guess : entries.length > 1 ? ft.several(entries.length) : ft.understood;
  const lines = entries.map((e, i) => (entries.length > 1 ? `${i + 1}. ` : "") + proposalLine(e, locale));
  const notes = [...reading.notes.map((n) => ft.notes[n]), ...extraNotes];
  const complete = entries.every((e) => e.missing === null);
  return [head, ...lines, ...notes, complete ? ft.confirm : ft.completeFirst].join("\n");
}
