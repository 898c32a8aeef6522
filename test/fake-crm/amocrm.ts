// A fake amoCRM (Kommo) account over real HTTP, following the documented API v4
// shapes: Bearer auth (long-lived token or OAuth with single-use rotating refresh
// tokens), `page`/`limit` paging with HAL `_links.next` and 204 for an empty page,
// `filter[updated_at][from]`, 7 requests/s with 429 beyond, injectable 429/503.
// Like the real events log, every change of a lead's status (however a test makes
// it) is recorded as a `lead_status_changed` event before the next request is answered.
import type { Server } from "node:http";
import { type FakeAnswer, type FakeRequest, listParam, startJsonServer } from "./http.js";

export interface AmoFakeLead {
  id: number;
  name: string;
  price: number;
  responsible_user_id: number;
  status_id: number;
  pipeline_id: number;
  created_at: number;
  updated_at: number;
  closed_at: number | null;
  loss_reason?: string;
}

export interface AmoFakeNote {
  id: number;
  entity: "leads" | "contacts";
  entity_id: number;
  responsible_user_id: number;
  created_by: number;
  note_type: "call_in" | "call_out";
  created_at: number;
  updated_at: number;
  params: { uniq: string; duration: number; call_status?: number; phone: string; source: string; link: string };
}

export interface AmoFakeTask {
  id: number;
  responsible_user_id: number;
  task_type_id: number;
  is_completed: boolean;
  updated_at: number;
  complete_till: number;
}

export interface AmoFakeEvent {
  id: string;
  type: string;
  entity_id: number;
  entity_type: string;
  created_at: number;
  created_by?: number;
  value_before?: unknown[];
  value_after?: unknown[];
}

export interface FakeAmo {
  origin: string;
  account: { id: number; name: string; subdomain: string };
  users: { id: number; name: string; email: string }[];
  pipelines: { id: number; name: string; statuses: { id: number; name: string; sort: number }[] }[];
  leads: AmoFakeLead[];
  notes: AmoFakeNote[];
  tasks: AmoFakeTask[];
  events: AmoFakeEvent[];
  /** Accepted long-lived tokens. */
  longLived: Set<string>;
  oauth: {
    clientId: string;
    clientSecret: string;
    redirectUri: string;
    codes: Set<string>;
    access: Map<string, number>;
    refresh: string | null;
    refreshCalls: number;
  };
  /** Requests per second before 429 (0: no limit). */
  rateLimit: number;
  /** Bench only: a list's filtered, sorted scan is kept for the next pages of the same query (data must not change meanwhile). */
  cacheScans: boolean;
  /** Milliseconds each API answer waits (to catch a sync mid-way). */
  delayMs: number;
  /** The next answers to any API request: 429 or 503. */
  failNext: number[];
  /** Every request (method, path). */
  log: { method: string; path: string; auth: string | undefined }[];
  webhooks: { destination: string; settings: string[] }[];
  /** Moves a lead to a status at `at` (unix s), written to the events log at once (a move and back between two reads leaves its trace). */
  moveLead(leadId: number, statusId: number, at: number): void;
  nextId(): number;
  now(): number;
  close(): Promise<void>;
}

const PAGE_LIMIT: Record<string, number> = { leads: 250, notes: 250, tasks: 250, events: 100, users: 250, pipelines: 250 };

