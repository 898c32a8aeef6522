// A fake Bitrix24 portal over real HTTP, following the documented REST shapes: an
// inbound webhook URL (`/rest/<user>/<secret>/<method>.json`), JSON bodies, 50
// items a page with `next` and `total` (`start: -1` skips the count), a leaky
// bucket of 50 requests draining 2/s answered with 503 QUERY_LIMIT_EXCEEDED.
// A deleted deal simply disappears from `crm.deal.list` (the portal keeps no log of it).
import type { Server } from "node:http";
import { type FakeAnswer, type FakeRequest, startJsonServer } from "./http.js";

export interface B24Deal {
  ID: string;
  TITLE: string;
  STAGE_ID: string;
  CATEGORY_ID: string;
  OPPORTUNITY: string;
  ASSIGNED_BY_ID: string;
  DATE_CREATE: string;
  DATE_MODIFY: string;
}

export interface FakeBitrix {
  origin: string;
  /** The inbound webhook URL a head would paste. */
  webhookUrl: string;
  portal: string;
  users: { ID: string; NAME: string; LAST_NAME: string; EMAIL: string }[];
  stages: { STATUS_ID: string; NAME: string; SORT: number; SEMANTICS: string | null }[];
  deals: B24Deal[];
  activities: {
    ID: string;
    TYPE_ID: string;
    RESPONSIBLE_ID: string;
    START_TIME: string;
    END_TIME: string;
    COMPLETED: string;
    LAST_UPDATED: string;
  }[];
  calls: {
    CALL_ID: string;
    PORTAL_USER_ID: string;
    CALL_DURATION: number;
    CALL_START_DATE: string;
    CALL_FAILED_CODE: string;
    CALL_TYPE: number;
  }[];
  /** Leaky bucket: capacity and drain per second (0: no limit). */
  bucket: { capacity: number; drain: number };
  failNext: number[];
  log: string[];
  /** Deletes a deal as the portal does: gone from every list, no trace to read. */
  deleteDeal(id: string): void;
  close(): Promise<void>;
}

const PAGE = 50;

