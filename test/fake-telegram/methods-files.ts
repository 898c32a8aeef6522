import { createHash } from "node:crypto";
import { badRequest } from "./api-error.js";
import type { FakeState } from "./fake-state.js";
import type { MethodTable } from "./method-table.js";
import { nextId } from "./method-table.js";

/** Telegram's limit on what a bot may download through getFile (cloud Bot API). */
export const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;

/** A file a user sent, kept so getFile and the download URL can hand it back. */
export interface StoredFile {
  fileId: string;
  uniqueId: string;
  bytes: Buffer;
  /** Set by the first getFile, as Telegram does; the download URL's path. */
  path?: string;
  extension: string;
}

/** Stores a user's upload and returns the `document` object Telegram puts on the message. */
export function storeUserDocument(
  state: FakeState,
  upload: { filename: string; bytes: Buffer; mime?: string },
): { file_id: string; file_unique_id: string; file_name: string; mime_type: string; file_size: number } {
  const hash = createHash("sha1").update(upload.bytes).digest("hex").slice(0, 16);
  const fileId = `fake-userdoc-${nextId(state)}-${hash}`;
  const extension = /\.([a-z0-9]+)$/i.exec(upload.filename)?.[1]?.toLowerCase() ?? "";
  state.files.set(fileId, { fileId, uniqueId: `u-${hash}`, bytes: upload.bytes, extension });
  return {
    file_id: fileId,
    file_unique_id: `u-${hash}`,
    file_name: upload.filename,
    mime_type: upload.mime ?? (extension === "csv" ? "text/csv" : "application/octet-stream"),
    file_size: upload.bytes.length,
  };
}

/** The bytes behind a download path (`documents/file_7.csv`), or undefined (404). */
export function downloadFile(state: FakeState, path: string): Buffer | undefined {
  for (const file of state.files.values()) if (file.path === path) return file.bytes;
  return undefined;
}

export const fileMethods: MethodTable = {
  getFile(payload, { state }) {
    const fileId = payload.file_id;
    if (typeof fileId !== "string" || fileId === "") throw badRequest("file_id is empty");
    const file = state.files.get(fileId);
    if (!file) throw badRequest("invalid file_id");
    if (file.bytes.length > MAX_DOWNLOAD_BYTES) throw badRequest("file is too big");
    file.path ??= `documents/file_${nextId(state)}${file.extension ? `.${file.extension}` : ""}`;
    return { file_id: file.fileId, file_unique_id: file.uniqueId, file_size: file.bytes.length, file_path: file.path };
  },
};
