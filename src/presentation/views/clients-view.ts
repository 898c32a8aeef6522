import type { Locale } from "../../domain/locales.js";
import { formatLocal } from "../../domain/time.js";
import type { CustomerLine, ManagerCustomers } from "../../services/business.js";
import { SLIPPING_DAYS } from "../../services/business.js";
import { escapeHtml } from "../html.js";
import { messages } from "../i18n/index.js";

/** A page's text stays well under Telegram's 4096 characters (HTML tags included). */
const PAGE_CHARS = 3500;
/** Names are cut so a line fits a phone. */
const NAME_CHARS = 40;

function clip(name: string): string {
  return Array.from(name).length > NAME_CHARS
    ? `${Array.from(name)
        .slice(0, NAME_CHARS - 1)
        .join("")}…`
    : name;
}

/**
 * `/clients`: per manager, a summary line then the active customers, the repeat
 * buyers and those slipping away (a customer may be in more than one list), split
 * into pages of whole lines. Returns every page; the caller shows one with buttons.
 */
export function renderClientPages(list: readonly ManagerCustomers[], title: string, tz: string, locale: Locale): string[] {
  const t = messages[locale].clients;
  const line = (c: CustomerLine) => t.line(escapeHtml(clip(c.name)), c.deals, formatLocal(c.lastAt, tz, "DD.MM.YYYY HH:mm").slice(0, 10));
  const lines: string[] = [];
  for (const m of list) {
    if (list.length > 1) lines.push("", `<b>${escapeHtml(m.name)}</b>`);
    if (m.customers.length === 0) {
      lines.push(t.none);
      continue;
    }
    const active = m.customers.filter((c) => c.active);
    const repeat = m.customers.filter((c) => c.repeat);
    const slipping = m.customers.filter((c) => c.slipping);
    lines.push(t.summary(active.length, m.customers.length, repeat.length));
    const section = (head: string, items: CustomerLine[]) => {
      lines.push(head);
      if (items.length === 0) lines.push(t.empty);
      for (const c of items) lines.push(line(c));
    };
    section(t.active, active);
    section(t.repeat, repeat);
    section(t.slipping(SLIPPING_DAYS), slipping);
  }
  const head = t.title(escapeHtml(title));
  const pages: string[] = [];
  let current: string[] = [];
  let size = head.length;
  for (const l of lines) {
    if (size + l.length + 1 > PAGE_CHARS && current.length > 0) {
      pages.push(current.join("\n"));
      current = [];
      size = head.length;
    }
    current.push(l);
    size += l.length + 1;
  }
  pages.push(current.join("\n"));
  return pages.map((p, i) => `${head}${pages.length > 1 ? ` · ${t.page(i + 1, pages.length)}` : ""}\n${p.replace(/^\n+/, "")}`);
}
