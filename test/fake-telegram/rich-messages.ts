// Rich messages (Bot API 10.1) and ephemeral messages (10.2–10.3) as the fake
// understands them. Limits are the documented ones (InputRichMessage: 32768
// characters, 500 blocks counting nested blocks, list items and table rows, 16
// levels of nesting, 20 table columns). Where the docs name no error text, the
// fake answers 400 with a descriptive upper-case code, as Telegram does for most
// content errors; tests match on the status and the code.
import type { Chat } from "grammy/types";
import { badRequest } from "./api-error.js";
import type { FakeState } from "./fake-state.js";
import type { Payload } from "./types.js";

export const RICH_LIMITS = { chars: 32_768, blocks: 500, depth: 16, columns: 20 } as const;

type Json = Record<string, any>;

const ALIGN = new Set(["left", "center", "right"]);
const VALIGN = new Set(["top", "middle", "bottom"]);
const CONTAINERS = ["blocks"] as const;

/** Characters of a RichText (strings, arrays, formatted runs) and its nesting depth. */
function richTextSize(text: unknown, depth: number): { chars: number; depth: number } {
  if (typeof text === "string") return { chars: Array.from(text).length, depth };
  if (Array.isArray(text)) {
    let chars = 0;
    let max = depth;
    for (const t of text) {
      const s = richTextSize(t, depth);
      chars += s.chars;
      max = Math.max(max, s.depth);
    }
    return { chars, depth: max };
  }
  if (text && typeof text === "object") {
    const o = text as Json;
    if (typeof o.type !== "string") throw badRequest("can't parse rich text: a formatted run needs a type");
    if (typeof o.alternative_text === "string") return { chars: Array.from(o.alternative_text).length, depth: depth + 1 };
    if (typeof o.expression === "string") return { chars: Array.from(o.expression).length, depth: depth + 1 };
    return o.text === undefined ? { chars: 0, depth: depth + 1 } : richTextSize(o.text, depth + 1);
  }
  if (text === undefined || text === null) return { chars: 0, depth };
  throw badRequest("can't parse rich text");
}

interface Tally {
  blocks: number;
  chars: number;
  depth: number;
}

function addText(tally: Tally, text: unknown, depth: number): void {
  const s = richTextSize(text, depth);
  tally.chars += s.chars;
  tally.depth = Math.max(tally.depth, s.depth);
}

function checkTable(block: Json, tally: Tally, depth: number): void {
  if (!Array.isArray(block.cells) || block.cells.length === 0) throw badRequest("RICH_TABLE_EMPTY: a table needs rows of cells");
  for (const row of block.cells as unknown[]) {
    if (!Array.isArray(row)) throw badRequest("RICH_TABLE_INVALID: each row must be an array of cells");
    tally.blocks++; // every table row counts as a block
    let width = 0;
    for (const cell of row as Json[]) {
      if (!cell || typeof cell !== "object") throw badRequest("RICH_TABLE_INVALID: a cell must be an object");
      if (!ALIGN.has(cell.align)) throw badRequest('RICH_TABLE_CELL_INVALID: align must be one of "left", "center", "right"');
      if (!VALIGN.has(cell.valign)) throw badRequest('RICH_TABLE_CELL_INVALID: valign must be one of "top", "middle", "bottom"');
      width += typeof cell.colspan === "number" && cell.colspan > 1 ? cell.colspan : 1;
      addText(tally, cell.text, depth + 1);
    }
    if (width > RICH_LIMITS.columns) throw badRequest(`RICH_TABLE_TOO_WIDE: a table may have at most ${RICH_LIMITS.columns} columns`);
  }
  if (block.caption !== undefined) addText(tally, block.caption, depth + 1);
}

function checkBlocks(blocks: unknown, tally: Tally, depth: number): void {
  if (!Array.isArray(blocks)) throw badRequest("RICH_BLOCKS_INVALID: blocks must be an array");
  if (depth > RICH_LIMITS.depth) throw badRequest(`RICH_MESSAGE_TOO_DEEP: at most ${RICH_LIMITS.depth} levels of nesting`);
  tally.depth = Math.max(tally.depth, depth);
  for (const block of blocks as Json[]) {
    if (!block || typeof block.type !== "string") throw badRequest("RICH_BLOCK_INVALID: a block needs a type");
    tally.blocks++;
    if (block.type === "table") checkTable(block, tally, depth);
    else if (block.type === "list") {
      for (const item of (block.items ?? []) as Json[]) {
        tally.blocks++;
        checkBlocks(item.blocks ?? [], tally, depth + 1);
      }
    } else {
      for (const key of CONTAINERS) if (block[key] !== undefined) checkBlocks(block[key], tally, depth + 1);
      for (const key of ["text", "summary", "credit"]) if (block[key] !== undefined) addText(tally, block[key], depth + 1);
    }
  }
}