export async function startFakeAmo(opts: { accountId?: number; name?: string; rateLimit?: number } = {}): Promise<FakeAmo> {
  let id = 1000;
  const windowHits: number[] = [];
  const fake = {} as FakeAmo;
  const authorized = (req: FakeRequest): boolean => {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    if (!token) return false;
    if (fake.longLived.has(token)) return true;
    const exp = fake.oauth.access.get(token);
    return exp !== undefined && exp > fake.now();
  };
  const scans = new Map<string, unknown[]>();
  /** The filtered list for a query (cached across its pages when `cacheScans`). */
  const scan = <T>(req: FakeRequest, build: () => T[]): T[] => {
    if (!fake.cacheScans) return build();
    const q = new URLSearchParams(req.query);
    q.delete("page");
    const key = `${req.path}?${q}`;
    let items = scans.get(key) as T[] | undefined;
    if (!items) scans.set(key, (items = build()));
    return items;
  };
  const page = <T>(req: FakeRequest, name: string, items: T[], path: string): FakeAnswer => {
    const limit = Math.min(Number(req.query.get("limit") ?? 50), PAGE_LIMIT[name] ?? 250);
    const p = Math.max(1, Number(req.query.get("page") ?? 1));
    const slice = items.slice((p - 1) * limit, p * limit);
    if (slice.length === 0) return { status: 204 };
    const more = p * limit < items.length;
    return {
      status: 200,
      body: {
        _page: p,
        _links: { self: { href: `${path}?page=${p}` }, ...(more ? { next: { href: `${path}?page=${p + 1}` } } : {}) },
        _embedded: { [name]: slice },
      },
    };
  };
  const from = (req: FakeRequest, field: string) => Number(req.query.get(`filter[${field}][from]`) ?? 0);

  /** Each lead's status as last seen, to write the events log the way amoCRM does. */
  const statusSeen = new Map<number, { status: number; pipeline: number }>();
  const leadStatus = (status: number, pipeline: number) => [{ lead_status: { id: status, pipeline_id: pipeline } }];
  const recordStatusChanges = () => {
    for (const l of fake.leads) {
      const seen = statusSeen.get(l.id);
      if (seen && seen.status === l.status_id && seen.pipeline === l.pipeline_id) continue;
      // A lead first seen beyond its pipeline's first stage was created there and moved on (its `updated_at`).
      const first = fake.pipelines.find((p) => p.id === l.pipeline_id)?.statuses.reduce((a, b) => (b.sort < a.sort ? b : a));
      const before = seen ?? (first ? { status: first.id, pipeline: l.pipeline_id } : undefined);
      statusSeen.set(l.id, { status: l.status_id, pipeline: l.pipeline_id });
      if (!before || (before.status === l.status_id && before.pipeline === l.pipeline_id)) continue;
      fake.events.push({
        id: `st${fake.nextId()}`,
        type: "lead_status_changed",
        entity_id: l.id,
        entity_type: "lead",
        created_at: l.updated_at,
        created_by: l.responsible_user_id,
        value_before: leadStatus(before.status, before.pipeline),
        value_after: leadStatus(l.status_id, l.pipeline_id),
      });
    }
  };

  const handle = async (req: FakeRequest): Promise<FakeAnswer> => {
    if (fake.delayMs > 0) await new Promise((r) => setTimeout(r, fake.delayMs));
    recordStatusChanges();
    fake.log.push({ method: req.method, path: req.path, auth: req.headers.authorization });
    if (req.method === "POST" && req.path === "/oauth2/access_token") {
      const b = JSON.parse(req.body || "{}") as Record<string, string>;
      const o = fake.oauth;
      if (b["client_id"] !== o.clientId || b["client_secret"] !== o.clientSecret)
        return { status: 401, body: { hint: "Client authentication failed" } };
      if (b["grant_type"] === "authorization_code") {
        if (!o.codes.delete(b["code"] ?? "") || b["redirect_uri"] !== o.redirectUri)
          return { status: 400, body: { hint: "Authorization code has expired" } };
      } else if (b["grant_type"] === "refresh_token") {
        o.refreshCalls++;
        // Single use: the old refresh token is spent by this call.
        if (o.refresh === null || b["refresh_token"] !== o.refresh) return { status: 400, body: { hint: "Token has been revoked" } };
      } else return { status: 400, body: { hint: "unsupported grant" } };
      const access = `acc-${fake.nextId()}-${Math.random().toString(36).slice(2)}`;
      o.refresh = `ref-${fake.nextId()}-${Math.random().toString(36).slice(2)}`;
      o.access.set(access, fake.now() + 86_400_000);
      return { status: 200, body: { token_type: "Bearer", expires_in: 86_400, access_token: access, refresh_token: o.refresh } };
    }
    if (fake.rateLimit > 0) {
      const t = Date.now();
      while (windowHits.length && windowHits[0]! <= t - 1000) windowHits.shift();
      if (windowHits.length >= fake.rateLimit) return { status: 429, body: { title: "Too Many Requests" } };
      windowHits.push(t);
    }
    const failing = fake.failNext.shift();
    if (failing) return { status: failing, body: { title: "fail" } };
    if (!authorized(req)) return { status: 401, body: { title: "Unauthorized", status: 401 } };

    switch (`${req.method} ${req.path}`) {
      case "GET /api/v4/account":
        return { status: 200, body: { ...fake.account, country: "RU", currency: "RUB" } };
      case "GET /api/v4/users":
        return page(req, "users", fake.users, req.path);
      case "GET /api/v4/leads/pipelines":
        return page(
          req,
          "pipelines",
          fake.pipelines.map((p) => ({
            id: p.id,
            name: p.name,
            _embedded: { statuses: p.statuses.map((s) => ({ ...s, pipeline_id: p.id })) },
          })),
          req.path,
        );
      case "GET /api/v4/leads": {
        const withLoss = (req.query.get("with") ?? "").includes("loss_reason");
        const ids = listParam(req.query, "filter[id]").map(Number);
        const items = scan(req, () =>
          fake.leads
            .filter((l) => l.updated_at >= from(req, "updated_at") && (ids.length === 0 || ids.includes(l.id)))
            .sort((a, b) => a.updated_at - b.updated_at || a.id - b.id)
            .map(({ loss_reason, ...l }) => ({
              ...l,
              ...(withLoss && loss_reason ? { _embedded: { loss_reason: [{ id: 1, name: loss_reason }] } } : {}),
            })),
        );
        return page(req, "leads", items, req.path);
      }
      case "GET /api/v4/leads/notes":
      case "GET /api/v4/contacts/notes": {
        const entity = req.path.split("/")[3] as "leads" | "contacts";
        const types = listParam(req.query, "filter[note_type]");
        const items = scan(req, () =>
          fake.notes
            .filter(
              (n) => n.entity === entity && (types.length === 0 || types.includes(n.note_type)) && n.updated_at >= from(req, "updated_at"),
            )
            .sort((a, b) => a.updated_at - b.updated_at || a.id - b.id)
            .map(({ entity: _e, ...n }) => n),
        );
        return page(req, "notes", items, req.path);
      }
      case "GET /api/v4/tasks": {
        const types = listParam(req.query, "filter[task_type]").map(Number);
        const items = fake.tasks
          .filter((t) => (types.length === 0 || types.includes(t.task_type_id)) && t.updated_at >= from(req, "updated_at"))
          .sort((a, b) => a.updated_at - b.updated_at || a.id - b.id);
        return page(req, "tasks", items, req.path);
      }
      case "GET /api/v4/events": {
        const types = listParam(req.query, "filter[type]");
        const items = scan(req, () =>
          fake.events
            .filter((e) => (types.length === 0 || types.includes(e.type)) && e.created_at >= from(req, "created_at"))
            .sort((a, b) => a.created_at - b.created_at),
        );
        return page(req, "events", items, req.path);
      }
      case "POST /api/v4/webhooks": {
        const b = JSON.parse(req.body) as { destination: string; settings: string[] };
        fake.webhooks.push(b);
        return { status: 200, body: { id: fake.nextId(), ...b } };
      }
      case "DELETE /api/v4/webhooks": {
        const b = JSON.parse(req.body) as { destination: string };
        fake.webhooks = fake.webhooks.filter((w) => w.destination !== b.destination);
        return { status: 204 };
      }
      default:
        return { status: 404, body: { title: "Not Found" } };
    }
  };
  const { server, origin } = await startJsonServer(handle);
  Object.assign(fake, {
    origin,
    account: { id: opts.accountId ?? 31337, name: opts.name ?? "ООО Ромашка", subdomain: "romashka" },
    users: [],
    pipelines: [
      {
        id: 7,
        name: "Продажи",
        statuses: [
          { id: 70, name: "Первичный контакт", sort: 10 },
          { id: 71, name: "Встреча назначена", sort: 20 },
          { id: 72, name: "КП отправлено", sort: 30 },
          { id: 142, name: "Успешно реализовано", sort: 10000 },
          { id: 143, name: "Закрыто и не реализовано", sort: 11000 },
        ],
      },
    ],
    leads: [],
    notes: [],
    tasks: [],
    events: [],
    longLived: new Set<string>(),
    oauth: { clientId: "", clientSecret: "", redirectUri: "", codes: new Set<string>(), access: new Map(), refresh: null, refreshCalls: 0 },
    rateLimit: opts.rateLimit ?? 7,
    failNext: [],
    delayMs: 0,
    cacheScans: false,
    log: [],
    webhooks: [],
    moveLead: (leadId: number, statusId: number, at: number) => {
      recordStatusChanges();
      const lead = fake.leads.find((l) => l.id === leadId);
      if (!lead) throw new Error(`no lead ${leadId}`);
      Object.assign(lead, { status_id: statusId, updated_at: at, closed_at: statusId === 142 || statusId === 143 ? at : null });
      recordStatusChanges();
    },
    nextId: () => ++id,
    now: () => Date.now(),
    close: () => new Promise<void>((resolve) => (server as Server).close(() => resolve())),
  });
  return fake;
}
