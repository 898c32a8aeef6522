// amoCRM end to end: a head connects with a long-lived token, maps people and stages,
// and a day of CRM activity shows up in /me and /report, exactly once, whatever is
// re-read; edits and deletions in the CRM become corrections and voids.

import { beforeEach, describe, expect, vi } from "vitest";
import { syncConnection, syncsIdle } from "../../src/crm/sync.js";
import { HEAD_PRIVATE } from "../../src/domain/trust-policy.js";
import { renderMorningSummary } from "../../src/presentation/views/morning-summary-view.js";
import { buildMorningSummary } from "../../src/services/morning-summary.js";
import { type FakeAmo, startFakeAmo } from "../fake-crm/amocrm.js";
import { e2e } from "../support/e2e.js";
import { buttons, type Harness, type Reply } from "../support/harness.js";
import { count, liveActivities, type TeamFixture } from "../support/team.js";

const START = "2026-12-15T09:00:00Z"; // 12:00 in Moscow
const NOW = Date.parse(START);
const test = e2e.extend({
  startAt: START,
  env: { CRM_ALLOW_INSECURE: "1", CRM_SECRET_KEY: "test-key-for-the-crm-e2e-suite-0001", PUBLIC_URL: "https://kpi.example.com" },
});

let amo: FakeAmo;
const TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLW9mLXRoZS1sb25nLWxpdmVk";
/** Unix seconds `min` minutes before the test's now. */
const ago = (min: number) => Math.floor(NOW / 1000) - min * 60;

function seedDay(a: FakeAmo): void {
  a.users.push(
    { id: 501, name: "Иван Петров", email: "ivan@romashka.ru" },
    { id: 502, name: "John Smith", email: "john@romashka.ru" },
    { id: 503, name: "Мария Новая", email: "maria@romashka.ru" },
  );
  const note = (id: number, user: number, min: number, duration: number, call_status?: number) =>
    a.notes.push({
      id,
      entity: id % 2 ? "leads" : "contacts",
      entity_id: 9000 + id,
      responsible_user_id: user,
      created_by: user,
      note_type: id % 3 ? "call_out" : "call_in",
      created_at: ago(min),
      updated_at: ago(min),
      params: { uniq: `u-${id}`, duration, call_status, phone: "+79990000000", source: "tel", link: "" },
    });
  note(1, 501, 180, 95, 4); // reached
  note(2, 501, 170, 0, 6); // not reached
  note(3, 501, 160, 40); // lasted: reached
  note(4, 502, 150, 0); // no answer
  note(5, 503, 140, 60, 4); // unmapped user
  note(6, 503, 130, 30, 4);
  // Last month: before the first sync's history, never counted.
  note(7, 501, 60 * 24 * 20, 50, 4);
  // A reached call on lead 802's card: its client is the lead.
  a.notes.push({
    id: 9,
    entity: "leads",
    entity_id: 802,
    responsible_user_id: 501,
    created_by: 501,
    note_type: "call_out",
    created_at: ago(85),
    updated_at: ago(85),
    params: { uniq: "u-9", duration: 120, call_status: 4, phone: "+79990000001", source: "tel", link: "" },
  });
  const lead = (id: number, user: number, status: number, price: number, created: number, updated: number, loss?: string) =>
    a.leads.push({
      id,
      name: `Сделка ${id}`,
      price,
      responsible_user_id: user,
      status_id: status,
      pipeline_id: 7,
      created_at: ago(created),
      updated_at: ago(updated),
      closed_at: status === 142 || status === 143 ? ago(updated) : null,
      ...(loss ? { loss_reason: loss } : {}),
    });
  lead(801, 501, 142, 150_000, 300, 100); // new today and won: a lead and a deal
  lead(802, 501, 72, 0, 290, 90); // at "КП отправлено"
  lead(803, 502, 143, 0, 280, 80, "Дорого"); // lost with a reason
  a.tasks.push({ id: 601, responsible_user_id: 502, task_type_id: 2, is_completed: true, updated_at: ago(70), complete_till: ago(60) });
}

