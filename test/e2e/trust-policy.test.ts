// Who sees what, enumerated: every metric × every surface × every viewer × every chat,
// end to end through the fake Bot API and the Mini App's HTTP API. The metrics come
// from the metric list and the commands from the registered command menu, so a new
// metric or a new command is covered (or must be classified) without a line here.
// The expectation is the trust policy itself: whatever it withholds from an audience
// must not appear in anything that audience receives (texts, captions, files, JSON).
import ExcelJS from "exceljs";
import type { Chat, User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerCommandMenu } from "../../src/bot/commands-menu.js";
import { LOCALES } from "../../src/domain/locales.js";
import { METRIC_KEYS, type MetricKey, metricsOn } from "../../src/domain/metrics.js";
import {
  type Audience,
  type Field,
  HEAD_PRIVATE,
  mayShowField,
  mayShowMetric,
  OTHER_TEAM,
  PUBLIC_PAGE,
  type Whose,
} from "../../src/domain/trust-policy.js";
import { messages } from "../../src/presentation/i18n/index.js";
import type { RecordedCall } from "../fake-telegram/index.js";
import { type Clock, type Harness, startHarness, visibleText } from "../support/harness.js";
import { api, initDataFor, startWebApp, type WebServer } from "../support/miniapp.js";
import { setUpTeam, type TeamFixture } from "../support/team.js";

const NOTE = "ЗАМЕТКА-ТОЛЬКО-ДЛЯ-РУКОВОДИТЕЛЕЙ";

/** What gives a figure away in a reply: a metric's label or column title in either language. */
function metricMarks(key: MetricKey): string[] {
  return LOCALES.flatMap((l) => [messages[l].metric[key].label, messages[l].metric[key].short]).filter((w) => w.length >= 3);
}

/** What gives a field away, and whose it is to the viewer: the note's text, the bonus column of this month. */
const FIELD_MARKS: Partial<Record<Field, { marks: string[]; whose: Whose }>> = {
  coach_notes: { marks: [NOTE], whose: "other" },
  // Everyone is shown at most their own bonus (a manager's export has their own row only).
  bonus: { marks: LOCALES.map((l) => messages[l].csv.bonus("11.2026")), whose: "self" },
};

/** Everything withheld from `audience`: the marks that must not reach it. */
function forbiddenFor(audience: Audience): { what: string; mark: string }[] {
  const out: { what: string; mark: string }[] = [];
  for (const key of METRIC_KEYS)
    if (!mayShowMetric(key, audience)) for (const mark of metricMarks(key)) out.push({ what: `metric ${key}`, mark });
  for (const [field, { marks, whose }] of Object.entries(FIELD_MARKS) as [Field, { marks: string[]; whose: Whose }][])
    if (!mayShowField(field, audience, whose)) for (const mark of marks) out.push({ what: `field ${field}`, mark });
  return out;
}

function expectNothingWithheld(text: string, audience: Audience, where: string): void {
  const lower = text.toLowerCase();
  for (const { what, mark } of forbiddenFor(audience)) {
    expect(lower.includes(mark.toLowerCase()), `${where}: ${what} ("${mark}") reached ${audience.role} in ${audience.channel}`).toBe(false);
  }
}

let h: Harness;
let t: TeamFixture;
let clock: Clock;
let web: WebServer;
let headB: User;
let groupB: Chat;
let stranger: User;

interface Viewer {
  name: string;
  user: () => User;
  chat: () => Chat;
  audience: Audience;
}

const VIEWERS: Viewer[] = [
  { name: "head in private", user: () => t.head, chat: () => t.headChat, audience: HEAD_PRIVATE },
  { name: "head in the group", user: () => t.head, chat: () => t.group, audience: { role: "head", channel: "team_group" } },
  { name: "manager in private", user: () => t.ivan, chat: () => t.ivanChat, audience: { role: "manager", channel: "private" } },
  { name: "manager in the group", user: () => t.ivan, chat: () => t.group, audience: { role: "manager", channel: "team_group" } },
  // Another team's head sees this team only through the league; in this team's group they are a stranger.
  { name: "another team's head in their group", user: () => headB, chat: () => groupB, audience: OTHER_TEAM },
  {
    name: "another team's head in this group",
    user: () => headB,
    chat: () => t.group,
    audience: { role: "stranger", channel: "other_group" },
  },
  { name: "stranger in the group", user: () => stranger, chat: () => t.group, audience: { role: "stranger", channel: "other_group" } },
];

