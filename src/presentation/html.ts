// Helpers for replies that Telegram accepts: escaped HTML and length limits.
import { MAX_CAPTION_CHARS, MAX_TEXT_CHARS, visibleLength, visibleText } from "../delivery/html-text.js";

export { visibleLength };
export const MAX_TEXT = MAX_TEXT_CHARS;
export const MAX_CAPTION = MAX_CAPTION_CHARS;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Shortens user-provided text for display to at most `max` UTF-16 code units, the
 * unit Telegram's limits count in (an emoji outside the BMP counts two), never
 * cutting inside a surrogate pair.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let kept = "";
  for (const ch of text) {
    if (kept.length + ch.length > max - 1) break;
    kept += ch;
  }
  return `${kept}…`;
}

/**
 * Keeps an HTML message under a limit by dropping whole lines from the end,
 * so no tag or entity is ever cut in half.
 */
export function fitHtml(html: string, limit = MAX_TEXT, ellipsis = "…"): string {
  if (visibleLength(html) <= limit) return html;
  const lines = html.split("\n");
  while (lines.length > 1 && visibleLength(lines.join("\n")) + ellipsis.length + 1 > limit) lines.pop();
  const kept = lines.join("\n");
  const text = `${kept}${closeOpenTags(kept)}\n${ellipsis}`;
  return visibleLength(text) <= limit ? text : escapeHtml(clip(visibleText(html), limit));
}

/** Closing tags for whatever a cut left open, innermost first. */
function closeOpenTags(html: string): string {
  const open: string[] = [];
  for (const m of html.matchAll(/<(\/?)([a-z-]+)[^>]*>/g)) {
    if (m[1]) open.pop();
    else open.push(m[2]!);
  }
  return open
    .reverse()
    .map((t) => `</${t}>`)
    .join("");
}

/** A monospace block for phone-width tables. */
export function pre(text: string): string {
  return `<pre>${escapeHtml(text)}</pre>`;
}

/** User text echoed back in an error: short and escaped, so no reply can outgrow Telegram's limit. */
export function echo(text: string, max = 40): string {
  return escapeHtml(clip(text, max));
}