async function connect(h: Harness, t: TeamFixture): Promise<Reply> {
  expect((await h.say(t.head, t.headChat, "/crm connect amocrm")).text).toContain("адрес аккаунта");
  expect((await h.say(t.head, t.headChat, amo.origin)).text).toContain("долгосрочный токен");
  const after = h.fake.mark();
  h.fake.sendText(t.head, t.headChat, TOKEN);
  const reply = await waitText(h, t.headChat.id, /Подключена|❌/, after);
  // The first sync starts in the background right after the answer: let it finish.
  if (reply.text.includes("Подключена"))
    await vi.waitFor(() => expect(count(h, "select count(*) from crm_connections where last_sync_at is not null")).toBe(1), {
      timeout: 20_000,
    });
  await syncsIdle();
  return reply;
}

async function waitText(h: Harness, chatId: number, re: RegExp, after: number): Promise<Reply> {
  const call = await h.fake.waitForMessage(chatId, (text) => re.test(text), { after, timeoutMs: 15_000 });
  return { text: String(call.payload["text"]), call };
}

beforeEach(async ({ onTestFinished }) => {
  amo = await startFakeAmo({ rateLimit: 0 });
  // Closed after the test's harness has stopped (fixtures are torn down first): no sync finds the account gone.
  onTestFinished(() => amo.close());
  amo.longLived.add(TOKEN);
  seedDay(amo);
});

