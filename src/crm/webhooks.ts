// CRM webhooks on the bot's HTTP server: `POST /crm/amocrm/<secret>` and
// `POST /crm/bitrix24/<secret>`. Neither CRM signs its hooks, so the secret in the
// path names the connection (wrong: 404) and the account in the body must be that
// connection's (foreign: 200 and ignored). A delivery is stored and answered at
// once; it only pokes the connection's reconcile, so a repeat is harmless and a
// lost one heals at the next scheduled reconcile.
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { CrmConnection } from "../db/repositories/crm.js";
import { escapeHtml } from "../presentation/html.js";
import type { AppDeps } from "../services/deps.js";
import { vaultFor } from "./vault.js";

const MAX_BODY = 256 * 1024;

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
      } else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function answer(res: ServerResponse, status: number, body = ""): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
  res.end(body);
}

/** The form (or JSON) body as flat `key → value` pairs, keys as sent (`leads[status][0][id]`). */
export function flatBody(body: string, contentType: string | undefined): Map<string, string> {
  if (contentType?.includes("application/json")) {
    const out = new Map<string, string>();
    const walk = (prefix: string, v: unknown) => {
      if (v !== null && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(prefix ? `${prefix}[${k}]` : k, x);
      else out.set(prefix, String(v));
    };
    try {
      walk("", JSON.parse(body));
    } catch {
      // not JSON after all: nothing to read
    }
    return out;
  }
  return new Map(new URLSearchParams(body));
}

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Whether a delivery's account is the connection's own. */
export function fromOwnAccount(deps: AppDeps, conn: CrmConnection, fields: Map<string, string>): boolean {
  if (conn.kind === "amocrm") {
    const id = fields.get("account[id]");
    const sub = fields.get("account[subdomain]");
    if (id !== undefined) return id === conn.accountId;
    return sub !== undefined && new URL(conn.baseUrl).hostname.split(".")[0] === sub;
  }
  const domain = fields.get("auth[domain]");
  if (domain !== undefined && domain !== conn.accountId) return false;
  const token = fields.get("auth[application_token]");
  if (conn.hookToken) return token !== undefined && same(vaultFor(deps.config, deps.logger).open(conn.hookToken), token);
  return domain !== undefined;
}

/** Handles `/crm/…` requests (true), leaving other paths to the rest of the server (false). */
export function crmWebhookRoutes(deps: AppDeps, onPoke?: () => void) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = (req.url ?? "/").split("?")[0]!;
    if (!path.startsWith("/crm/")) return false;
    if (req.method === "GET" && path === "/crm/amocrm/oauth") {
      // amoCRM's OAuth redirect: the head copies the code into the bot's /crm connect flow.
      const code = new URL(req.url ?? "/", "http://x").searchParams.get("code") ?? "";
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      res.end(`<!doctype html><meta charset="utf-8"><p>Authorization code / код авторизации:</p><pre>${escapeHtml(code)}</pre>`);
      return true;
    }
    const m = /^\/crm\/(amocrm|bitrix24)\/([A-Za-z0-9_-]{10,})$/.exec(path);
    const conn = m ? deps.repos.crm.byHookSecret(m[2]!) : undefined;
    if (req.method !== "POST" || !m || !conn || conn.kind !== m[1] || conn.disconnectedAt !== null) {
      answer(res, 404);
      return true;
    }
    const body = await readBody(req);
    if (body === null) {
      answer(res, 413);
      return true;
    }
    const fields = flatBody(body, req.headers["content-type"]);
    if (!fromOwnAccount(deps, conn, fields)) {
      deps.logger.warn({ connection_id: conn.id, crm: conn.kind }, "CRM webhook from another account ignored");
      answer(res, 200, "ignored");
      return true;
    }
    // Bitrix24 puts its tokens in `auth[…]`: they are not kept.
    const kept = [...fields].filter(([k]) => !k.startsWith("auth["));
    deps.repos.crm.storeHook(conn.id, JSON.stringify(kept), deps.now());
    answer(res, 200, "ok");
    onPoke?.();
    return true;
  };
}
