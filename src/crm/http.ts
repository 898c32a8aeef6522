// One way every CRM request goes out: paced under the CRM's rate limit, retried with
// backoff on 429/503, and failing with an error that says what kind of trouble it is
// (never carrying the credentials it was sent with).
import { setTimeout as sleep } from "node:timers/promises";

export type CrmErrorKind = "auth" | "rate" | "server" | "client" | "network" | "format";

export class CrmError extends Error {
  constructor(
    readonly kind: CrmErrorKind,
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = "CrmError";
  }
}

/**
 * A token bucket per client: up to `burst` requests at once, refilled at `perSecond`
 * (Bitrix24: 50 and 2/s; amoCRM: 7 and 7/s). 0 a second turns pacing off.
 */
export class Pacer {
  private tokens: number;
  private last = Date.now();
  constructor(
    private readonly perSecond: number,
    private readonly burst = Math.max(1, perSecond),
  ) {
    this.tokens = this.burst;
  }
  async wait(): Promise<void> {
    if (this.perSecond <= 0) return;
    for (;;) {
      const now = Date.now();
      this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
      this.last = now;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await sleep(Math.ceil(((1 - this.tokens) / this.perSecond) * 1000));
    }
  }
}

export interface CrmRequest {
  method: "GET" | "POST" | "DELETE" | "PATCH";
  url: string;
  headers?: Record<string, string>;
  /** JSON body. */
  json?: unknown;
}

export interface CrmResponse {
  status: number;
  /** Parsed JSON; null for an empty answer (amoCRM's 204 for an empty page). */
  body: unknown;
}

export interface HttpOptions {
  pacer: Pacer;
  /** Attempts on 429/503 and network errors before giving up. */
  attempts?: number;
  /** First backoff; doubles each time (a Retry-After header wins). */
  backoffMs?: number;
  timeoutMs?: number;
}

/** Where the request went, for errors and logs: origin and path only (a Bitrix24 webhook URL's path is its secret). */
export function safeTarget(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname.replace(/\/rest\/[^/]+\/[^/]+\//, "/rest/***/")}`;
  } catch {
    return "(bad url)";
  }
}

export async function crmRequest(req: CrmRequest, opts: HttpOptions): Promise<CrmResponse> {
  const attempts = opts.attempts ?? 6;
  let delay = opts.backoffMs ?? 250;
  for (let attempt = 1; ; attempt++) {
    await opts.pacer.wait();
    let res: Response;
    try {
      res = await fetch(req.url, {
        method: req.method,
        headers: { accept: "application/json", ...(req.json !== undefined ? { "content-type": "application/json" } : {}), ...req.headers },
        body: req.json === undefined ? undefined : JSON.stringify(req.json),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
      });
    } catch (err) {
      if (attempt >= attempts) throw new CrmError("network", `${safeTarget(req.url)}: ${(err as Error).message}`);
      await sleep(delay);
      delay *= 2;
      continue;
    }
    if (res.status === 429 || res.status === 503) {
      await res.body?.cancel();
      if (attempt >= attempts) throw new CrmError("rate", `${safeTarget(req.url)}: HTTP ${res.status} (rate limit)`, res.status);
      const retryAfter = Number(res.headers.get("retry-after"));
      await sleep(Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter, 60) * 1000 : delay);
      delay *= 2;
      continue;
    }
    const text = await res.text();
    let body: unknown = null;
    if (text.trim() !== "") {
      try {
        body = JSON.parse(text);
      } catch {
        throw new CrmError("format", `${safeTarget(req.url)}: HTTP ${res.status}, not JSON`, res.status);
      }
    }
    if (res.status === 401 || res.status === 403) throw new CrmError("auth", `${safeTarget(req.url)}: HTTP ${res.status}`, res.status);
    if (res.status >= 500) throw new CrmError("server", `${safeTarget(req.url)}: HTTP ${res.status}`, res.status);
    if (res.status >= 400) throw new CrmError("client", `${safeTarget(req.url)}: HTTP ${res.status}`, res.status);
    return { status: res.status, body };
  }
}

/** A query string from nested parameters, PHP style (`filter[updated_at][from]=…`), as both CRMs read them. */
export function phpQuery(params: Record<string, unknown>): string {
  const out: string[] = [];
  const walk = (prefix: string, value: unknown) => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) walk(`${prefix}[${i}]`, v);
    } else if (typeof value === "object") for (const [k, v] of Object.entries(value)) walk(prefix ? `${prefix}[${k}]` : k, v);
    else out.push(`${encodeURIComponent(prefix).replace(/%5B/g, "[").replace(/%5D/g, "]")}=${encodeURIComponent(String(value))}`);
  };
  walk("", params);
  return out.join("&");
}
