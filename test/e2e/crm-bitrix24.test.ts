// Bitrix24 end to end: a head connects with an inbound webhook URL, maps people, and
// the portal's day (telephony log, meetings, deals won and lost) is counted once,
// across pages of 50, 503/429 answers and repeated reads; outgoing-event hooks carry
// only ids and just poke a reconcile.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { beforeEach, describe, expect, vi } from "vitest";
import { syncConnection, syncsIdle } from "../../src/crm/sync.js";
import { crmWebhookRoutes } from "../../src/crm/webhooks.js";
import type { HealthReport } from "../../src/web/health.js";
import { createHttpServer } from "../../src/web/http-server.js";
import { type FakeBitrix, startFakeBitrix } from "../fake-crm/bitrix24.js";
import { e2e } from "../support/e2e.js";
import { buttons, type Harness } from "../support/harness.js";
import { count, type TeamFixture } from "../support/team.js";

const START = "2026-12-15T09:00:00Z"; // 12:00 in Moscow
const NOW = Date.parse(START);
const test = e2e.extend({ startAt: START, env: { CRM_ALLOW_INSECURE: "1", PUBLIC_URL: "https://kpi.example.com" } });

let b24: FakeBitrix;
/** Bitrix24 writes times with the portal's offset. */
const at = (minutesAgo: number) =>
  new Date(NOW - minutesAgo * 60_000 + 3 * 3_600_000)
    .toISOString()
    .replace("Z", "+03:00")
    .replace(/\.\d{3}/, "");

beforeEach(async ({ onTestFinished }) => {
  b24 = await startFakeBitrix();
  // Closed after the test's harness has stopped (fixtures are torn down first): no sync finds the portal gone.
  onTestFinished(() => b24.close());
  b24.users.push(
    { ID: "1", NAME: "Иван", LAST_NAME: "Петров", EMAIL: "ivan@portal.ru" },
    { ID: "7", NAME: "John", LAST_NAME: "Smith", EMAIL: "john@portal.ru" },
  );
  // 120 telephony calls of Иван today (3 pages of 50): every third unanswered.
  for (let i = 0; i < 120; i++) {
    const missed = i % 3 === 0;
    b24.calls.push({
      CALL_ID: `externalCall.${i}`,
      PORTAL_USER_ID: "1",
      CALL_DURATION: missed ? 0 : 45,
      CALL_START_DATE: at(200 - i),
      CALL_FAILED_CODE: missed ? "304" : "200",
      CALL_TYPE: 1,
    });
  }
  b24.activities.push(
    { ID: "31", TYPE_ID: "1", RESPONSIBLE_ID: "7", START_TIME: at(120), END_TIME: at(60), COMPLETED: "Y", LAST_UPDATED: at(60) },
    { ID: "32", TYPE_ID: "1", RESPONSIBLE_ID: "7", START_TIME: at(30), END_TIME: at(20), COMPLETED: "N", LAST_UPDATED: at(20) },
  );
  const deal = (ID: string, user: string, stage: string, sum: string, created: number, modified: number) =>
    b24.deals.push({
      ID,
      TITLE: `Заказ ${ID}`,
      STAGE_ID: stage,
      CATEGORY_ID: "0",
      OPPORTUNITY: sum,
      ASSIGNED_BY_ID: user,
      DATE_CREATE: at(created),
      DATE_MODIFY: at(modified),
    });
  deal("41", "1", "WON", "250000.00", 300, 50);
  deal("42", "7", "APOLOGY", "0", 280, 40);
  deal("43", "7", "PREPARATION", "0", 260, 30);
});

