// What is sealed in a connection's `credentials`, and the one place an access token
// is read from it (refreshing an expired OAuth pair under a lock).
import { z } from "zod";
import type { CrmConnection } from "../db/repositories/crm.js";
import type { AppDeps } from "../services/deps.js";
import { CrmError, crmRequest, Pacer } from "./http.js";
import { vaultFor } from "./vault.js";

const schema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("token"), token: z.string() }),
  z.object({
    mode: z.literal("oauth"),
    clientId: z.string(),
    clientSecret: z.string(),
    redirectUri: z.string(),
    accessToken: z.string(),
    refreshToken: z.string(),
    /** Unix ms. */
    expiresAt: z.number(),
  }),
  z.object({ mode: z.literal("webhook"), url: z.string() }),
]);
export type Credentials = z.infer<typeof schema>;
export type OAuthCredentials = Extract<Credentials, { mode: "oauth" }>;

export function sealCredentials(deps: AppDeps, c: Credentials): string {
  return vaultFor(deps.config, deps.logger).seal(JSON.stringify(c));
}

export function openCredentials(deps: AppDeps, conn: Pick<CrmConnection, "credentials">): Credentials {
  return schema.parse(JSON.parse(vaultFor(deps.config, deps.logger).open(conn.credentials)));
}

/** An access token counts as expired this long before amoCRM says it does. */
const EXPIRY_MARGIN_MS = 5 * 60_000;

interface TokenAnswer {
  access_token: string;
  refresh_token: string;
  expires_in: number;
}

function readTokens(body: unknown): TokenAnswer {
  const b = body as Partial<TokenAnswer> | null;
  if (!b || typeof b.access_token !== "string" || typeof b.refresh_token !== "string") {
    throw new CrmError("format", "the OAuth answer has no token pair");
  }
  return { access_token: b.access_token, refresh_token: b.refresh_token, expires_in: Number(b.expires_in ?? 86_400) };
}

/** amoCRM OAuth: trades an authorization code (or a refresh token) for a new pair. */
export async function amoTokenRequest(
  baseUrl: string,
  c: Pick<OAuthCredentials, "clientId" | "clientSecret" | "redirectUri">,
  grant: { code: string } | { refreshToken: string },
  now: number,
): Promise<Pick<OAuthCredentials, "accessToken" | "refreshToken" | "expiresAt">> {
  const res = await crmRequest(
    {
      method: "POST",
      url: `${baseUrl}/oauth2/access_token`,
      json: {
        client_id: c.clientId,
        client_secret: c.clientSecret,
        redirect_uri: c.redirectUri,
        ...("code" in grant
          ? { grant_type: "authorization_code", code: grant.code }
          : { grant_type: "refresh_token", refresh_token: grant.refreshToken }),
      },
    },
    // A 400 here is a spent or revoked grant: nothing to retry.
    { pacer: new Pacer(0), attempts: 3 },
  ).catch((err: unknown) => {
    if (err instanceof CrmError && err.kind === "client")
      throw new CrmError("auth", "amoCRM refused the OAuth grant (revoked or used)", err.status);
    throw err;
  });
  const t = readTokens(res.body);
  return { accessToken: t.access_token, refreshToken: t.refresh_token, expiresAt: now + t.expires_in * 1000 };
}

/** Refreshes in flight in this process, per connection: a second caller waits for the first. */
const refreshing = new Map<number, Promise<string>>();

/**
 * The connection's bearer token. An OAuth pair that is expired (or `force`d after a
 * 401) is refreshed under a per-connection lock; the refresh token is single-use, so
 * after taking the lock the pair is re-read (someone may have refreshed already), and
 * the new pair is stored only if the stored version is still the one refreshed from.
 */
export async function accessToken(deps: AppDeps, connectionId: number, force = false): Promise<string> {
  const conn = deps.repos.crm.connection(connectionId);
  if (!conn) throw new CrmError("auth", "the connection is gone");
  const creds = openCredentials(deps, conn);
  if (creds.mode === "token") return creds.token;
  if (creds.mode === "webhook") return "";
  if (!force && creds.expiresAt - EXPIRY_MARGIN_MS > deps.now()) return creds.accessToken;
  const seenVersion = conn.credentialsVersion;
  const inFlight = refreshing.get(connectionId);
  if (inFlight) return inFlight;
  const run = (async () => {
    const fresh = deps.repos.crm.connection(connectionId)!;
    const current = openCredentials(deps, fresh) as OAuthCredentials;
    // Someone refreshed after our read: their pair is the live one.
    if (fresh.credentialsVersion !== seenVersion) return current.accessToken;
    try {
      const pair = await amoTokenRequest(fresh.baseUrl, current, { refreshToken: current.refreshToken }, deps.now());
      const sealed = sealCredentials(deps, { ...current, ...pair });
      if (deps.repos.crm.swapCredentials(connectionId, fresh.credentialsVersion, sealed)) {
        deps.logger.info({ connection_id: connectionId }, "CRM OAuth pair refreshed");
        return pair.accessToken;
      }
    } catch (err) {
      // Another process may have spent the refresh token first: its pair is stored by now.
      const again = deps.repos.crm.connection(connectionId)!;
      if (again.credentialsVersion === fresh.credentialsVersion) throw err;
    }
    return (openCredentials(deps, deps.repos.crm.connection(connectionId)!) as OAuthCredentials).accessToken;
  })();
  refreshing.set(connectionId, run);
  try {
    return await run;
  } finally {
    refreshing.delete(connectionId);
  }
}
