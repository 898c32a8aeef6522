// amoCRM (Kommo) REST API v4 over fetch: Bearer auth, `page`/`limit` paging where an
// empty page may be HTTP 204, at most 7 requests a second.
import type { AppDeps } from "../../services/deps.js";
import { accessToken } from "../credentials.js";
import { CrmError, crmRequest, Pacer, phpQuery } from "../http.js";

export const AMO_REQUESTS_PER_SECOND = 7;

export interface AmoAccount {
  id: number;
  name: string;
  subdomain?: string;
}

/** How the client gets its token: fixed (checking a new connection), or the stored connection's (refreshed when needed). */
export type AmoAuth = { token: string } | { deps: AppDeps; connectionId: number };

export class AmoClient {
  constructor(
    readonly baseUrl: string,
    private readonly auth: AmoAuth,
    private readonly pacer = new Pacer(AMO_REQUESTS_PER_SECOND),
  ) {}

  private async token(force: boolean): Promise<string> {
    return "token" in this.auth ? this.auth.token : accessToken(this.auth.deps, this.auth.connectionId, force);
  }

  async request(method: "GET" | "POST" | "DELETE", path: string, query: Record<string, unknown> = {}, json?: unknown): Promise<unknown> {
    const qs = phpQuery(query);
    const url = `${this.baseUrl}${path}${qs ? `?${qs}` : ""}`;
    const send = async (force: boolean) =>
      crmRequest({ method, url, headers: { authorization: `Bearer ${await this.token(force)}` }, json }, { pacer: this.pacer });
    try {
      return (await send(false)).body;
    } catch (err) {
      // An OAuth access token may expire early: refresh once and try again.
      if (err instanceof CrmError && err.kind === "auth" && !("token" in this.auth)) return (await send(true)).body;
      throw err;
    }
  }

  account(): Promise<AmoAccount> {
    return this.request("GET", "/api/v4/account").then((b) => {
      const a = b as Partial<AmoAccount> | null;
      if (!a || typeof a.id !== "number") throw new CrmError("format", "GET /api/v4/account: no account id");
      return { id: a.id, name: String(a.name ?? a.subdomain ?? a.id), subdomain: a.subdomain };
    });
  }

  /**
   * Every page of a list, `limit` a page; stops at a 204, an empty page or no `next`
   * link. The next page is requested while the caller works on this one (through the
   * same rate limit), so reading and recording overlap.
   */
  async *pages<T>(path: string, embedded: string, query: Record<string, unknown>, limit: number): AsyncGenerator<T[]> {
    type Page = { _embedded?: Record<string, T[]>; _links?: { next?: unknown } } | null;
    const get = (page: number) => this.request("GET", path, { ...query, page, limit }) as Promise<Page>;
    let pending = get(1);
    for (let page = 1; ; page++) {
      const body = await pending;
      const items = body?._embedded?.[embedded] ?? [];
      const more = body !== null && items.length > 0 && Boolean(body._links?.next);
      if (more) {
        pending = get(page + 1);
        // Not awaited until the next turn: a failure then is thrown there, never left unhandled.
        pending.catch(() => undefined);
      }
      if (items.length > 0) yield items;
      if (!more) return;
    }
  }
}

export interface AmoUser {
  id: number;
  name: string;
  email?: string | null;
}

export interface AmoPipeline {
  id: number;
  name: string;
  _embedded?: { statuses?: { id: number; name: string; sort?: number }[] };
}

export interface AmoLead {
  id: number;
  name?: string | null;
  price?: number | null;
  responsible_user_id: number;
  status_id: number;
  pipeline_id: number;
  created_at: number;
  updated_at: number;
  closed_at?: number | null;
  is_deleted?: boolean;
  _embedded?: { loss_reason?: { id: number; name: string }[] };
}

export interface AmoNote {
  id: number;
  entity_id: number;
  created_by?: number;
  responsible_user_id?: number;
  note_type: string;
  created_at: number;
  updated_at: number;
  params?: { uniq?: string; duration?: number; call_status?: number; phone?: string };
}

export interface AmoTask {
  id: number;
  responsible_user_id: number;
  task_type_id: number;
  is_completed: boolean;
  updated_at: number;
  complete_till?: number;
  entity_type?: string | null;
}

export interface AmoEvent {
  id: string;
  type: string;
  entity_id: number;
  entity_type: string;
  created_at: number;
  /** Who made the change (0: the account's automation). */
  created_by?: number;
  /** `lead_status_changed`: `[{ lead_status: { id, pipeline_id } }]`. */
  value_before?: unknown[];
  value_after?: unknown[];
}
