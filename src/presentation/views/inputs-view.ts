import type { InputKind, MissingInput } from "../../domain/business-inputs.js";
import type { Locale } from "../../domain/locales.js";
import type { MonthInputs } from "../../services/business.js";
import { formatMoney } from "../format/money.js";
import { formatPercent } from "../format/number.js";
import { escapeHtml, fitHtml } from "../html.js";
import { messages } from "../i18n/index.js";

/** "ноябрь 2026" / "November 2026" for "2026-11". */
export function monthLabel(month: string, locale: Locale): string {
  const name = messages[locale].periodLabel.months[Number(month.slice(5, 7)) - 1] ?? month;
  return `${name} ${month.slice(0, 4)}`;
}

/** An input's value as the head typed it: money in rubles, margin as a percent. */
export function inputValueText(kind: InputKind, value: number, locale: Locale): string {
  return kind === "margin" ? formatPercent(value, locale) : formatMoney(value, locale);
}

/** The command that fills a missing input: "/inputs market", "/inputs costs @ivan". */
export function inputCommand(m: MissingInput, who: (userId: number) => string): string {
  return m.kind === "costs" ? `/inputs costs ${m.userId === null ? "@user" : who(m.userId)}` : `/inputs ${m.kind}`;
}

/**
 * The note under a table with "—" for missing inputs: which `/inputs` to enter
 * (a manager's @username, else their name). Null when nothing is missing.
 */
export function missingInputsNote(
  missing: readonly MissingInput[],
  people: ReadonlyMap<number, { username: string | null; firstName: string }>,
  locale: Locale,
): string | null {
  if (missing.length === 0) return null;
  const t = messages[locale].inputs;
  const who = (id: number) => {
    const p = people.get(id);
    return p?.username ? `@${p.username}` : (p?.firstName ?? "@user");
  };
  const cmds = missing.slice(0, 6).map((m) => escapeHtml(inputCommand(m, who)));
  if (missing.length > 6) cmds.push("…");
  return `<i>${t.missingNote(t.enter(cmds.join(", ")))}</i>`;
}

/** `/inputs` alone: what holds for this and last month, and what is missing. */
export function renderInputsStatus(months: readonly MonthInputs[], locale: Locale): string {
  const t = messages[locale].inputs;
  const value = (kind: InputKind, v: number | null) => (v === null ? `<i>${t.notSet}</i>` : inputValueText(kind, v, locale));
  const parts: string[] = [];
  for (const m of months) {
    const lines = [
      t.title(monthLabel(m.month, locale)),
      `${t.market}: ${value("market", m.market)}`,
      `${t.margin}: ${value("margin", m.margin)}`,
      `${t.overhead}: ${value("overhead", m.overhead)}`,
      `${t.costs}:${m.costs.length === 0 ? ` <i>${t.noManagers}</i>` : ""}`,
      ...m.costs.map((c) => `  • ${escapeHtml(c.username ? `@${c.username}` : c.name)}: ${value("costs", c.value)}`),
    ];
    const missing: string[] = [];
    if (m.market === null) missing.push("/inputs market");
    if (m.margin === null) missing.push("/inputs margin");
    for (const c of m.costs) if (c.value === null) missing.push(`/inputs costs ${c.username ? `@${c.username}` : "@user"}`);
    lines.push(missing.length > 0 ? t.missing(escapeHtml(missing.join(", "))) : t.allSet);
    parts.push(lines.join("\n"));
  }
  parts.push(`${t.usage}\n${t.flowHint}`);
  return fitHtml(parts.join("\n\n"));
}
