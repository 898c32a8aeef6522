import type { IncomingMessage } from "node:http";
import { parseMultipart } from "./multipart.js";
import type { Payload, UploadedFile } from "./types.js";

/**
 * Form fields that carry free text. They are never JSON-decoded, so a caption
 * like "42" or "[draft]" stays the string the bot sent.
 */
const TEXT_FIELDS = new Set([
  "text",
  "caption",
  "parse_mode",
  "title",
  "description",
  "short_description",
  "name",
  "language_code",
  "callback_query_id",
  "inline_message_id",
  "url",
  "secret_token",
  "action",
  "emoji",
  "business_connection_id",
  "message_effect_id",
  "file_name",
  "filename",
]);

/** Reads a Bot API request (JSON, multipart or urlencoded) into one payload object. */
export async function readPayload(req: IncomingMessage, query: URLSearchParams): Promise<Payload> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const contentType = req.headers["content-type"] ?? "";

  const payload: Payload = formToPayload(new Map(query), new Map());
  if (body.length === 0) return payload;
  if (contentType.startsWith("multipart/form-data")) {
    const { fields, files } = parseMultipart(body, contentType);
    return { ...payload, ...formToPayload(fields, files) };
  }
  if (contentType.startsWith("application/x-www-form-urlencoded")) {
    return { ...payload, ...formToPayload(new Map(new URLSearchParams(body.toString("utf8"))), new Map()) };
  }
  const json: unknown = JSON.parse(body.toString("utf8"));
  return { ...payload, ...(typeof json === "object" && json !== null ? json : {}) };
}

/**
 * Form values are all strings. grammY JSON-encodes object fields
 * (reply_markup, reply_parameters, ...) and sends numbers as digits, so we
 * decode them to get the same payload shape as a JSON request. Files are
 * referenced as "attach://<part>" (also nested, e.g. in InputMedia).
 */
function formToPayload(fields: Map<string, string>, files: Map<string, UploadedFile>): Payload {
  const used = new Set<string>();
  const attach = (value: unknown): unknown => {
    if (typeof value === "string" && value.startsWith("attach://")) {
      const name = value.slice("attach://".length);
      const file = files.get(name);
      if (file) {
        used.add(name);
        return file;
      }
    }
    if (Array.isArray(value)) return value.map(attach);
    if (typeof value === "object" && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, attach(v)]));
    }
    return value;
  };

  const payload: Payload = {};
  for (const [key, raw] of fields) payload[key] = attach(TEXT_FIELDS.has(key) ? raw : decodeField(raw));
  // Clients other than grammY may post the file directly under the field name.
  for (const [name, file] of files) if (!used.has(name) && !(name in payload)) payload[name] = file;
  return payload;
}

function decodeField(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw; // e.g. "@channelusername" or a file_id
  }
}
