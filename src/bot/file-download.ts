import type { Api } from "grammy";

/**
 * Downloads a file a user sent: getFile gives its path, the bytes come from
 * `<api root>/file/bot<token>/<path>` (Telegram lets bots download up to 20 MB).
 * Null when Telegram refuses it, it cannot be fetched, or it is over `maxBytes`.
 */
export async function downloadTelegramFile(api: Api, apiRoot: string, fileId: string, maxBytes: number): Promise<Buffer | null> {
  try {
    const file = await api.getFile(fileId);
    if (!file.file_path || (file.file_size ?? 0) > maxBytes) return null;
    const res = await fetch(`${apiRoot}/file/bot${api.token}/${file.file_path}`, { signal: AbortSignal.timeout(60_000) });
    if (!res.ok) return null;
    const bytes = Buffer.from(await res.arrayBuffer());
    return bytes.length > maxBytes ? null : bytes;
  } catch {
    return null;
  }
}
