// Checking what the head typed and storing a new connection: the CRM is asked first
// (amoCRM's account, Bitrix24's portal), so a wrong address or token is told at once.
import { randomBytes } from "node:crypto";
import type { CrmConnection } from "../db/repositories/crm.js";
import type { CrmAuthMode, CrmKind } from "../domain/crm.js";
import { localDate, zonedMidnight } from "../domain/time.js";
import type { AppDeps, Member } from "../services/deps.js";
import { AmoClient } from "./amocrm/client.js";
import { BitrixClient, parseBitrixWebhook } from "./bitrix24/client.js";
import { amoTokenRequest, type Credentials, sealCredentials } from "./credentials.js";
import { CrmError } from "./http.js";

/** The amoCRM/Kommo account origin the head typed, or null when it is not one. */
export function parseAmoAddress(input: string, allowInsecure: boolean): string | null {
  let text = input.trim();
  if (!/^[a-z]+:\/\//i.test(text)) text = `https://${text}`;
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return null;
  }
  if (allowInsecure) return u.protocol === "https:" || u.protocol === "http:" ? u.origin : null;
  if (u.protocol !== "https:" || u.username || u.password) return null;
  return /^[a-z0-9-]+\.(amocrm\.(ru|com)|kommo\.com)$/i.test(u.hostname) ? u.origin : null;
}

export type CheckResult = { ok: true; accountId: string; accountName: string } | { ok: false; reason: "auth" | "unreachable" | "format" };

function failure(err: unknown): CheckResult {
  if (err instanceof CrmError)
    return { ok: false, reason: err.kind === "auth" ? "auth" : err.kind === "format" ? "format" : "unreachable" };
  return { ok: false, reason: "unreachable" };
}

export async function checkAmo(baseUrl: string, token: string): Promise<CheckResult> {
  try {
    const a = await new AmoClient(baseUrl, { token }).account();
    return { ok: true, accountId: String(a.id), accountName: a.name };
  } catch (err) {
    return failure(err);
  }
}

/** Trades an authorization code for the first OAuth pair; the credentials to store, or why not. */
export async function exchangeAmoCode(
  deps: AppDeps,
  baseUrl: string,
  app: { clientId: string; clientSecret: string; redirectUri: string },
  code: string,
): Promise<{ ok: true; credentials: Credentials; check: CheckResult } | { ok: false; reason: "auth" | "unreachable" | "format" }> {
  try {
    const pair = await amoTokenRequest(baseUrl, app, { code }, deps.now());
    const check = await checkAmo(baseUrl, pair.accessToken);
    return { ok: true, credentials: { mode: "oauth", ...app, ...pair }, check };
  } catch (err) {
    const f = failure(err);
    return f.ok ? { ok: false, reason: "unreachable" } : f;
  }
}

export async function checkBitrix(url: string): Promise<CheckResult> {
  try {
    // `user.current` answers for any webhook; `crm.deal.fields` proves the crm scope.
    const client = new BitrixClient(url);
    await client.call("user.current");
    await client.call("crm.deal.fields");
    return { ok: true, accountId: new URL(url).host, accountName: new URL(url).host };
  } catch (err) {
    return failure(err);
  }
}

export { parseBitrixWebhook };

/** The connection's webhook address, when the bot has a public origin. */
export function hookAddress(deps: AppDeps, conn: Pick<CrmConnection, "kind" | "hookSecret">): string | null {
  const base = deps.config.crm.publicUrl;
  return base ? `${base}/crm/${conn.kind}/${conn.hookSecret}` : null;
}

/**
 * Stores a checked connection (replacing the team's previous one of that kind, whose
 * counted entries stay). The first sync reads from the start of the team's month.
 */
export function saveConnection(
  deps: AppDeps,
  head: Member,
  c: { kind: CrmKind; authMode: CrmAuthMode; accountId: string; accountName: string; baseUrl: string; credentials: Credentials },
): CrmConnection {
  const now = deps.now();
  const month = `${localDate(now, head.team.timezone).slice(0, 7)}-01`;
  return deps.db.transaction(() => {
    for (const old of deps.repos.crm.activeOf(head.team.id))
      if (old.kind === c.kind) deps.repos.crm.update(old.id, { disconnectedAt: now });
    return deps.repos.crm.createConnection({
      teamId: head.team.id,
      kind: c.kind,
      authMode: c.authMode,
      accountId: c.accountId,
      accountName: c.accountName,
      baseUrl: c.baseUrl,
      credentials: sealCredentials(deps, c.credentials),
      hookSecret: randomBytes(18).toString("base64url"),
      historyFrom: zonedMidnight(month, head.team.timezone),
      createdBy: head.user.id,
      createdAt: now,
    });
  });
}