describe("amoCRM with a long-lived token", () => {
  test("connects, maps people, counts the CRM's day once in /me and /report; the token is never shown or kept in plain", async ({
    h,
    t,
  }) => {
    const done = await connect(h, t);
    expect(done.text).toContain("amoCRM (Kommo)");
    expect(done.text).toContain("ООО Ромашка");
    expect(done.text).toMatch(/https:\/\/kpi\.example\.com\/crm\/amocrm\/[A-Za-z0-9_-]{20,}/);
    // The bot registered that address as the account's webhook.
    expect(amo.webhooks.map((w) => w.destination)).toEqual([expect.stringMatching(/^https:\/\/kpi\.example\.com\/crm\/amocrm\//)]);
    // The token: not echoed, its message deleted, redacted in the stored update, sealed at rest.
    const all = h.fake.calls.map((c) => JSON.stringify(c.payload)).join("\n");
    expect(all).not.toContain(TOKEN.slice(0, 40));
    expect(h.fake.calls.some((c) => c.method === "deleteMessage" && c.payload["chat_id"] === t.headChat.id)).toBe(true);
    expect(count(h, "select count(*) from inbox where payload like ?", `%${TOKEN.slice(0, 30)}%`)).toBe(0);
    expect(count(h, "select count(*) from crm_connections where credentials like ?", `%${TOKEN.slice(0, 30)}%`)).toBe(0);
    expect(count(h, "select count(*) from conversation_state where value like ?", `%${TOKEN.slice(0, 30)}%`)).toBe(0);

    // Nobody is mapped yet: everything waits.
    const conn = count(h, "select id from crm_connections");
    await syncConnection(h.deps, conn);
    expect(liveActivities(h)).toBe(0);
    expect(count(h, "select count(*) from crm_records where state = 'unassigned'")).toBeGreaterThan(0);

    const users = await h.say(t.head, t.headChat, "/crm users");
    expect(users.text).toContain("Иван Петров → Иван (@ivan)?");
    expect(users.text).toContain("John Smith → John (@john)?");
    expect(users.text).toContain("Мария Новая → никто");
    const confirmIvan = buttons(users.call).find((b) => b === `crm:u:${conn}:501:${t.ivan.id}`)!;
    expect((await h.tap(t.head, t.headChat, users.call, confirmIvan)).text).toMatch(
      /Иван Петров → Иван \(@ivan\)\. Засчитано ожидавших: \d+/,
    );
    await h.tap(t.head, t.headChat, users.call, `crm:u:${conn}:502:${t.john.id}`);

    // Calls and deals come from the CRM by default; leads, losses and proposals too once the head says so.
    for (const kind of ["lead", "lost", "proposal", "meeting"]) await h.say(t.head, t.headChat, `/crm sources ${kind} crm`);
    const stages = await h.say(t.head, t.headChat, "/crm stages");
    expect(stages.text).toContain("Продажи · Успешно реализовано → успех (сделка)");
    const kp = count(h, "select id from crm_stages where stage_id = '72'");
    // none → meeting → presentation → proposal
    for (let i = 0; i < 3; i++) await h.tap(t.head, t.headChat, stages.call, `crm:s:${conn}:${kp}`);
    expect(count(h, "select target from crm_stages where stage_id = '72'") as unknown).toBe("proposal");

    const sync = await waitAfter(h, t, () => h.fake.sendText(t.head, t.headChat, "/crm sync"), /Готово/);
    expect(sync.text).toMatch(/Готово: новых записей \d+/);

    // Иван: 4 calls (3 reached), lead 801 new + won 150 000 ₽, lead 802 new + proposal. John: 1 call, lead 803 new + lost, a meeting.
    const kinds = (user: number) =>
      h.deps.db.$client
        .prepare(
          "select kind, count(*) n, sum(coalesce(amount_minor,0)) amount from activities where user_id = ? and deleted_at is null group by kind order by kind",
        )
        .all(user);
    expect(kinds(t.ivan.id)).toEqual([
      { kind: "call", n: 4, amount: 0 },
      { kind: "deal", n: 1, amount: 15_000_000 },
      { kind: "lead", n: 2, amount: 0 },
      { kind: "proposal", n: 1, amount: 0 },
    ]);
    expect(kinds(t.john.id)).toEqual([
      { kind: "call", n: 1, amount: 0 },
      { kind: "lead", n: 1, amount: 0 },
      { kind: "lost", n: 1, amount: 0 },
      { kind: "meeting", n: 1, amount: 0 },
    ]);
    expect(count(h, "select count(*) from activities where kind = 'call' and outcome = 'noanswer'")).toBe(2);
    expect(count(h, "select lost_reason from activities where kind = 'lost'") as unknown).toBe("Дорого");
    expect(count(h, "select stage from leads where client_name = 'Сделка 801'") as unknown).toBe("won");
    expect(count(h, "select count(*) from activities where kind = 'call' and client_name = 'Сделка 802'")).toBe(1);
    // Counted at the CRM's own time.
    expect(count(h, "select occurred_at from activities where kind = 'deal'")).toBe(ago(100) * 1000);

    const team = h.deps.repos.teams.byId(h.deps.repos.crm.connection(conn)!.teamId)!;
    // The next morning's summary counts the CRM's day the same way.
    const morning = renderMorningSummary(buildMorningSummary(h.deps, team, NOW + 86_400_000), "ru", HEAD_PRIVATE).html;
    // Calls and meetings, then deals and revenue (the day table continues below).
    expect(morning).toMatch(/John\s+1\s+1\n/);
    expect(morning).toMatch(/Иван\s+4\s+0\n/);
    expect(morning).toMatch(/John\s+0\s+0\n/);
    expect(morning).toMatch(/Иван\s+1\s+150\sтыс\.\n/);
    expect(morning).not.toContain("CRM: не синхронизировалась");
    const me = (await h.say(t.ivan, t.ivanChat, "/me")).text;
    expect(me).toMatch(/звонки\s+4/);
    expect(me).toMatch(/выручка\s+150 000 ₽/);
    const report = (await h.say(t.head, t.headChat, "/report")).text;
    expect(report).toMatch(/Иван\s+1\s+150 тыс\.\s+150 тыс\./);

    // Re-reading everything (cursors reset) and syncing again store nothing twice.
    const before = liveActivities(h);
    h.deps.repos.crm.dropCursors(conn, ["notes:leads", "notes:contacts", "leads", "moves", "tasks", "deleted"]);
    await syncConnection(h.deps, conn);
    await syncConnection(h.deps, conn);
    expect(liveActivities(h)).toBe(before);

    // Мария's calls wait, and count once she is mapped (to the head here).
    expect(count(h, "select count(*) from crm_records where crm_user_id = '503' and state = 'unassigned'")).toBe(2);
    const status = (await h.say(t.head, t.headChat, "/crm")).text;
    expect(status).toContain("Ждут сопоставления человека: 2 записи");
    expect(status).toMatch(/Последняя синхронизация: 15\.12\.2026 12:00/);
    const pick = await h.tap(t.head, t.headChat, users.call, `crm:c:${conn}:503`);
    expect(pick.text).toContain("Кто в команде Мария Новая?");
    const mapped = await h.tap(t.head, t.headChat, pick.call, `crm:u:${conn}:503:${t.head.id}`);
    expect(mapped.text).toContain("Засчитано ожидавших: 2 записи");
    expect(count(h, "select count(*) from activities where user_id = ? and kind = 'call' and deleted_at is null", t.head.id)).toBe(2);

    // Disconnect: syncing stops, the webhook registration goes, what was counted stays.
    const counted = liveActivities(h);
    expect((await h.say(t.head, t.headChat, "/crm disconnect amocrm")).text).toContain("amoCRM (Kommo) отключена");
    expect(amo.webhooks).toEqual([]);
    amo.notes[0]!.updated_at = ago(-10);
    await h.scheduler.runCrm(NOW + 3_600_000);
    expect(liveActivities(h)).toBe(counted);
    expect((await h.say(t.head, t.headChat, "/crm")).text).toContain("CRM не подключена");
  });

  test("a record edited in the CRM is corrected, a deleted lead voided, each with an audit row from the CRM", async ({ h, clock, t }) => {
    await connect(h, t);
    const conn = count(h, "select id from crm_connections");
    await syncConnection(h.deps, conn);
    h.deps.repos.crm.mapUser(conn, "501", t.ivan.id, NOW);
    await syncConnection(h.deps, conn);
    expect(count(h, "select amount_minor from activities where kind = 'deal' and deleted_at is null")).toBe(15_000_000);
    clock.now += 3_600_000;
    // The deal's amount changes; a call's result changes; lead 801 is deleted later.
    const lead = amo.leads.find((l) => l.id === 801)!;
    Object.assign(lead, { price: 120_000, updated_at: ago(-30) });
    const n = amo.notes.find((x) => x.id === 2)!;
    Object.assign(n, { updated_at: ago(-30), params: { ...n.params, duration: 61, call_status: 4 } });
    await syncConnection(h.deps, conn);
    expect(count(h, "select amount_minor from activities where kind = 'deal' and deleted_at is null")).toBe(12_000_000);
    expect(count(h, "select count(*) from activities where kind = 'call' and outcome = 'noanswer' and deleted_at is null")).toBe(0);
    expect(count(h, "select count(*) from entry_changes where action = 'correct' and source = 'crm'")).toBe(2);

    amo.leads = amo.leads.filter((l) => l.id !== 801);
    amo.events.push({ id: "ev1", type: "lead_deleted", entity_id: 801, entity_type: "lead", created_at: ago(-40) });
    await syncConnection(h.deps, conn);
    expect(
      count(h, "select count(*) from activities where kind in ('deal', 'lead') and client_name = 'Сделка 801' and deleted_at is null"),
    ).toBe(0);
    // The deal is voided; the lead's "new" entry was never stored (leads come from chat here).
    expect(count(h, "select count(*) from entry_changes where action = 'void' and source = 'crm'")).toBe(1);
    const feed = (await h.say(t.head, t.headChat, "/feed")).text;
    expect(feed).toContain("🔌 CRM");
  });

  test("every move through a mapped stage counts once from the events log, dated by the move, even if the lead moved on before the next read", async ({
    h,
    t,
  }) => {
    await connect(h, t);
    const conn = count(h, "select id from crm_connections");
    h.deps.repos.crm.mapUser(conn, "501", t.ivan.id, NOW);
    await h.say(t.head, t.headChat, "/crm sources proposal crm");
    const stages = await h.say(t.head, t.headChat, "/crm stages");
    const kp = count(h, "select id from crm_stages where stage_id = '72'");
    for (let i = 0; i < 3; i++) await h.tap(t.head, t.headChat, stages.call, `crm:s:${conn}:${kp}`);
    // Lead 804 passes through "КП отправлено" at 00:30 in Moscow (still yesterday in UTC) and is won.
    const midnightMsk = Date.parse("2026-12-14T21:00:00Z") / 1000;
    const lead = (id: number) =>
      amo.leads.push({
        id,
        name: `Сделка ${id}`,
        price: 90_000,
        responsible_user_id: 501,
        status_id: 70,
        pipeline_id: 7,
        created_at: midnightMsk + 60,
        updated_at: midnightMsk + 60,
        closed_at: null,
      });
    lead(804);
    amo.moveLead(804, 72, midnightMsk + 30 * 60);
    amo.moveLead(804, 142, ago(120));
    await syncConnection(h.deps, conn);
    const proposals = () =>
      h.deps.db.$client
        .prepare(
          "select client_name c, occurred_at t from activities where kind = 'proposal' and deleted_at is null order by client_name, occurred_at",
        )
        .all() as { c: string; t: number }[];
    // Lead 802 sits at "КП отправлено" since its move; 804 went through it.
    expect(proposals()).toEqual([
      { c: "Сделка 802", t: ago(90) * 1000 },
      { c: "Сделка 804", t: (midnightMsk + 30 * 60) * 1000 },
    ]);

    // Between two reads: lead 805 gets there and goes back; lead 802 goes back and returns (a second proposal).
    lead(805);
    amo.moveLead(805, 72, ago(40));
    amo.moveLead(805, 70, ago(30));
    amo.moveLead(802, 71, ago(25));
    amo.moveLead(802, 72, ago(15));
    await syncConnection(h.deps, conn);
    const expected = [
      { c: "Сделка 802", t: ago(90) * 1000 },
      { c: "Сделка 802", t: ago(15) * 1000 },
      { c: "Сделка 804", t: (midnightMsk + 30 * 60) * 1000 },
      { c: "Сделка 805", t: ago(40) * 1000 },
    ];
    expect(proposals()).toEqual(expected);
    expect(count(h, "select amount_minor from activities where kind = 'deal' and client_name = 'Сделка 804'")).toBe(9_000_000);
    // Today in the team's zone (Moscow) holds all four, the one at 00:30 included.
    expect((await h.say(t.head, t.headChat, "/crm")).text).toMatch(/КП отправлено[^\d]*4/);

    // Re-reading everything from the start stores nothing twice.
    h.deps.repos.crm.dropCursors(conn, ["notes:leads", "notes:contacts", "leads", "moves", "tasks", "deleted"]);
    await syncConnection(h.deps, conn);
    await syncConnection(h.deps, conn);
    expect(proposals()).toEqual(expected);

    // Deleting lead 805 takes its proposal back, with an audit row from the CRM.
    amo.leads = amo.leads.filter((l) => l.id !== 805);
    amo.events.push({ id: "ev805", type: "lead_deleted", entity_id: 805, entity_type: "lead", created_at: ago(5) });
    await syncConnection(h.deps, conn);
    expect(proposals().map((p) => p.c)).toEqual(["Сделка 802", "Сделка 802", "Сделка 804"]);
    expect(count(h, "select count(*) from entry_changes where action = 'void' and source = 'crm'")).toBe(1);
  });

  test("a proposal counted before moves came from the events log is taken over by its move, not counted again", async ({ h, t }) => {
    await connect(h, t);
    const conn = count(h, "select id from crm_connections");
    h.deps.repos.crm.mapUser(conn, "501", t.ivan.id, NOW);
    await h.say(t.head, t.headChat, "/crm sources proposal crm");
    const stages = await h.say(t.head, t.headChat, "/crm stages");
    const kp = count(h, "select id from crm_stages where stage_id = '72'");
    for (let i = 0; i < 3; i++) await h.tap(t.head, t.headChat, stages.call, `crm:s:${conn}:${kp}`);
    await syncConnection(h.deps, conn);
    // The ledger as the earlier version wrote it: lead 802's stage under `lead:802:proposal`.
    h.deps.db.$client.prepare("update crm_records set key = 'lead:802:proposal' where key like 'lead:802:move:%'").run();
    h.deps.repos.crm.dropCursors(conn, ["leads", "moves"]);
    await syncConnection(h.deps, conn);
    expect(count(h, "select count(*) from activities where kind = 'proposal' and deleted_at is null")).toBe(1);
    expect(count(h, "select count(*) from crm_records where key like 'lead:802:%' and kind = 'proposal'")).toBe(1);
    expect(count(h, "select count(*) from crm_records where key like 'lead:802:move:%' and state = 'recorded'")).toBe(1);
  });

  test("a stage remapped while a sync runs still re-reads the leads with the new meaning", async ({ h, t }) => {
    await connect(h, t);
    const conn = count(h, "select id from crm_connections");
    h.deps.repos.crm.mapUser(conn, "501", t.ivan.id, NOW);
    await h.say(t.head, t.headChat, "/crm sources proposal crm");
    amo.delayMs = 150;
    const running = syncConnection(h.deps, conn);
    // Remap "КП отправлено" to proposal while the sync is reading.
    await new Promise((r) => setTimeout(r, 200));
    const stages = await h.say(t.head, t.headChat, "/crm stages");
    const kp = count(h, "select id from crm_stages where stage_id = '72'");
    for (let i = 0; i < 3; i++) await h.tap(t.head, t.headChat, stages.call, `crm:s:${conn}:${kp}`);
    await running;
    amo.delayMs = 0;
    await syncConnection(h.deps, conn);
    expect(count(h, "select count(*) from activities where kind = 'proposal' and client_name = 'Сделка 802' and deleted_at is null")).toBe(
      1,
    );
  });

  test("survives 429/503 answers and a page-limited rate; a manager can neither see nor run /crm", async ({ h, t }) => {
    amo.rateLimit = 7;
    amo.failNext.push(429, 503, 429);
    await connect(h, t);
    const conn = count(h, "select id from crm_connections");
    await syncConnection(h.deps, conn);
    h.deps.repos.crm.mapUser(conn, "501", t.ivan.id, NOW);
    const r = await syncConnection(h.deps, conn);
    expect(r.ok).toBe(true);
    expect(count(h, "select count(*) from activities where kind = 'call' and deleted_at is null")).toBe(4);
    expect((await h.say(t.ivan, t.ivanChat, "/crm")).text).toMatch(/только руководителю/);
    expect((await h.say(t.head, t.group, "/crm")).text).toContain("в личку");
  });

  test("a chat entry of a kind that comes from the CRM is refused (counted once), and a secret typed outside a flow is not read", async ({
    h,
    t,
  }) => {
    await connect(h, t);
    const call = (await h.say(t.ivan, t.ivanChat, "/call Acme")).text;
    expect(call).toContain("записывается из CRM");
    expect(count(h, "select count(*) from activities")).toBe(0);
    // Meetings still come from chat.
    expect((await h.say(t.ivan, t.ivanChat, "/meeting Acme")).text).not.toContain("CRM");
    const secret = "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2";
    const answer = (await h.say(t.head, t.headChat, secret)).text;
    expect(answer).toContain("не читал");
    expect(answer).not.toContain(secret);
    expect(count(h, "select count(*) from inbox where payload like ?", `%${secret}%`)).toBe(0);
  });
});

async function waitAfter(h: Harness, t: TeamFixture, act: () => void, re: RegExp): Promise<Reply> {
  const after = h.fake.mark();
  act();
  return waitText(h, t.headChat.id, re, after);
}
