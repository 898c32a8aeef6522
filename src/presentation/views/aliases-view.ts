import type { Locale } from "../../domain/locales.js";
import { isActivityKind, type TextAlias } from "../../domain/text-aliases.js";
import { formatMoney } from "../format/money.js";
import { clip, escapeHtml } from "../html.js";
import { messages } from "../i18n/index.js";

/** One taught phrase: "«ат» → <b>Альфа-Трейд</b>" (a kind by its name, an amount as money). */
export function aliasLine(a: TextAlias, locale: Locale): string {
  const t = messages[locale];
  const value =
    a.field === "kind" && isActivityKind(a.value)
      ? t.kindName[a.value]
      : a.field === "amount"
        ? formatMoney(Number(a.value), locale)
        : escapeHtml(clip(a.value, 80));
  return `«${escapeHtml(a.phrase)}» → <b>${value}</b>`;
}

/** /aliases: the team's phrases, numbered, each with its field. */
export function renderAliases(aliases: readonly TextAlias[], locale: Locale): string {
  const t = messages[locale].aliases;
  if (aliases.length === 0) return t.empty;
  const lines = aliases.map((a, i) => `${i + 1}. ${t.field[a.field]}: ${aliasLine(a, locale)}`);
  return [t.title(aliases.length), ...lines, t.footer].join("\n");
}
