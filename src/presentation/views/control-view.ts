import type { BackdateError, DayResolution } from "../../domain/backdating.js";
import type { ParsedEntry } from "../../domain/entry-parsing.js";
import type { Locale } from "../../domain/locales.js";
import { formatLocal, localDate } from "../../domain/time.js";
import type { CallOutcome } from "../../domain/types.js";
import type { Feed, FeedItem } from "../../services/feed.js";
import type { RecordOutcome } from "../../services/record-entry.js";
import { formatMoney } from "../format/money.js";
import { clip, escapeHtml } from "../html.js";
import { messages } from "../i18n/index.js";
import { describeEntry } from "./entry-messages.js";
import type { EntryChangeVM, EntryVM } from "./view-models.js";

/** A feed page stays well under Telegram's 4096 characters, and short enough to read. */
const PAGE_CHARS = 3500;
const PAGE_LINES = 25;

type EntryLike = EntryVM;

/** "Звонок — дозвон — <b>Acme</b>": an entry in one line of HTML. */
export function entryText(a: Omit<EntryLike, "id">, locale: Locale): string {
  const t = messages[locale];
  const details = describeEntry(
    { ...a, clientName: a.clientName ? clip(a.clientName, 60) : null, lostReason: a.lostReason ? clip(a.lostReason, 80) : null },
    locale,
  );
  return `${t.kindName[a.kind]}${details ? ` — ${details}` : ""}`;
}

/** "#12 Звонок — дозвон — <b>Acme</b>": an entry with the number /edit and /void take. */
export function entryLine(a: EntryLike, locale: Locale): string {
  return `#${a.id} ${entryText(a, locale)}`;
}

/** A button label for an entry (plain text, short). */
export function entryButton(a: EntryLike, time: string, locale: Locale): string {
  const t = messages[locale];
  const what = [
    t.kindName[a.kind],
    a.amountMinor !== null ? formatMoney(a.amountMinor, locale) : null,
    a.clientName ? clip(a.clientName, 24) : null,
  ]
    .filter(Boolean)
    .join(" · ");
  return `#${a.id} ${time} ${what}`;
}

function fieldValue(key: keyof EntryChangeVM, value: unknown, locale: Locale): string {
  if (value === undefined || value === null) return "—";
  if (key === "amountMinor") return formatMoney(value as number, locale);
  if (key === "outcome") return messages[locale].outcome[value as CallOutcome];
  return `<b>${escapeHtml(clip(String(value), 60))}</b>`;
}

/** "сумма 50 000 ₽ → 60 000 ₽": what a correction changed. */
export function changesText(before: EntryChangeVM, after: EntryChangeVM, locale: Locale): string {
  const c = messages[locale].control;
  const names: Record<keyof EntryChangeVM, string> = { amountMinor: c.field.amount, clientName: c.field.client, outcome: c.field.outcome };
  return (Object.keys(after) as (keyof EntryChangeVM)[])
    .map((k) => `${names[k]} ${fieldValue(k, before[k], locale)} → ${fieldValue(k, after[k], locale)}`)
    .join(", ");
}

/** The answer to a backdated entry: the entry, the day it is for and that day's count of its kind. */
export function backdatedReplyText(
  entry: ParsedEntry,
  outcome: Extract<RecordOutcome, { status: "logged" }>,
  day: string,
  locale: Locale,
): string {
  const t = messages[locale];
  const text = t.control.backdate.loggedFor(
    t.kindName[entry.kind],
    describeEntry(entry, locale),
    dayLabel(day),
    t.kindCount[entry.kind],
    outcome.todayCount,
  );
  const lead = outcome.stageMoved;
  return lead ? `${text}\n${t.stageMove(escapeHtml(lead.clientName), t.stage[lead.stage])}` : text;
}

/** "25.11" from "2026-11-25". */
export function dayLabel(day: string): string {
  return `${day.slice(8, 10)}.${day.slice(5, 7)}`;
}

