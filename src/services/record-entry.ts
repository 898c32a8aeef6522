import type { Locale } from "../config.js";
import { formatMoney } from "../domain/amounts.js";
import type { ParsedEntry } from "../domain/entry-parsing.js";
import { addDays, localDate, zonedMidnight } from "../domain/time.js";
import { escapeHtml } from "../presentation/html.js";
import { messages } from "../presentation/i18n/index.js";
import type { AppDeps, Member } from "./deps.js";

export interface EntryMeta {
  /** When the manager sent it (Telegram `date`), Unix ms. */
  occurredAt: number;
  /** The update that carried it, so a redelivery cannot log it twice. */
  sourceUpdateId: number | null;
  /** Told the stored entry's id (free-text proposals keep it for their Undo button). */
  onLogged?: (activityId: number) => void;
}

/** [from, to) of the team-local day containing `ms`. */
export function localDayBounds(ms: number, tz: string): { from: number; to: number } {
  const day = localDate(ms, tz);
  return { from: zonedMidnight(day, tz), to: zonedMidnight(addDays(day, 1), tz) };
}

/** Describes an entry in one line: "дозвон — ООО Ромашка", "50 000 ₽ — Acme". */
export function describeEntry(
  entry: Pick<ParsedEntry, "kind" | "outcome" | "clientName" | "amountMinor" | "lostReason">,
  locale: Locale,
): string {
  const t = messages[locale];
  const parts: string[] = [];
  if (entry.kind === "call" && entry.outcome) parts.push(t.outcome[entry.outcome]);
  if (entry.amountMinor !== null) parts.push(formatMoney(entry.amountMinor, locale));
  if (entry.clientName) parts.push(`<b>${escapeHtml(entry.clientName)}</b>`);
  if (entry.lostReason) parts.push(`<i>${escapeHtml(entry.lostReason)}</i>`);
  return parts.join(" — ");
}

/**
 * Stores one entry (one transaction) and returns the HTML confirmation: the
 * entry, today's running count for its kind, and any stage move.
 */
export function recordEntry(deps: AppDeps, member: Member, entry: ParsedEntry, meta: EntryMeta, locale: Locale): string {
  const t = messages[locale];
  const result = deps.repos.entries.log({
    teamId: member.team.id,
    userId: member.user.id,
    ...entry,
    occurredAt: meta.occurredAt,
    sourceUpdateId: meta.sourceUpdateId,
  });
  switch (result.status) {
    case "duplicate":
      return t.duplicate;
    case "lead_exists":
      return `${t.errors.lead_exists(escapeHtml(result.lead.clientName), t.stage[result.lead.stage])}\n${t.errors.form(escapeHtml(t.forms.lead))}`;
    case "no_open_lead":
      return `${t.errors.no_open_lead(escapeHtml(entry.clientName ?? ""))}\n${t.errors.form(escapeHtml(t.forms.lost))}`;
    case "logged": {
      meta.onLogged?.(result.activity.id);
      const day = localDayBounds(meta.occurredAt, member.team.timezone);
      const count = deps.repos.entries.countKind(member.team.id, member.user.id, entry.kind, day.from, day.to);
      let text = t.logged(t.kindName[entry.kind], describeEntry(entry, locale), t.kindCount[entry.kind], count);
      const lead = result.lead;
      if (lead && result.entered.length > 0 && entry.kind !== "lead") {
        text += `\n${t.stageMove(escapeHtml(lead.clientName), t.stage[lead.stage])}`;
      }
      deps.logger.info(
        { activity_id: result.activity.id, kind: entry.kind, team_id: member.team.id, user_id: member.user.id },
        "entry logged",
      );
      return text;
    }
  }
}
