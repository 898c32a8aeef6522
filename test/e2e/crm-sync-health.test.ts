// CRM sync health end to end: webhooks (wrong secret, foreign account, delivered three
// times, one never delivered), a revoked token alerting the head once (and again after
// a recovery), and OAuth with single-use refresh tokens refreshed under a lock.

import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, vi } from "vitest";
import { accessToken, openCredentials } from "../../src/crm/credentials.js";
import { syncConnection, syncsIdle } from "../../src/crm/sync.js";
import { crmWebhookRoutes } from "../../src/crm/webhooks.js";
import { HEAD_PRIVATE } from "../../src/domain/trust-policy.js";
import { renderMorningSummary } from "../../src/presentation/views/morning-summary-view.js";
import { buildMorningSummary } from "../../src/services/morning-summary.js";
import type { HealthReport } from "../../src/web/health.js";
import { createHttpServer } from "../../src/web/http-server.js";
import { type FakeAmo, startFakeAmo } from "../fake-crm/amocrm.js";
import { e2e } from "../support/e2e.js";
import type { Harness } from "../support/harness.js";
import { count, type TeamFixture } from "../support/team.js";

const START = "2026-12-15T09:00:00Z";
const NOW = Date.parse(START);
const test = e2e.extend({
  startAt: START,
  env: { CRM_ALLOW_INSECURE: "1", CRM_POLL_SECONDS: "300", PUBLIC_URL: "https://kpi.example.com" },
});

let amo: FakeAmo;
const TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLW9mLXRoZS1sb25nLWxpdmVk";
const ago = (min: number) => Math.floor(NOW / 1000) - min * 60;
const POLL_MS = 300_000;

function note(id: number) {
  return {
    id,
    entity: "leads" as const,
    entity_id: 1,
    responsible_user_id: 501,
    created_by: 501,
    note_type: "call_out" as const,
    created_at: 0,
    updated_at: 0,
    params: { uniq: `u${id}`, duration: 30, call_status: 4, phone: "+7", source: "x", link: "" },
  };
}

function addCall(id: number, min: number): void {
  amo.notes.push({
    id,
    entity: "leads",
    entity_id: 1,
    responsible_user_id: 501,
    created_by: 501,
    note_type: "call_out",
    created_at: ago(min),
    updated_at: ago(min),
    params: { uniq: `u${id}`, duration: 30, call_status: 4, phone: "+7", source: "x", link: "" },
  });
}

async function connectWith(h: Harness, t: TeamFixture, lines: string[]): Promise<number> {
  await h.say(t.head, t.headChat, "/crm connect amocrm");
  await h.say(t.head, t.headChat, amo.origin);
  for (const line of lines.slice(0, -1)) await h.say(t.head, t.headChat, line);
  const after = h.fake.mark();
  h.fake.sendText(t.head, t.headChat, lines.at(-1)!);
  const done = await h.fake.waitForMessage(t.headChat.id, (text) => /Подключена|❌/.test(text), { after, timeoutMs: 15_000 });
  expect(String(done.payload["text"])).toContain("Подключена");
  await vi.waitFor(() => expect(count(h, "select count(*) from crm_connections where last_sync_at is not null")).toBe(1), {
    timeout: 20_000,
  });
  await syncsIdle();
  const conn = count(h, "select id from crm_connections");
  h.deps.repos.crm.mapUser(conn, "501", t.ivan.id, NOW);
  return conn;
}

beforeEach(async ({ onTestFinished }) => {
  amo = await startFakeAmo({ rateLimit: 0 });
  // Closed after the test's harness has stopped (fixtures are torn down first): no sync finds the account gone.
  onTestFinished(() => amo.close());
  amo.longLived.add(TOKEN);
  amo.users.push({ id: 501, name: "Иван Петров", email: "ivan@x.ru" });
});

