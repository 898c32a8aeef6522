import type { MessageEntity } from "grammy/types";
import { ApiError } from "./api-error.js";

export interface FormattedText {
  text: string;
  entities: MessageEntity[];
}

/** Tags Telegram accepts with parse_mode "HTML", mapped to the entity they produce. */
const TAG_ENTITY: Record<string, MessageEntity["type"]> = {
  b: "bold",
  strong: "bold",
  i: "italic",
  em: "italic",
  u: "underline",
  ins: "underline",
  s: "strikethrough",
  strike: "strikethrough",
  del: "strikethrough",
  code: "code",
  pre: "pre",
  a: "text_link",
  "tg-spoiler": "spoiler",
  span: "spoiler",
  blockquote: "blockquote",
  "tg-emoji": "custom_emoji",
};

const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };
const ENTITY_RE = /&(?:(lt|gt|amp|quot)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/y;
const SPACE_RE = /\s/;

interface OpenTag {
  tag: string;
  offset: number; // UTF-16 offset in the plain text
  attrs: Map<string, string>;
}

/**
 * Parses Telegram-flavoured HTML the way the Bot API does, so a bot that
 * would get "can't parse entities" in production fails its tests too.
 * Error texts follow TDLib's ("Unsupported start tag \"div\" at byte offset 0");
 * offsets are UTF-8 byte offsets into the original text, like Telegram's.
 */
export function parseHtml(html: string): FormattedText {
  const fail: (what: string) => never = (what) => {
    throw new ApiError(400, `Bad Request: can't parse entities: ${what}`);
  };
  const byteOffset = (index: number): number => Buffer.byteLength(html.slice(0, index));
  let text = "";
  const entities: MessageEntity[] = [];
  const stack: OpenTag[] = [];
  let i = 0;

  while (i < html.length) {
    const c = html[i]!;
    if (c === "&") {
      ENTITY_RE.lastIndex = i;
      const m = ENTITY_RE.exec(html);
      const decoded = m ? decodeEntity(m) : undefined;
      // The docs require escaping every '&' that does not start an entity.
      if (m === null || decoded === undefined) {
        fail(`character '&' at byte offset ${byteOffset(i)} must be escaped as "&amp;"`);
      }
      text += decoded;
      i += m![0].length;
    } else if (c === "<" && html[i + 1] === "/") {
      const begin = i;
      if (stack.length === 0) fail(`Unexpected end tag at byte offset ${byteOffset(begin)}`);
      let j = i + 2;
      while (j < html.length && !SPACE_RE.test(html[j]!) && html[j] !== ">") j++;
      const name = html.slice(i + 2, j).toLowerCase();
      while (j < html.length && SPACE_RE.test(html[j]!)) j++;
      if (html[j] !== ">") fail(`Unclosed end tag at byte offset ${byteOffset(begin)}`);
      const open = stack.pop()!;
      if (name !== "" && name !== open.tag) {
        fail(`Unmatched end tag at byte offset ${byteOffset(begin)}, expected "</${open.tag}>", found "</${name}>"`);
      }
      const entity = toEntity(open, text.length - open.offset, stack);
      if (entity) entities.push(entity);
      i = j + 1;
    } else if (c === "<") {
      const begin = i;
      let j = i + 1;
      while (j < html.length && !SPACE_RE.test(html[j]!) && html[j] !== ">") j++;
      if (j >= html.length) fail(`Unclosed start tag at byte offset ${byteOffset(begin)}`);
      const tag = html.slice(i + 1, j).toLowerCase();
      if (!(tag in TAG_ENTITY)) fail(`Unsupported start tag "${tag}" at byte offset ${byteOffset(begin)}`);
      const { attrs, end } = parseAttributes(html, j, tag, () => byteOffset(begin), fail);
      if (tag === "span" && attrs.get("class") !== "tg-spoiler") {
        fail(`Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(begin)}`);
      }
      if (tag === "tg-emoji" && !attrs.get("emoji-id")) {
        fail(`Tag "tg-emoji" must have attribute "emoji-id" at byte offset ${byteOffset(begin)}`);
      }
      stack.push({ tag, offset: text.length, attrs });
      i = end;
    } else {
      text += c;
      i++;
    }
  }
  if (stack.length > 0) fail(`Can't find end tag corresponding to start tag ${stack[stack.length - 1]!.tag}`);
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { text, entities };
}

function decodeEntity(m: RegExpExecArray): string | undefined {
  if (m[1]) return NAMED_ENTITIES[m[1]];
  const code = m[2] ? Number.parseInt(m[2], 10) : Number.parseInt(m[3]!, 16);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

/** Parses `name="v" name='v' name=v` (and bare `expandable`) up to '>'; returns the index after '>'. */
function parseAttributes(
  html: string,
  from: number,
  tag: string,
  tagOffset: () => number,
  fail: (what: string) => never,
): { attrs: Map<string, string>; end: number } {
  const attrs = new Map<string, string>();
  let j = from;
  for (;;) {
    while (j < html.length && SPACE_RE.test(html[j]!)) j++;
    if (j >= html.length) fail(`Unclosed start tag at byte offset ${tagOffset()}`);
    if (html[j] === ">") return { attrs, end: j + 1 };
    const nameStart = j;
    while (j < html.length && /[\w-]/.test(html[j]!)) j++;
    const name = html.slice(nameStart, j).toLowerCase();
    if (name === "") fail(`Unclosed start tag at byte offset ${tagOffset()}`);
    while (j < html.length && SPACE_RE.test(html[j]!)) j++;
    if (html[j] !== "=") {
      if (tag === "blockquote" && name === "expandable") {
        attrs.set(name, "");
        continue;
      }
      fail(`Expected equal sign in declaration of an attribute of the tag "${tag}" at byte offset ${tagOffset()}`);
    }
    j++;
    while (j < html.length && SPACE_RE.test(html[j]!)) j++;
    let value: string;
    const quote = html[j];
    if (quote === '"' || quote === "'") {
      const close = html.indexOf(quote, j + 1);
      if (close === -1) fail(`Unclosed start tag at byte offset ${tagOffset()}`);
      value = html.slice(j + 1, close);
      j = close + 1;
    } else {
      const valueStart = j;
      while (j < html.length && !SPACE_RE.test(html[j]!) && html[j] !== ">") j++;
      value = html.slice(valueStart, j);
    }
    attrs.set(
      name,
      value.replace(/&(lt|gt|amp|quot);/g, (_, e: string) => NAMED_ENTITIES[e]!),
    );
  }
}

function toEntity(open: OpenTag, length: number, outer: OpenTag[]): MessageEntity | undefined {
  if (length === 0) return undefined; // Telegram drops empty entities
  const offset = open.offset;
  switch (open.tag) {
    case "a":
      return { type: "text_link", offset, length, url: open.attrs.get("href") ?? "" };
    case "tg-emoji":
      return { type: "custom_emoji", offset, length, custom_emoji_id: open.attrs.get("emoji-id")! };
    case "blockquote":
      return { type: open.attrs.has("expandable") ? "expandable_blockquote" : "blockquote", offset, length };
    case "code": {
      // <pre><code class="language-ts"> is a pre block with a language.
      const language = /^language-(.+)$/.exec(open.attrs.get("class") ?? "")?.[1];
      const parent = outer[outer.length - 1];
      if (language && parent?.tag === "pre") parent.attrs.set("language", language);
      return parent?.tag === "pre" ? undefined : { type: "code", offset, length };
    }
    case "pre": {
      const language = open.attrs.get("language");
      return language ? { type: "pre", offset, length, language } : { type: "pre", offset, length };
    }
    default:
      return { type: TAG_ENTITY[open.tag]!, offset, length } as MessageEntity;
  }
}
