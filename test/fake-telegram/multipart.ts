import type { UploadedFile } from "./types.js";

export interface MultipartBody {
  fields: Map<string, string>;
  files: Map<string, UploadedFile>;
}

/**
 * Minimal multipart/form-data parser.
 *
 * Why not `new Request(...).formData()`: grammY writes part headers as
 * `content-disposition:form-data;name="x";filename=photo.jpg` (no spaces,
 * unquoted filename), which Node 20's undici parser rejects with
 * "Failed to parse body as FormData". Telegram accepts it, so we must too.
 */
export function parseMultipart(body: Buffer, contentType: string): MultipartBody {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!boundary) throw new Error("multipart body without boundary");
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const result: MultipartBody = { fields: new Map(), files: new Map() };

  let start = body.indexOf(delimiter);
  while (start !== -1) {
    let partStart = start + delimiter.length;
    if (body.subarray(partStart, partStart + 2).toString() === "--") break; // closing delimiter
    partStart += 2; // CRLF after the delimiter
    const next = body.indexOf(delimiter, partStart);
    if (next === -1) break;
    // The part ends with the CRLF that precedes the next delimiter.
    addPart(result, body.subarray(partStart, next - 2));
    start = next;
  }
  return result;
}

function addPart(result: MultipartBody, part: Buffer): void {
  const headerEnd = part.indexOf("\r\n\r\n");
  if (headerEnd === -1) return;
  const headers = new Map<string, string>();
  for (const line of part.subarray(0, headerEnd).toString("utf8").split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const disposition = headers.get("content-disposition") ?? "";
  const name = dispositionParam(disposition, "name");
  if (name === undefined) return;
  const content = part.subarray(headerEnd + 4);
  const filename = dispositionParam(disposition, "filename");
  if (filename === undefined) {
    result.fields.set(name, content.toString("utf8"));
  } else {
    result.files.set(name, {
      filename,
      mime: headers.get("content-type") ?? "application/octet-stream",
      size: content.length,
      bytes: Buffer.from(content), // copy, so the request buffer can be collected
    });
  }
}

/** Reads `key="value"` or `key=value` from a Content-Disposition header. */
function dispositionParam(disposition: string, key: string): string | undefined {
  const match = new RegExp(`(?:^|;)\\s*${key}=(?:"([^"]*)"|([^;]*))`, "i").exec(disposition);
  if (!match) return undefined;
  return (match[1] ?? match[2] ?? "").trim();
}