describe("CRM webhooks", () => {
  let server: Server;
  let origin: string;
  test.beforeEach(async ({ h }) => {
    const health = () => ({ ok: true }) as unknown as HealthReport;
    server = createHttpServer({ logger: h.deps.logger, health, crm: crmWebhookRoutes(h.deps) });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(() => new Promise<void>((r) => server.close(() => r())));

  const post = (path: string, form: Record<string, string>) =>
    fetch(`${origin}${path}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form),
    });

  test("wrong secret 404; foreign account 200 and ignored; a hook delivered three times and one never delivered each count once", async ({
    h,
    clock,
    t,
  }) => {
    const conn = await connectWith(h, t, [TOKEN]);
    const secret = h.deps.repos.crm.connection(conn)!.hookSecret;
    addCall(11, 30);
    const hook = {
      "leads[note][0][note][note_type]": "11",
      "leads[note][0][note][element_id]": "1",
      "account[id]": "31337",
      "account[subdomain]": "romashka",
    };
    expect((await post("/crm/amocrm/wrong-secret-123456", hook)).status).toBe(404);
    expect((await post(`/crm/bitrix24/${secret}`, hook)).status).toBe(404);
    const foreign = await post(`/crm/amocrm/${secret}`, { ...hook, "account[id]": "999" });
    expect(foreign.status).toBe(200);
    expect(count(h, "select count(*) from crm_hooks")).toBe(0);
    for (let i = 0; i < 3; i++) expect((await post(`/crm/amocrm/${secret}`, hook)).status).toBe(200);
    expect(count(h, "select count(*) from crm_hooks")).toBe(3);
    // The poke makes the next tick reconcile at once (no poll interval has passed).
    await h.scheduler.runCrm(NOW + 1000);
    expect(count(h, "select count(*) from activities where kind = 'call' and deleted_at is null")).toBe(1);
    await h.scheduler.runCrm(NOW + 2000);
    expect(count(h, "select count(*) from activities where kind = 'call' and deleted_at is null")).toBe(1);
    // A call whose hook never came is read by the scheduled reconcile.
    addCall(12, 20);
    clock.now = NOW + POLL_MS + 5000;
    await h.scheduler.runCrm();
    expect(count(h, "select count(*) from activities where kind = 'call' and deleted_at is null")).toBe(2);
  });
});

describe("never silent", () => {
  test("a revoked token alerts the head once; after a recovery a new failure alerts again; /crm shows the error", async ({
    h,
    clock,
    t,
  }) => {
    const conn = await connectWith(h, t, [TOKEN]);
    amo.longLived.delete(TOKEN);
    const after = h.fake.mark();
    clock.now = NOW + POLL_MS + 1000;
    expect(await h.scheduler.runCrm()).toBe(1);
    clock.now += POLL_MS + 1000;
    expect(await h.scheduler.runCrm()).toBe(0);
    const alerts = h.fake
      .messagesTo(t.headChat.id)
      .filter((c) => h.fake.calls.indexOf(c) >= after && /не синхронизируется/.test(String(c.payload["text"])));
    expect(alerts).toHaveLength(1);
    expect(String(alerts[0]!.payload["text"])).not.toContain(TOKEN.slice(0, 20));
    expect((await h.say(t.head, t.headChat, "/crm")).text).toContain("Последняя ошибка");
    // The morning summary says so while it lasts.
    const team = h.deps.repos.teams.byId(h.deps.repos.crm.connection(conn)!.teamId)!;
    const summary = renderMorningSummary(buildMorningSummary(h.deps, team, clock.now), "ru", HEAD_PRIVATE);
    expect(summary.html).toContain("CRM: не синхронизировалась с 15.12.2026 12:00");
    // Only the head hears it.
    expect(h.fake.messagesTo(t.ivanChat.id).some((c) => /не синхронизируется/.test(String(c.payload["text"])))).toBe(false);

    amo.longLived.add(TOKEN);
    clock.now += POLL_MS + 1000;
    expect(await h.scheduler.runCrm()).toBe(0);
    expect(h.deps.repos.crm.connection(conn)!.failingSince).toBeNull();
    amo.longLived.delete(TOKEN);
    clock.now += POLL_MS + 1000;
    expect(await h.scheduler.runCrm()).toBe(1);
  });

  test("a failing server alerts only after 30 minutes, once", async ({ h, clock, t }) => {
    await connectWith(h, t, [TOKEN]);
    const start = NOW + POLL_MS + 1000;
    clock.now = start;
    amo.failNext.push(...Array(200).fill(500));
    expect(await h.scheduler.runCrm()).toBe(0);
    clock.now = start + 20 * 60_000;
    expect(await h.scheduler.runCrm()).toBe(0);
    clock.now = start + 31 * 60_000;
    expect(await h.scheduler.runCrm()).toBe(1);
    clock.now = start + 50 * 60_000;
    expect(await h.scheduler.runCrm()).toBe(0);
  });
});

describe("CRM time", () => {
  test("counts a call by the CRM's own time in the team's zone: 23:30 the day before is yesterday, 00:30 is today", async ({ h, t }) => {
    amo.notes.push(
      { ...note(21), created_at: Date.parse("2026-12-14T20:30:00Z") / 1000, updated_at: Date.parse("2026-12-14T20:30:00Z") / 1000 },
      { ...note(22), created_at: Date.parse("2026-12-14T21:30:00Z") / 1000, updated_at: Date.parse("2026-12-14T21:30:00Z") / 1000 },
    );
    const conn = await connectWith(h, t, [TOKEN]);
    await syncConnection(h.deps, conn);
    expect(count(h, "select count(*) from activities where kind = 'call'")).toBe(2);
    expect((await h.say(t.ivan, t.ivanChat, "/me")).text).toMatch(/звонки\s+1\b/);
    expect((await h.say(t.ivan, t.ivanChat, "/me yesterday")).text).toMatch(/звонки\s+1\b/);
  });
});

describe("amoCRM OAuth", () => {
  test("connects with client id, secret, redirect and code; two refreshes racing spend the single-use refresh token once", async ({
    h,
    t,
  }) => {
    const clientId = "0f8b5c1e-3a4d-4c2b-9e7f-1a2b3c4d5e6f";
    Object.assign(amo.oauth, {
      clientId,
      clientSecret: "s3cr3t-client-secret-value-0123456789abcdef",
      redirectUri: "https://kpi.example.com/crm/amocrm/oauth",
    });
    amo.oauth.codes.add("def502-code");
    const conn = await connectWith(h, t, [clientId, amo.oauth.clientSecret, "-", "def502-code"]);
    expect(amo.oauth.refresh).not.toBeNull();
    const firstRefresh = amo.oauth.refresh;
    // The access token expires: two callers at once get one refresh, and the new pair is stored.
    amo.oauth.access.clear();
    const [a, b] = await Promise.all([accessToken(h.deps, conn, true), accessToken(h.deps, conn, true)]);
    expect(a).toBe(b);
    expect(amo.oauth.refreshCalls).toBe(1);
    const stored = openCredentials(h.deps, h.deps.repos.crm.connection(conn)!);
    expect(stored.mode === "oauth" && stored.refreshToken).toBe(amo.oauth.refresh);
    expect(amo.oauth.refresh).not.toBe(firstRefresh);
    // A sync with the rotated pair works; the secrets never reached the chat or the stored updates.
    expect((await syncConnection(h.deps, conn)).ok).toBe(true);
    const said = h.fake.calls.map((c) => JSON.stringify(c.payload)).join("\n");
    expect(said).not.toContain(amo.oauth.clientSecret);
    expect(count(h, "select count(*) from inbox where payload like ?", `%${amo.oauth.clientSecret}%`)).toBe(0);
    expect(count(h, "select count(*) from inbox where payload like '%def502-code%'")).toBe(0);
    // A pair stored by another process after our read wins over our spent token.
    const version = h.deps.repos.crm.connection(conn)!.credentialsVersion;
    amo.oauth.access.clear();
    await accessToken(h.deps, conn, true);
    expect(h.deps.repos.crm.connection(conn)!.credentialsVersion).toBe(version + 1);
  });
});