describe("Bitrix24 with an inbound webhook", () => {
  test("connects (the URL deleted and never shown), maps people, counts the portal's day once across pages and retries", async ({
    h,
    t,
  }) => {
    expect((await h.say(t.head, t.headChat, "/crm connect bitrix24")).text).toContain("входящий вебхук");
    let after = h.fake.mark();
    h.fake.sendText(t.head, t.headChat, "https://example.com/not-a-webhook");
    await h.fake.waitForMessage(t.headChat.id, (x) => x.includes("Это не адрес входящего вебхука"), { after });
    const wrong = b24.webhookUrl.replace("k3y9secret0webhook", "wrongsecret123");
    await h.say(t.head, t.headChat, "/crm connect bitrix24");
    after = h.fake.mark();
    h.fake.sendText(t.head, t.headChat, wrong);
    const refused = await h.fake.waitForMessage(t.headChat.id, (x) => x.startsWith("❌"), { after });
    expect(String(refused.payload["text"])).toContain("не приняла");
    await h.say(t.head, t.headChat, "/crm connect bitrix24");
    after = h.fake.mark();
    h.fake.sendText(t.head, t.headChat, b24.webhookUrl);
    const done = await h.fake.waitForMessage(t.headChat.id, (x) => x.includes("Подключена"), { after, timeoutMs: 15_000 });
    expect(String(done.payload["text"])).toContain(`Битрикс24: <b>${b24.portal}</b>`);
    expect(h.fake.calls.map((c) => JSON.stringify(c.payload)).join("\n")).not.toContain("k3y9secret0webhook");
    expect(count(h, "select count(*) from inbox where payload like '%k3y9secret0webhook%'")).toBe(0);
    await vi.waitFor(() => expect(count(h, "select count(*) from crm_connections where last_sync_at is not null")).toBe(1), {
      timeout: 20_000,
    });
    await syncsIdle();
    const conn = count(h, "select id from crm_connections");
    expect(count(h, "select count(*) from crm_records where state = 'unassigned'")).toBe(120 + 1 + 3 + 1 + 1);

    const users = await h.say(t.head, t.headChat, "/crm users");
    expect(users.text).toContain("Иван Петров → Иван (@ivan)?");
    await h.tap(t.head, t.headChat, users.call, `crm:u:${conn}:1:${t.ivan.id}`);
    expect(buttons(users.call)).toContain(`crm:u:${conn}:7:${t.john.id}`);
    await h.tap(t.head, t.headChat, users.call, `crm:u:${conn}:7:${t.john.id}`);
    for (const kind of ["lead", "lost", "meeting"]) await h.say(t.head, t.headChat, `/crm sources ${kind} crm`);
    const stages = (await h.say(t.head, t.headChat, "/crm stages")).text;
    expect(stages).toContain("Сделка успешна → успех (сделка)");
    expect(stages).toContain("Анализ причины провала → отказ");

    b24.failNext.push(503, 429);
    const r = await syncConnection(h.deps, conn);
    expect(r.ok).toBe(true);
    const kinds = (user: number) =>
      h.deps.db.$client
        .prepare(
          "select kind, count(*) n, sum(coalesce(amount_minor,0)) amount from activities where user_id = ? and deleted_at is null group by kind order by kind",
        )
        .all(user);
    expect(kinds(t.ivan.id)).toEqual([
      { kind: "call", n: 120, amount: 0 },
      { kind: "deal", n: 1, amount: 25_000_000 },
      { kind: "lead", n: 1, amount: 0 },
    ]);
    expect(kinds(t.john.id)).toEqual([
      { kind: "lead", n: 2, amount: 0 },
      { kind: "lost", n: 1, amount: 0 },
      { kind: "meeting", n: 1, amount: 0 },
    ]);
    expect(count(h, "select count(*) from activities where kind = 'call' and outcome = 'noanswer'")).toBe(40);
    expect(count(h, "select lost_reason from activities where kind = 'lost'") as unknown).toBe("Анализ причины провала");
    expect((await h.say(t.ivan, t.ivanChat, "/me")).text).toMatch(/звонки\s+120/);

    // A re-read from the start stores nothing twice.
    h.deps.repos.crm.dropCursors(conn, ["calls", "meetings", "deals"]);
    await syncConnection(h.deps, conn);
    expect(count(h, "select count(*) from activities where deleted_at is null")).toBe(120 + 1 + 1 + 2 + 1 + 1);

    // Outgoing events carry only ids: stored without their auth, they poke a reconcile.
    const health = () => ({ ok: true }) as unknown as HealthReport;
    const server: Server = createHttpServer({ logger: h.deps.logger, health, crm: crmWebhookRoutes(h.deps) });
    await new Promise<void>((res) => server.listen(0, "127.0.0.1", res));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/crm/bitrix24/${h.deps.repos.crm.connection(conn)!.hookSecret}`;
    const form = (domain: string) =>
      new URLSearchParams({
        event: "ONCRMDEALUPDATE",
        "data[FIELDS][ID]": "41",
        "auth[domain]": domain,
        "auth[application_token]": "tok",
        ts: "1",
      });
    expect((await fetch(url, { method: "POST", body: form("evil.bitrix24.ru") })).status).toBe(200);
    expect(count(h, "select count(*) from crm_hooks")).toBe(0);
    expect((await fetch(url, { method: "POST", body: form(b24.portal) })).status).toBe(200);
    expect(count(h, "select count(*) from crm_hooks where body like '%auth%'")).toBe(0);
    // Once the head gives the outgoing webhook's application token, events without it are ignored.
    expect((await h.say(t.head, t.headChat, "/crm token")).text).toContain("токен приложения");
    const tokenAfter = h.fake.mark();
    h.fake.sendText(t.head, t.headChat, "apptoken_0123456789");
    await h.fake.waitForMessage(t.headChat.id, (x) => x.includes("Сохранено"), { after: tokenAfter });
    expect(count(h, "select count(*) from crm_connections where hook_token like '%apptoken%'")).toBe(0);
    expect(count(h, "select count(*) from inbox where payload like '%apptoken_0123456789%'")).toBe(0);
    expect((await fetch(url, { method: "POST", body: form(b24.portal) })).status).toBe(200);
    expect(count(h, "select count(*) from crm_hooks")).toBe(1);
    const signed = form(b24.portal);
    signed.set("auth[application_token]", "apptoken_0123456789");
    expect((await fetch(url, { method: "POST", body: signed })).status).toBe(200);
    expect(count(h, "select count(*) from crm_hooks")).toBe(2);
    b24.deals.find((d) => d.ID === "41")!.OPPORTUNITY = "200000.00";
    b24.deals.find((d) => d.ID === "41")!.DATE_MODIFY = at(-5);
    await h.scheduler.runCrm(NOW + 1000);
    expect(count(h, "select amount_minor from activities where kind = 'deal' and deleted_at is null")).toBe(20_000_000);
    await new Promise<void>((res) => server.close(() => res()));
  });
});

async function connectB24(h: Harness, t: TeamFixture): Promise<number> {
  await h.say(t.head, t.headChat, "/crm connect bitrix24");
  const after = h.fake.mark();
  h.fake.sendText(t.head, t.headChat, b24.webhookUrl);
  await h.fake.waitForMessage(t.headChat.id, (x) => x.includes("Подключена"), { after, timeoutMs: 15_000 });
  await vi.waitFor(() => expect(count(h, "select count(*) from crm_connections where last_sync_at is not null")).toBe(1), {
    timeout: 20_000,
  });
  await syncsIdle();
  const conn = count(h, "select id from crm_connections");
  h.deps.repos.crm.mapUser(conn, "1", t.ivan.id, NOW);
  h.deps.repos.crm.mapUser(conn, "7", t.john.id, NOW);
  for (const kind of ["lead", "lost"]) await h.say(t.head, t.headChat, `/crm sources ${kind} crm`);
  await syncConnection(h.deps, conn);
  return conn;
}

describe("Bitrix24 deal deletions", () => {
  test("a deleted deal's entries are voided with audit rows, whether its ONCRMDEALDELETE hook arrives or is lost", async ({ h, t }) => {
    const conn = await connectB24(h, t);
    const live = (title: string) => count(h, "select count(*) from activities where client_name = ? and deleted_at is null", title);
    expect([live("Заказ 41"), live("Заказ 42"), live("Заказ 43")]).toEqual([2, 2, 1]);

    // Won deal 41 is deleted and no hook comes: the next reconcile finds it gone.
    b24.deleteDeal("41");
    await syncConnection(h.deps, conn);
    expect([live("Заказ 41"), live("Заказ 42"), live("Заказ 43")]).toEqual([0, 2, 1]);
    expect(count(h, "select count(*) from activities where kind = 'deal' and deleted_at is null")).toBe(0);
    expect(count(h, "select count(*) from entry_changes where action = 'void' and source = 'crm'")).toBe(2);
    expect(count(h, "select count(*) from crm_records where key like 'deal:41:%' and state <> 'voided'")).toBe(0);

    // Lost deal 42 is deleted and its ONCRMDEALDELETE hook (only the id) pokes a reconcile.
    const health = () => ({ ok: true }) as unknown as HealthReport;
    const server: Server = createHttpServer({ logger: h.deps.logger, health, crm: crmWebhookRoutes(h.deps) });
    await new Promise<void>((res) => server.listen(0, "127.0.0.1", res));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/crm/bitrix24/${h.deps.repos.crm.connection(conn)!.hookSecret}`;
    b24.deleteDeal("42");
    const hook = new URLSearchParams({ event: "ONCRMDEALDELETE", "data[FIELDS][ID]": "42", "auth[domain]": b24.portal, ts: "2" });
    expect((await fetch(url, { method: "POST", body: hook })).status).toBe(200);
    await h.scheduler.runCrm(NOW + 1000);
    await syncsIdle();
    expect([live("Заказ 41"), live("Заказ 42"), live("Заказ 43")]).toEqual([0, 0, 1]);
    expect(count(h, "select count(*) from entry_changes where action = 'void' and source = 'crm'")).toBe(4);
    await new Promise<void>((res) => server.close(() => res()));

    // Read again: nothing voided twice, nothing brought back; /feed shows the voids as from the CRM.
    h.deps.repos.crm.dropCursors(conn, ["calls", "meetings", "deals"]);
    await syncConnection(h.deps, conn);
    expect(count(h, "select count(*) from entry_changes where action = 'void' and source = 'crm'")).toBe(4);
    expect([live("Заказ 41"), live("Заказ 42"), live("Заказ 43")]).toEqual([0, 0, 1]);
    expect((await h.say(t.head, t.headChat, "/feed")).text).toContain("🔌 CRM");
  });
});
