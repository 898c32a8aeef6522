import type { Locale } from "../../domain/locales.js";
import { formatLocal } from "../../domain/time.js";
import type { Period } from "../../domain/types.js";
import { formatNumber, formatPercent } from "../format/number.js";
import { periodLabel } from "../format/period-label.js";
import { escapeHtml, fitHtml } from "../html.js";
import { messages } from "../i18n/index.js";
import type { FlagVM } from "./view-models.js";

/** Flags listed (and given buttons) in one message; the rest wait for these to be resolved. */
export const MAX_LISTED = 10;

export interface FlagRow {
  flag: FlagVM;
  /** The flagged person's first name. */
  name: string;
  /** Who resolved it, when it is resolved. */
  resolver?: string;
}

/** What a flag found, in one line (HTML). */
export function describeFlag(flag: FlagVM, tz: string, locale: Locale): string {
  const t = messages[locale].flags;
  const d = flag.detail;
  const hm = (ms: number) => formatLocal(ms, tz, "HH:mm");
  const entries = t.entries(d.count);
  switch (flag.kind) {
    case "burst":
      return t.burst(entries, hm(d.firstAt), hm(d.lastAt));
    case "duplicate": {
      const what = [messages[locale].kindName[d.entryKind ?? "call"], ...(d.clients ?? [])].join(" · ");
      return t.duplicate(entries, escapeHtml(what), hm(d.firstAt), hm(d.lastAt));
    }
    case "night":
      return t.night(entries, hm(d.firstAt), hm(d.lastAt));
    case "calls":
      return t.calls(d.calls ?? d.count, formatNumber(d.median ?? 0, locale, 1), formatPercent(d.conversion ?? 0, locale));
    case "no_history":
      return t.noHistory(d.count, escapeHtml((d.clients ?? []).join(", ")));
  }
}

/** One flag as its list line: number, kind, person, day, what was found, and how it was resolved. */
export function flagLine(row: FlagRow, n: number, tz: string, locale: Locale): string {
  const t = messages[locale].flags;
  const { flag } = row;
  const day = `${flag.day.slice(8, 10)}.${flag.day.slice(5, 7)}`;
  const line = t.line(n, t.kind[flag.kind], escapeHtml(row.name), day, describeFlag(flag, tz, locale));
  if (flag.status === "fine") return `${line}\n    ${t.fine(escapeHtml(row.resolver ?? ""))}`;
  if (flag.status === "voided") return `${line}\n    ${t.voided(escapeHtml(row.resolver ?? ""))}`;
  return line;
}

/**
 * `/flags`: the open flags (no period) or a period's flags, numbered; the
 * caller puts ✓/✖ buttons under the open ones among the first MAX_LISTED.
 */
export function renderFlagList(rows: readonly FlagRow[], period: Period | null, on: boolean, tz: string, locale: Locale): string {
  const t = messages[locale].flags;
  const title = period ? t.periodTitle(escapeHtml(periodLabel(period, locale))) : t.title;
  const parts = [title];
  if (rows.length === 0) parts.push(period ? t.nonePeriod : t.none);
  const shown = rows.slice(0, MAX_LISTED);
  shown.forEach((row, i) => {
    parts.push(flagLine(row, i + 1, tz, locale));
  });
  if (rows.length > shown.length) parts.push(t.more(rows.length - shown.length));
  if (shown.some((r) => r.flag.status === "open")) parts.push(t.hint);
  if (!on) parts.push(t.off);
  return fitHtml(parts.join("\n\n"));
}