/** Validates an InputRichMessage like Telegram; returns its visible length. */
export function validateRichMessage(rich: unknown): number {
  if (!rich || typeof rich !== "object") throw badRequest('field "rich_message" must be an object');
  const r = rich as Json;
  const forms = ["html", "markdown", "blocks"].filter((k) => r[k] !== undefined);
  if (forms.length !== 1) throw badRequest("RICH_MESSAGE_INVALID: exactly one of html, markdown or blocks must be used");
  const tally: Tally = { blocks: 0, chars: 0, depth: 0 };
  if (r.blocks !== undefined) checkBlocks(r.blocks, tally, 1);
  else {
    const source = String(r.html ?? r.markdown);
    tally.chars = Array.from(source.replace(/<[^>]*>/g, "")).length;
    tally.blocks = source.split(/\n{2,}|<\/(?:p|tr|li|h\d)>/).length;
  }
  if (tally.chars === 0) throw badRequest("message text is empty");
  if (tally.chars > RICH_LIMITS.chars) throw badRequest(`RICH_MESSAGE_TOO_LONG: at most ${RICH_LIMITS.chars} characters`);
  if (tally.blocks > RICH_LIMITS.blocks) throw badRequest(`RICH_MESSAGE_TOO_MANY_BLOCKS: at most ${RICH_LIMITS.blocks} blocks`);
  if (tally.depth > RICH_LIMITS.depth) throw badRequest(`RICH_MESSAGE_TOO_DEEP: at most ${RICH_LIMITS.depth} levels of nesting`);
  return tally.chars;
}

/** The plain text a reader sees in a rich message: paragraphs one per line, table cells two spaces apart. */
export function richPlainText(rich: unknown): string {
  const r = (rich ?? {}) as Json;
  if (typeof r.html === "string") return r.html.replace(/<[^>]*>/g, "");
  if (typeof r.markdown === "string") return r.markdown;
  const text = (t: unknown): string =>
    typeof t === "string"
      ? t
      : Array.isArray(t)
        ? t.map(text).join("")
        : t && typeof t === "object"
          ? String((t as Json).alternative_text ?? (t as Json).expression ?? text((t as Json).text))
          : "";
  const lines: string[] = [];
  const walk = (blocks: Json[]): void => {
    for (const b of blocks ?? []) {
      if (b.type === "table") for (const row of b.cells as Json[][]) lines.push(row.map((c) => text(c.text)).join("  "));
      else if (b.type === "list") for (const item of b.items ?? []) walk(item.blocks);
      else if (Array.isArray(b.blocks)) walk(b.blocks);
      else if (b.text !== undefined) lines.push(text(b.text));
    }
  };
  walk(r.blocks);
  return lines.join("\n");
}

/**
 * Validates `ephemeral_message_parameters` (EphemeralMessageParameters). Decided
 * where the docs say nothing explicit: ephemeral messages exist in groups and
 * supergroups only (editEphemeralMessage* address a supergroup; a private chat
 * has one reader anyway), so a private chat or a channel gets a 400; the receiver
 * must be in the chat; a callback query must be one of the receiver's; and
 * replace_callback_query_message needs callback_query_id.
 */
export function validateEphemeral(state: FakeState, chat: Chat, payload: Payload): { receiver: number } | null {
  const params = payload.ephemeral_message_parameters as Json | undefined;
  if (params === undefined) return null;
  if (!params || typeof params !== "object") throw badRequest('field "ephemeral_message_parameters" must be an object');
  if (chat.type !== "group" && chat.type !== "supergroup")
    throw badRequest("EPHEMERAL_MESSAGE_UNSUPPORTED: ephemeral messages can be sent only to groups");
  const receiver = params.receiver_user_id;
  if (typeof receiver !== "number" || !Number.isSafeInteger(receiver))
    throw badRequest("EPHEMERAL_RECEIVER_INVALID: receiver_user_id is required");
  const status = state.directory.memberStatus(chat.id, receiver);
  if (status === "left" || status === "kicked") throw badRequest("EPHEMERAL_RECEIVER_INVALID: the receiver is not a member of the chat");
  if (params.replace_callback_query_message && params.callback_query_id === undefined)
    throw badRequest("EPHEMERAL_CALLBACK_REQUIRED: replace_callback_query_message needs callback_query_id");
  if (params.callback_query_id !== undefined) {
    const from = state.callbackQueryFrom.get(String(params.callback_query_id));
    if (from === undefined) throw badRequest("query is too old and response timeout expired or query ID is invalid");
    if (from !== receiver) throw badRequest("EPHEMERAL_RECEIVER_INVALID: the callback query was sent by another user");
  }
  if (payload.message_effect_id !== undefined) throw badRequest("message effects are available only in private chats");
  return { receiver };
}
