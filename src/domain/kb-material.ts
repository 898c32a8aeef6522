// `/kb add <title> #tag #tag` with the text on the following lines.

import { extractTags } from "./quiz-format.js";

export const KB_TITLE_MAX = 120;
export const KB_BODY_MAX = 3500;

export interface MaterialDraft {
  title: string;
  tags: string[];
  body: string;
  /** The first http(s) link in the text, if any. */
  link: string | null;
}

export type MaterialParse = { ok: true; draft: MaterialDraft } | { ok: false; error: "no_title" | "title_too_long" | "body_too_long" };

/** Reads what follows `/kb add`: the first line is the title with its tags, the rest the text. */
export function parseMaterial(args: string): MaterialParse {
  const [first = "", ...rest] = args.split(/\r?\n/);
  const tags = extractTags(first);
  const title = first
    .replace(/#[\p{L}\p{N}_]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  const body = rest.join("\n").trim();
  if (!title) return { ok: false, error: "no_title" };
  if (Array.from(title).length > KB_TITLE_MAX) return { ok: false, error: "title_too_long" };
  if (Array.from(body).length > KB_BODY_MAX) return { ok: false, error: "body_too_long" };
  const link = /https?:\/\/\S+/.exec(body)?.[0] ?? null;
  return { ok: true, draft: { title, tags, body, link } };
}
