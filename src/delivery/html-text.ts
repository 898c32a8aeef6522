// What Telegram counts for length limits of HTML-formatted text: the visible
// text after tags are removed and entities decoded, without surrounding
// whitespace, in UTF-16 code units (the Bot API's unit, and JS's).

export const MAX_TEXT_CHARS = 4096;
export const MAX_CAPTION_CHARS = 1024;

// Quoted attribute values may contain ">" (e.g. in an href), so they are skipped as a whole.
const TAG_RE = /<(?:[^>"']|"[^"]*"|'[^']*')*>/g;
const ENTITY_RE = /&(?:(lt|gt|amp|quot)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/g;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

export function visibleText(html: string): string {
  return html
    .replace(TAG_RE, "")
    .replace(ENTITY_RE, (whole, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
      if (name) return NAMED[name]!;
      const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex!, 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    })
    .trim();
}

export function visibleLength(html: string): number {
  return visibleText(html).length;
}
