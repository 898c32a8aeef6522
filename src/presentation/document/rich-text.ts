// Telegram's HTML subset (what the views write: b, i, u, s, code, a, tg-spoiler)
// as rich-message RichText, so one piece of view text serves both forms.
import type { RichText } from "grammy/types";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00A0" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X")) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

type Frame = { tag: string; href?: string; parts: RichText[] };

function wrap(frame: Frame): RichText {
  const text: RichText = frame.parts.length === 1 ? frame.parts[0]! : frame.parts;
  switch (frame.tag) {
    case "b":
    case "strong":
      return { type: "bold", text };
    case "i":
    case "em":
      return { type: "italic", text };
    case "u":
    case "ins":
      return { type: "underline", text };
    case "s":
    case "strike":
    case "del":
      return { type: "strikethrough", text };
    case "code":
    case "pre":
      return { type: "code", text };
    case "tg-spoiler":
      return { type: "spoiler", text };
    case "a":
      return frame.href ? { type: "url", text, url: frame.href } : text;
    default:
      return text;
  }
}

/** One line of HTML as RichText: a plain string when it has no markup. */
export function htmlToRichText(line: string): RichText {
  const root: Frame = { tag: "", parts: [] };
  const stack: Frame[] = [root];
  for (const m of line.matchAll(/<(\/?)([a-z-]+)([^>]*)>|[^<]+|</gi)) {
    const top = stack[stack.length - 1]!;
    if (m[2] === undefined) {
      top.parts.push(decode(m[0]));
      continue;
    }
    const tag = m[2].toLowerCase();
    if (m[1]) {
      // Closes the innermost open tag of that name (the views never misnest).
      if (stack.length > 1 && top.tag === tag) {
        stack.pop();
        stack[stack.length - 1]!.parts.push(wrap(top));
      }
      continue;
    }
    const href = /href="([^"]*)"/i.exec(m[3] ?? "")?.[1];
    stack.push({ tag, ...(href !== undefined ? { href: decode(href) } : {}), parts: [] });
  }
  while (stack.length > 1) {
    const open = stack.pop()!;
    stack[stack.length - 1]!.parts.push(wrap(open));
  }
  return root.parts.length === 1 ? root.parts[0]! : root.parts;
}

/** The text a reader sees in a RichText (for lengths and tests). */
export function richTextPlain(text: RichText | undefined): string {
  if (text === undefined) return "";
  if (typeof text === "string") return text;
  if (Array.isArray(text)) return text.map(richTextPlain).join("");
  if ("text" in text) return richTextPlain(text.text as RichText);
  if ("alternative_text" in text) return text.alternative_text;
  if ("expression" in text) return text.expression;
  return "";
}
