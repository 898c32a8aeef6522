import { chmodSync, closeSync, mkdirSync, openSync } from "node:fs";

/**
 * The database, its -wal/-shm and every backup hold pay, customers and chat ids:
 * readable and writable by the bot's own user only, whatever the umask.
 */
export const PRIVATE_FILE_MODE = 0o600;
const PRIVATE_DIR_MODE = 0o700;

/** Creates `path` empty if missing, and makes it (new or old) owner-only. */
export function ensurePrivateFile(path: string): void {
  closeSync(openSync(path, "a", PRIVATE_FILE_MODE));
  chmodSync(path, PRIVATE_FILE_MODE);
}

/** Makes an existing file owner-only; a missing one is fine. */
export function tightenIfPresent(path: string): void {
  try {
    chmodSync(path, PRIVATE_FILE_MODE);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
}

/** A folder for private files; folders it creates are owner-only (an existing one is left as it is). */
export function makePrivateDir(path: string): void {
  mkdirSync(path, { recursive: true, mode: PRIVATE_DIR_MODE });
}