/**
 * The commands that show figures, each with the metric-free form and, where the reader
 * picks a metric, the form per metric (every metric the command's surface offers).
 */
const FIGURE_COMMANDS: Record<
  string,
  { plain?: string[]; perMetric?: { surface: Parameters<typeof metricsOn>[0]; form: (m: string) => string } }
> = {
  me: { plain: ["/me month"] },
  report: { plain: ["/report month", "/report всё", "/report dynamics"] },
  reports: { plain: ["/reports"] },
  compare: { plain: ["/compare month"], perMetric: { surface: "compare", form: (m) => `/compare month by ${m}` } },
  top: { perMetric: { surface: "top", form: (m) => `/top ${m} month` } },
  league: { perMetric: { surface: "top", form: (m) => `/league ${m} month` } },
  contest: { perMetric: { surface: "top", form: (m) => `/contest new Тест-${m} ${m} 23.11 27.11` } },
  plan: { plain: ["/plan"] },
  summary: { plain: ["/summary"] },
  export: { plain: ["/export summary month", "/export summary month xlsx"] },
  coach: { plain: ["/coach @ivan", "/coach"] },
  bonus: { plain: ["/bonus"] },
  inputs: { plain: ["/inputs"] },
  flags: { plain: ["/flags"] },
  clients: { plain: ["/clients"] },
  feed: { plain: ["/feed"] },
  contests: { plain: ["/contests"] },
  dashboard: { plain: ["/dashboard"] },
};

/** Commands that show no figure of anyone (logging, settings, help, membership, training). */
const NO_FIGURES = new Set([
  "start",
  "help",
  "setup",
  "join",
  "invite",
  "promote",
  "demote",
  "remove",
  "log",
  "call",
  "meeting",
  "proposal",
  "presentation",
  "lead",
  "deal",
  "lost",
  "undo",
  "edit",
  "void",
  "import",
  "funnel",
  "badges",
  "settings",
  "kb",
  "quiz",
  "learn",
  "note",
  "program",
  "tv",
  "aliases",
  "crm",
]);

/** Sends a command and collects everything the bot sent to that chat in answer (texts, captions, files). */
async function answerTo(user: User, chat: Chat, text: string): Promise<RecordedCall[]> {
  const start = h.fake.mark();
  h.fake.sendText(user, chat, text);
  await h.fake.waitForMessage(chat.id, undefined, { after: start });
  // Updates from one chat are handled in order: once /help is answered, the command is done.
  const sentinel = h.fake.mark();
  h.fake.sendText(user, chat, "/help");
  const help = await h.fake.waitForCall(
    (c) =>
      c.method === "sendMessage" &&
      c.payload["chat_id"] === chat.id &&
      LOCALES.some((l) => String(c.payload["text"] ?? "").startsWith(messages[l].help.title)) &&
      c.response.ok,
    { after: sentinel },
  );
  return h.fake.messagesTo(chat.id).filter((c) => {
    const i = h.fake.calls.indexOf(c);
    return i >= start && i < h.fake.calls.indexOf(help) && c !== help;
  });
}

async function contentOf(call: RecordedCall): Promise<string> {
  const parts = [visibleText(call)];
  const doc = call.payload["document"] as { bytes?: Buffer; filename?: string } | undefined;
  if (doc?.bytes) {
    if (doc.filename?.endsWith(".xlsx")) {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(doc.bytes as unknown as ArrayBuffer);
      book.eachSheet((sheet) => sheet.eachRow((row) => parts.push((row.values as unknown[]).map((v) => String(v ?? "")).join(";"))));
    } else parts.push(doc.bytes.toString("utf8"));
  }
  return parts.join("\n");
}