export async function startFakeBitrix(opts: { secret?: string; bucket?: { capacity: number; drain: number } } = {}): Promise<FakeBitrix> {
  const secret = opts.secret ?? "k3y9secret0webhook";
  const fake = {} as FakeBitrix;
  let level = 0;
  let lastDrain = Date.now();
  const list = <T>(body: Record<string, unknown>, items: T[]): FakeAnswer => {
    const start = Number(body["start"] ?? 0);
    const from = Math.max(start, 0);
    const slice = items.slice(from, from + PAGE);
    const more = from + PAGE < items.length;
    return {
      status: 200,
      body: {
        result: slice,
        ...(more ? { next: from + PAGE } : {}),
        ...(start < 0 ? {} : { total: items.length }),
        time: { start: Date.now() / 1000 },
      },
    };
  };
  const since = (filter: unknown, key: string) => {
    const v = (filter as Record<string, string> | undefined)?.[`>=${key}`];
    return v ? Date.parse(v) : Number.NEGATIVE_INFINITY;
  };
  const handle = (req: FakeRequest): FakeAnswer => {
    const m = /^\/rest\/(\d+)\/([^/]+)\/([a-z.]+)\.json$/.exec(req.path);
    fake.log.push(m?.[3] ?? req.path);
    if (!m || m[2] !== secret)
      return { status: 401, body: { error: "INVALID_CREDENTIALS", error_description: "Invalid request credentials" } };
    if (fake.bucket.drain > 0) {
      const now = Date.now();
      level = Math.max(0, level - ((now - lastDrain) / 1000) * fake.bucket.drain);
      lastDrain = now;
      if (level + 1 > fake.bucket.capacity)
        return { status: 503, body: { error: "QUERY_LIMIT_EXCEEDED", error_description: "Too many requests" } };
      level += 1;
    }
    const failing = fake.failNext.shift();
    if (failing) return { status: failing, body: { error: failing === 503 ? "QUERY_LIMIT_EXCEEDED" : "OPERATION_TIME_LIMIT" } };
    const body = (req.body ? JSON.parse(req.body) : {}) as Record<string, unknown>;
    switch (m[3]) {
      case "user.current":
        return { status: 200, body: { result: fake.users[0] ?? { ID: m[1] } } };
      case "crm.deal.fields":
        return { status: 200, body: { result: { ID: { type: "integer" }, STAGE_ID: { type: "crm_status" } } } };
      case "user.get":
        return list(body, fake.users);
      case "crm.category.list":
        return { status: 200, body: { result: { categories: [{ id: 0, name: "Общая" }] }, total: 1 } };
      case "crm.status.list": {
        const entity = (body["filter"] as Record<string, string> | undefined)?.["ENTITY_ID"];
        return list(body, entity === "DEAL_STAGE" ? fake.stages.map((s) => ({ ...s, ENTITY_ID: "DEAL_STAGE" })) : []);
      }
      case "voximplant.statistic.get": {
        const from = since(body["FILTER"], "CALL_START_DATE");
        return list(
          body,
          fake.calls
            .filter((c) => Date.parse(c.CALL_START_DATE) >= from)
            .sort((a, b) => Date.parse(a.CALL_START_DATE) - Date.parse(b.CALL_START_DATE)),
        );
      }
      case "crm.activity.list": {
        const filter = body["filter"] as Record<string, unknown> | undefined;
        const from = since(filter, "LAST_UPDATED");
        const type = filter?.["TYPE_ID"];
        return list(
          body,
          fake.activities
            .filter((a) => Date.parse(a.LAST_UPDATED) >= from && (type === undefined || String(type) === a.TYPE_ID))
            .sort((a, b) => Date.parse(a.LAST_UPDATED) - Date.parse(b.LAST_UPDATED)),
        );
      }
      case "crm.deal.list": {
        const filter = body["filter"] as Record<string, unknown> | undefined;
        const from = since(filter, "DATE_MODIFY");
        // `@ID` (or `ID` with a list) is the "in" operator.
        const ids = filter?.["@ID"] ?? filter?.["ID"];
        const only = Array.isArray(ids) ? new Set(ids.map(String)) : null;
        return list(
          body,
          fake.deals
            .filter((d) => Date.parse(d.DATE_MODIFY) >= from && (only === null || only.has(d.ID)))
            .sort((a, b) => Date.parse(a.DATE_MODIFY) - Date.parse(b.DATE_MODIFY)),
        );
      }
      default:
        return { status: 400, body: { error: "ERROR_METHOD_NOT_FOUND", error_description: "Method not found!" } };
    }
  };
  const { server, origin } = await startJsonServer(handle);
  Object.assign(fake, {
    origin,
    webhookUrl: `${origin}/rest/1/${secret}/`,
    portal: new URL(origin).host,
    users: [],
    stages: [
      { STATUS_ID: "NEW", NAME: "Новая", SORT: 10, SEMANTICS: null },
      { STATUS_ID: "PREPARATION", NAME: "Подготовка документов", SORT: 20, SEMANTICS: null },
      { STATUS_ID: "PREPAYMENT_INVOICE", NAME: "Счёт на предоплату", SORT: 30, SEMANTICS: null },
      { STATUS_ID: "WON", NAME: "Сделка успешна", SORT: 60, SEMANTICS: "S" },
      { STATUS_ID: "LOSE", NAME: "Сделка провалена", SORT: 70, SEMANTICS: "F" },
      { STATUS_ID: "APOLOGY", NAME: "Анализ причины провала", SORT: 80, SEMANTICS: "F" },
    ],
    deals: [],
    activities: [],
    calls: [],
    bucket: opts.bucket ?? { capacity: 50, drain: 2 },
    failNext: [],
    log: [],
    deleteDeal: (id: string) => {
      fake.deals = fake.deals.filter((d) => d.ID !== id);
    },
    close: () => new Promise<void>((resolve) => (server as Server).close(() => resolve())),
  });
  return fake;
}
