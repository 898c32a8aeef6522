import { createHmac, timingSafeEqual } from "node:crypto";

/** Who opened the Mini App, as Telegram signed it. */
export interface InitDataUser {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export type InitDataCheck =
  | { ok: true; user: InitDataUser; authDate: number }
  | { ok: false; reason: "missing" | "bad_hash" | "expired" | "no_user" };

/** Telegram's default freshness window for launch data we accept: 24 h. */
export const DEFAULT_INIT_DATA_MAX_AGE_S = 24 * 3600;

/**
 * Validates a Mini App's `initData` query string the way the Mini Apps
 * documentation specifies: the data-check-string is every field but `hash`,
 * sorted by key, `key=value` joined by "\n"; the secret is
 * HMAC-SHA-256(key "WebAppData", message bot token); the hash is the hex
 * HMAC-SHA-256 of the data-check-string under that secret. Data signed for
 * another bot fails the hash; old data (auth_date) fails freshness.
 */
export function checkInitData(raw: string, botToken: string, nowMs: number, maxAgeS = DEFAULT_INIT_DATA_MAX_AGE_S): InitDataCheck {
  if (!raw) return { ok: false, reason: "missing" };
  const params = new URLSearchParams(raw);
  const hash = params.get("hash");
  if (!hash || !/^[0-9a-f]{64}$/i.test(hash)) return { ok: false, reason: "bad_hash" };
  const pairs: string[] = [];
  for (const [k, v] of params) if (k !== "hash") pairs.push(`${k}=${v}`);
  pairs.sort();
  const secret = createHmac("sha256", "WebAppData").update(botToken).digest();
  const expected = createHmac("sha256", secret).update(pairs.join("\n")).digest();
  if (!timingSafeEqual(expected, Buffer.from(hash, "hex"))) return { ok: false, reason: "bad_hash" };
  const authDate = Number(params.get("auth_date"));
  if (!Number.isFinite(authDate) || authDate <= 0 || nowMs / 1000 - authDate > maxAgeS || authDate - nowMs / 1000 > 300) {
    return { ok: false, reason: "expired" };
  }
  let user: InitDataUser;
  try {
    user = JSON.parse(params.get("user") ?? "null") as InitDataUser;
  } catch {
    return { ok: false, reason: "no_user" };
  }
  if (!user || typeof user.id !== "number" || typeof user.first_name !== "string") return { ok: false, reason: "no_user" };
  return { ok: true, user, authDate };
}

/** Signs launch data as Telegram does (for the demo link and tests). */
export function signInitData(fields: Record<string, string>, botToken: string): string {
  const pairs = Object.entries(fields)
    .map(([k, v]) => `${k}=${v}`)
    .sort();
  const secret = createHmac("sha256", "WebAppData").update(botToken).digest();
  const hash = createHmac("sha256", secret).update(pairs.join("\n")).digest("hex");
  const params = new URLSearchParams(fields);
  params.set("hash", hash);
  return params.toString();
}