beforeAll(async () => {
  clock = { now: Date.parse("2026-10-15T09:00:00Z") };
  // Rich messages on, as in production: the policy must hold in native tables too.
  h = await startHarness({ clock, env: { MINIAPP_URL: "https://kpi.example/app", RICH_MESSAGES: "auto" } });
  t = await setUpTeam(h);
  web = await startWebApp(h);
  // Deals over two months (customers, repeat), calls, and every input the business metrics need.
  await h.say(t.ivan, t.ivanChat, "/deal 100k Acme");
  clock.now = Date.parse("2026-11-10T09:00:00Z");
  await h.say(t.ivan, t.ivanChat, "/deal 200k Acme");
  await h.say(t.ivan, t.ivanChat, "/deal 100k Beta");
  await h.say(t.ivan, t.ivanChat, "/call встреча Beta");
  await h.say(t.john, t.johnChat, "/deal 400k Gamma");
  for (const cmd of [
    "/inputs market 10m",
    "/inputs margin 30%",
    "/inputs costs @ivan 50k",
    "/inputs costs @john 100k",
    "/inputs overhead 60k",
  ])
    expect((await h.say(t.head, t.headChat, cmd)).text).toMatch(/^✅ /);
  clock.now = Date.parse("2026-11-20T09:00:00Z");
  // A plan on every metric plans take (team-wide and for each manager), a saved report of every metric, a note, a bonus rule.
  const team = h.deps.repos.teams.byChatId(t.group.id)!;
  const insert = h.deps.db.$client.prepare(
    "insert into plans (team_id, metric, value, period, scope, user_id, created_by) values (?, ?, 1, 'month', ?, null, ?)",
  );
  for (const m of metricsOn("plan")) for (const scope of ["team", "each"]) insert.run(team.id, m, scope, t.head.id);
  h.deps.repos.savedReports.save(
    team.id,
    "всё",
    { metrics: metricsOn("builder"), grouping: "manager", period: "month", sort: null },
    t.head.id,
  );
  expect((await h.say(t.head, t.headChat, `/note @ivan ${NOTE}`)).text).toMatch(/Иван/);
  expect((await h.say(t.head, t.headChat, "/bonus add over_plan 5%")).text).toMatch(/✅/);
  // Another team in a league with this one; a stranger in this team's group.
  headB = h.fake.user(200, { first_name: "Борис", username: "boris", language_code: "ru" });
  groupB = h.fake.group(-2002, "Отдел Б");
  h.fake.setChatMember(groupB.id, headB.id, "creator");
  await h.say(headB, groupB, "/setup");
  const league = await h.say(t.head, t.headChat, "/league create Лига");
  const code = /\b([A-Z0-9]{6,})\b/.exec(league.text)?.[1];
  expect(code, league.text).toBeTruthy();
  await h.say(headB, h.fake.privateChat(headB), `/league join ${code}`);
  stranger = h.fake.user(300, { first_name: "Чужой", username: "alien", language_code: "ru" });
});

afterAll(async () => {
  await web.close();
  await h.stop();
  await h.fake.close();
});

