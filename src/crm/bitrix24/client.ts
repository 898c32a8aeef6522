// Bitrix24 REST over an inbound webhook URL (`https://<portal>/rest/<user>/<secret>/`):
// `<url><method>.json` with a JSON body, 50 items a page with `next`, a leaky
// bucket of 50 requests draining 2 a second (503 QUERY_LIMIT_EXCEEDED beyond it).
import { CrmError, crmRequest, Pacer } from "../http.js";

export const BITRIX_REQUESTS_PER_SECOND = 2;
/** Bitrix24's bucket holds 50 requests (Enterprise 250); the bot stays a little under it. */
export const BITRIX_BURST = 40;

/** The webhook URL's parts, or null when it is not one. */
export function parseBitrixWebhook(input: string, allowInsecure: boolean): { url: string; portal: string } | null {
  let u: URL;
  try {
    u = new URL(input.trim());
  } catch {
    return null;
  }
  if (u.protocol !== "https:" && !(allowInsecure && u.protocol === "http:")) return null;
  const m = /^(.*\/rest\/\d+\/[A-Za-z0-9_-]+)\/?/.exec(u.pathname);
  if (!m) return null;
  return { url: `${u.origin}${m[1]}/`, portal: u.host };
}

export class BitrixClient {
  constructor(
    private readonly webhookUrl: string,
    private readonly pacer = new Pacer(BITRIX_REQUESTS_PER_SECOND, BITRIX_BURST),
  ) {}

  async call(method: string, params: Record<string, unknown> = {}): Promise<{ result: unknown; next?: number; total?: number }> {
    const res = await crmRequest({ method: "POST", url: `${this.webhookUrl}${method}.json`, json: params }, { pacer: this.pacer }).catch(
      (err: unknown) => {
        // Bitrix24 answers a wrong or removed webhook with 401, and a missing scope with 403 or 400 + error code.
        if (err instanceof CrmError && err.kind === "client" && err.status === 400) throw new CrmError("auth", err.message, err.status);
        throw err;
      },
    );
    const body = res.body as { result?: unknown; next?: number; total?: number; error?: string } | null;
    if (!body || body.error)
      throw new CrmError(body?.error === "insufficient_scope" ? "auth" : "client", `${method}: ${body?.error ?? "empty answer"}`);
    return { result: body.result, next: body.next, total: body.total };
  }

  /** Every page of a `*.list` method (50 a page, `start` from the previous `next`). */
  async *pages<T>(method: string, params: Record<string, unknown>, pick: (result: unknown) => T[] = (r) => r as T[]): AsyncGenerator<T[]> {
    let start: number | undefined = 0;
    while (start !== undefined) {
      const { result, next } = await this.call(method, { ...params, start });
      const items = pick(result) ?? [];
      if (items.length > 0) yield items;
      start = typeof next === "number" && items.length > 0 ? next : undefined;
    }
  }
}

export interface BitrixUser {
  ID: string;
  NAME?: string;
  LAST_NAME?: string;
  EMAIL?: string;
}

export interface BitrixDeal {
  ID: string;
  TITLE?: string;
  STAGE_ID: string;
  CATEGORY_ID?: string;
  OPPORTUNITY?: string;
  ASSIGNED_BY_ID: string;
  DATE_CREATE: string;
  DATE_MODIFY: string;
}

export interface BitrixActivity {
  ID: string;
  TYPE_ID: string;
  RESPONSIBLE_ID: string;
  START_TIME?: string;
  END_TIME?: string;
  COMPLETED: string;
  LAST_UPDATED: string;
  SUBJECT?: string;
}

export interface BitrixCall {
  CALL_ID: string;
  PORTAL_USER_ID: string;
  CALL_DURATION: string | number;
  CALL_START_DATE: string;
  CALL_FAILED_CODE?: string;
  CALL_TYPE?: string | number;
}

export interface BitrixStatus {
  STATUS_ID: string;
  NAME: string;
  SORT?: string | number;
  ENTITY_ID?: string;
  SEMANTICS?: string | null;
  EXTRA?: { SEMANTICS?: string };
}
