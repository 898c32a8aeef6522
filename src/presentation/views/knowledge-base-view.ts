import type { Locale } from "../../domain/locales.js";
import type { ReaderRow } from "../../services/knowledge-base.js";
import { clip, escapeHtml, fitHtml } from "../html.js";
import { messages } from "../i18n/index.js";
import type { MaterialVM } from "./view-models.js";

const tagLine = (tags: string[]) => tags.map((t) => `#${t}`).join(" ");

/** A list of materials: one line each with its open command and useful marks. */
export function renderMaterialList(title: string, list: MaterialVM[], useful: Map<number, number>, tags: string[], locale: Locale): string {
  const t = messages[locale].coaching.kb;
  const lines = list.map((m) => {
    const n = useful.get(m.id) ?? 0;
    return `/kb_${m.id} ${escapeHtml(clip(m.title, 60))}${m.fileId ? " 📎" : ""}${n > 0 ? ` ${t.useful(n)}` : ""}`;
  });
  const footer = tags.length > 0 ? t.knownTags(escapeHtml(tagLine(tags))) : t.noTags;
  return fitHtml([title, ...lines, "", footer].join("\n"));
}

/** A material as a message: title, text, link, tags. */
export function renderMaterial(m: MaterialVM, locale: Locale): string {
  const t = messages[locale].coaching.kb;
  const parts = [`📚 <b>${escapeHtml(m.title)}</b>`];
  if (m.body) parts.push(escapeHtml(m.body));
  if (m.link && !m.body.includes(m.link)) parts.push(`${t.link}: ${escapeHtml(m.link)}`);
  if (m.tags.length > 0) parts.push(escapeHtml(tagLine(m.tags)));
  return fitHtml(parts.join("\n\n"));
}

export function renderReaders(m: MaterialVM, rows: ReaderRow[], locale: Locale): string {
  const t = messages[locale].coaching.kb;
  if (rows.length === 0) return `${t.readersTitle(escapeHtml(m.title))}\n${t.noManagers}`;
  return fitHtml(
    [
      t.readersTitle(escapeHtml(m.title)),
      ...rows.map((r) => t.readerLine(escapeHtml(r.name), r.readAt !== null, r.usefulAt !== null)),
    ].join("\n"),
  );
}

export { tagLine };