describe("who sees what: the trust policy, enumerated", () => {
  it("classifies every registered command: it shows figures (and is enumerated below) or shows none", async () => {
    await registerCommandMenu(h.bot.api, "ru");
    const scopes = [{ type: "all_private_chats" }, { type: "all_group_chats" }, { type: "all_chat_administrators" }] as const;
    const commands = new Set<string>();
    for (const scope of scopes) for (const c of await h.bot.api.getMyCommands({ scope })) commands.add(c.command);
    const unclassified = [...commands].filter((c) => !(c in FIGURE_COMMANDS) && !NO_FIGURES.has(c));
    expect(unclassified).toEqual([]);
  });

  for (const viewer of VIEWERS) {
    it(`withholds from the ${viewer.name} what the policy withholds (every figure command, every metric)`, async () => {
      for (const [command, spec] of Object.entries(FIGURE_COMMANDS)) {
        const forms = [
          ...(spec.plain ?? []),
          ...(spec.perMetric ? metricsOn(spec.perMetric.surface).map((m) => spec.perMetric!.form(m)) : []),
        ];
        // A league shows every team's figures to every team: read as another team would.
        const audience = command === "league" ? OTHER_TEAM : viewer.audience;
        for (const form of forms) {
          for (const call of await answerTo(viewer.user(), viewer.chat(), form)) {
            // An answer only the asker sees (an ephemeral message in the group) is read as such,
            // and must be addressed to the asker: nobody else may receive it.
            const ephemeral = call.payload["ephemeral_message_parameters"] as { receiver_user_id?: number } | undefined;
            if (ephemeral) expect(ephemeral.receiver_user_id, `${form}: ephemeral answer to someone else`).toBe(viewer.user().id);
            const reader: Audience = ephemeral && command !== "league" ? { role: audience.role, channel: "ephemeral" } : audience;
            expectNothingWithheld(await contentOf(call), reader, `${form} (${call.method})`);
          }
        }
      }
    }, 240_000);
  }

  it("shows a head in private what it withholds elsewhere (the checks above can see a leak)", async () => {
    const seen = async (form: string) =>
      (await Promise.all((await answerTo(t.head, t.headChat, form)).map(contentOf))).join("\n").toLowerCase();
    const head = (["cac", "sales_margin", "payback_months"] as const).filter(
      (m) => !mayShowMetric(m, { role: "manager", channel: "team_group" }),
    );
    expect(head.length).toBeGreaterThan(0);
    for (const form of ["/report month", "/compare month", "/export summary month", "/export summary month xlsx"]) {
      const text = await seen(form);
      for (const m of head)
        expect(
          metricMarks(m).some((mark) => text.includes(mark.toLowerCase())),
          `${form} shows ${m}`,
        ).toBe(true);
    }
    expect(await seen("/coach @ivan")).toContain(NOTE.toLowerCase());
    expect(await seen("/top cac month")).toContain(messages.ru.metric.cac.label.toLowerCase());
  }, 60_000);

  it("scheduled posts follow it: the group's copy of every post is read as the group, the head's as the head", async () => {
    const start = h.fake.mark();
    // Monday 09:00 in Moscow: the morning summary, the weekly podium and the league post are due.
    clock.now = Date.parse("2026-11-23T06:00:00Z");
    expect(await h.scheduler.runDue()).toBeGreaterThan(0);
    const posts = h.fake.calls
      .slice(start)
      .filter((c) => ["sendMessage", "sendRichMessage", "sendPhoto", "sendDocument"].includes(c.method));
    expect(posts.some((c) => c.payload["chat_id"] === t.group.id)).toBe(true);
    // The summary and the podium went as native tables, and were read like any other post.
    expect(posts.some((c) => c.method === "sendRichMessage" && c.payload["chat_id"] === t.group.id)).toBe(true);
    for (const call of posts) {
      const to = call.payload["chat_id"];
      const audience: Audience =
        to === t.headChat.id ? HEAD_PRIVATE : to === t.group.id ? { role: "manager", channel: "team_group" } : OTHER_TEAM;
      expectNothingWithheld(await contentOf(call), audience, `scheduled ${call.method} to ${to}`);
    }
    clock.now = Date.parse("2026-11-20T09:00:00Z");
  }, 60_000);

  it("the Mini App's JSON follows the same policy for heads and managers, and the TV page carries no user ids", async () => {
    for (const [user, role] of [
      [t.head, "head"],
      [t.ivan, "manager"],
    ] as const) {
      const audience: Audience = { role, channel: "private" };
      const init = initDataFor(user, { authDate: Math.floor(clock.now / 1000) });
      const paths = ["/app/api/session", "/app/api/person?period=month", "/app/api/leaderboard?period=month"];
      if (role === "head") paths.push("/app/api/team?period=month", `/app/api/coach?user=${t.ivan.id}`);
      for (const m of METRIC_KEYS) paths.push(`/app/api/person?period=month&metric=${m}`);
      if (role === "head") for (const m of METRIC_KEYS) paths.push(`/app/api/team?period=month&metric=${m}`);
      for (const path of paths) {
        const r = await api(web, path, init);
        const metric = /metric=(\w+)/.exec(path)?.[1] as MetricKey | undefined;
        if (metric && !mayShowMetric(metric, audience)) {
          expect(r.status, path).toBe(403);
          continue;
        }
        expect(r.status, `${path}: ${JSON.stringify(r.body)}`).toBe(200);
        const json = JSON.stringify(r.body);
        expectNothingWithheld(json, audience, `${role} ${path}`);
        for (const key of METRIC_KEYS.filter((k) => !mayShowMetric(k, audience)))
          expect(json.includes(`"${key}"`), `${role} ${path} carries ${key}`).toBe(false);
      }
    }
    const tv = await h.say(t.head, t.headChat, "/tv");
    const token = /\/tv\/([A-Za-z0-9_-]{16,64})/.exec(JSON.stringify(tv.call.payload))?.[1];
    expect(token, tv.text).toBeTruthy();
    // The board with every part on it: a deal today, a running contest, and (below) a plan on each metric.
    await h.say(t.ivan, t.ivanChat, "/deal 75k Дельта");
    expect((await h.say(t.head, t.headChat, "/contest new Табло сделки 20.11 30.11")).text).toContain("Табло");
    // A running contest on a heads' metric (stored before the policy made it one) ends sooner: the board must skip it.
    const team = h.deps.repos.teams.byChatId(t.group.id)!;
    const head = (["sales_margin", "cac", "payback_months"] as const).find((m) => !mayShowMetric(m, PUBLIC_PAGE))!;
    h.deps.repos.contests.create(
      {
        teamId: team.id,
        name: "Скрытый",
        nameKey: "скрытый",
        metric: head,
        kind: "individual",
        startDate: "2026-11-20",
        endDate: "2026-11-21",
        startAt: Date.parse("2026-11-19T21:00:00Z"),
        endAt: Date.parse("2026-11-21T21:00:00Z"),
        prize: "",
        createdBy: t.head.id,
      },
      [],
    );
    const readBoard = async (what: string, idsByText = true) => {
      clock.now += 5_000; // a board built for this read, not the one a link shares for 5 s
      const board = await fetch(`${web.origin}/tv/api/${token}`);
      expect(board.status).toBe(200);
      const json = await board.text();
      expectNothingWithheld(json, PUBLIC_PAGE, `the TV page (${what})`);
      expect(json).not.toMatch(/userId|"id"/);
      // No id anywhere, in a value or inside a text; a bar's width or a place may equal one by chance (100 %).
      const parsed = JSON.parse(json);
      const rest = JSON.stringify(parsed, (key, v) => (["pct", "due", "place"].includes(key) && typeof v === "number" ? undefined : v));
      if (idsByText) for (const u of [t.head, t.ivan, t.john]) expect(rest, what).not.toContain(String(u.id));
      return parsed;
    };
    const all = await readBoard("every plan");
    expect(all.deals.rows.length).toBeGreaterThan(0);
    expect(all.contest.title).toContain("Табло");
    expect(all.plans.rows.length).toBeGreaterThan(0);
    // One metric's plans at a time: the board shows that plan or, where the policy withholds it, none.
    const plans = h.deps.db.$client;
    for (const m of metricsOn("plan")) {
      plans.prepare("delete from plans where team_id = ?").run(team.id);
      const insert = plans.prepare(
        "insert into plans (team_id, metric, value, period, scope, user_id, created_by) values (?, ?, 1, 'month', ?, null, ?)",
      );
      for (const scope of ["team", "each"]) insert.run(team.id, m, scope, t.head.id);
      // Figures such as "100%" may read like an id here: the ids were checked on the full board above.
      const board = await readBoard(`a plan on ${m}`, false);
      if (!mayShowMetric(m, PUBLIC_PAGE)) expect(board.plans, m).toBeNull();
    }
  }, 120_000);
});