function itemLines(it: FeedItem, feed: Feed, tz: string, withNames: boolean, locale: Locale): string[] {
  const f = messages[locale].control.feed;
  const t = messages[locale];
  const time = formatLocal(it.at, tz, "HH:mm");
  const who = (id: number) => escapeHtml(clip(feed.names.get(id) ?? String(id), 40));
  const author = withNames && it.entry ? `${who(it.entry.userId)}: ` : "";
  // A change the CRM made (its record edited or deleted there) is marked as the CRM's, not a person's.
  const by = (c: { byUserId: number; source: string }) => (c.source === "crm" ? "🔌 CRM" : who(c.byUserId));
  switch (it.type) {
    case "entry": {
      const day = formatLocal(it.entry.occurredAt, tz, "DD.MM");
      // Whoever imported someone else's rows is named: a head's import of any past day is audited here.
      const importer = it.entry.importedBy !== null && it.entry.importedBy !== it.entry.userId ? who(it.entry.importedBy) : null;
      const mark = it.mark === "imported" ? ` · ${f.imported(day, importer)}` : it.mark === "backdated" ? ` · ${f.backdated(day)}` : "";
      const head = `${time} ${author}${entryLine(it.entry, locale)}${mark}`;
      // Skipped stages are entered at once: the stage the lead ended at says it all.
      const last = it.entry.stages[it.entry.stages.length - 1];
      const stages = last ? [`    ${f.stage(escapeHtml(clip(last.clientName, 60)), t.stage[last.stage])}`] : [];
      return [head, ...stages];
    }
    case "undo":
      return [`${time} ${author}${f.undone(it.entry.id)}`];
    case "void":
      return [`${time} ${author}${f.voided(it.change.activityId, by(it.change), escapeHtml(clip(it.change.reason ?? "", 120)))}`];
    case "correct":
      return [
        `${time} ${author}${f.corrected(
          it.change.activityId,
          changesText(it.change.before as EntryChangeVM, it.change.after as EntryChangeVM, locale),
          by(it.change),
          it.change.reason ? escapeHtml(clip(it.change.reason, 120)) : null,
        )}`,
      ];
  }
}

/** One page of a feed: its HTML and the live entries on it (for ✏️ buttons). */
export interface FeedPage {
  text: string;
  entryIds: number[];
}

/**
 * A feed as pages of HTML, oldest first, each under Telegram's limit: a day's
 * heading before its first action, an item's lines never split across pages.
 */
export function feedPages(feed: Feed, title: string, tz: string, withNames: boolean, locale: Locale): FeedPage[] {
  const f = messages[locale].control.feed;
  if (feed.items.length === 0) return [{ text: `${title}\n${f.empty}`, entryIds: [] }];
  const pages: { lines: string[]; entryIds: number[] }[] = [];
  let page = { lines: [] as string[], entryIds: [] as number[] };
  let size = 0;
  let day = "";
  for (const it of feed.items) {
    const d = localDate(it.at, tz);
    const block = itemLines(it, feed, tz, withNames, locale);
    if (d !== day) block.unshift(`<b>${dayLabel(d)}</b>`);
    const blockSize = block.reduce((n, l) => n + l.length + 1, 0);
    if (page.lines.length > 0 && (size + blockSize > PAGE_CHARS || page.lines.length + block.length > PAGE_LINES)) {
      pages.push(page);
      page = { lines: [], entryIds: [] };
      size = 0;
      // A page that starts mid-day repeats the day's heading.
      if (d === day) block.unshift(`<b>${dayLabel(d)}</b>`);
    }
    day = d;
    page.lines.push(...block);
    if (it.type === "entry" && it.entry.deletedAt === null) page.entryIds.push(it.entry.id);
    size += blockSize;
  }
  if (page.lines.length > 0) pages.push(page);
  return pages.map((p, i) => ({
    text: [title + (pages.length > 1 ? ` · ${f.page(i + 1, pages.length)}` : ""), ...p.lines].join("\n"),
    entryIds: p.entryIds,
  }));
}

/** The refusal for a day that cannot take an entry, with the right form after it. */
export function backdateErrorText(error: BackdateError, day: string | null, windowDays: number, form: string, locale: Locale): string {
  const t = messages[locale];
  const b = t.control.backdate;
  const date = day ? dayLabel(day) : "";
  const reason =
    error === "bad_date"
      ? b.bad_date
      : error === "future"
        ? b.future(date)
        : error === "outside_window"
          ? b.outside_window(date, windowDays)
          : b.disabled;
  return `⚠️ ${reason}\n${t.errors.form(escapeHtml(form))}`;
}

/** The note on a free-text confirmation that names an earlier day. */
export function backdateNote(resolution: DayResolution, windowDays: number, locale: Locale): string | null {
  const b = messages[locale].control.backdate;
  if (resolution.ok) return resolution.backdated ? b.note(dayLabel(resolution.day)) : null;
  if (resolution.error === "disabled") return b.noteDisabled;
  if (resolution.error === "outside_window" && resolution.day) return b.noteOutside(dayLabel(resolution.day), windowDays);
  return null;
}
