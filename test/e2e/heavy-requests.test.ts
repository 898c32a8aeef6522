// Heavy work is bounded before it starts: a period (or a series) over the shared bound is refused
// with the right form before anything is read, and a member runs only a few heavy requests a minute.
import { afterEach, describe, expect, vi } from "vitest";
import { MAX_FILE_ENTRIES, MAX_REQUEST_ENTRIES } from "../../src/domain/period-bounds.js";
import { e2e } from "../support/e2e.js";
import { buttons, type Harness } from "../support/harness.js";
import { api, initDataFor, startWebApp, type WebServer } from "../support/miniapp.js";

/** Three heavy requests a minute; Wednesday 25.11.2026, 13:00 in Moscow. */
const limited = e2e.extend({ startAt: "2026-11-25T10:00:00Z", env: { HEAVY_REQUESTS_PER_MINUTE: "3" } });

// A test's web server (started where the test needs it) closes before its harness stops.
let web: WebServer | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await web?.close();
  web = undefined;
});

/** Every read of entries and business inputs: none may run for a refused request. */
function spyReads(harness: Harness) {
  const { entries, business } = harness.deps.repos;
  const spies = [
    vi.spyOn(entries, "activities"),
    vi.spyOn(entries, "timelines"),
    vi.spyOn(business, "inputs"),
    vi.spyOn(business, "wonDeals"),
  ];
  return { count: () => spies.reduce((n, s) => n + s.mock.calls.length, 0) };
}

const HUGE = "01.01.1970-31.12.9998";

describe("a period over the bound", () => {
  e2e("is refused before any read, with the bound and the right form, on every heavy command", async ({ h, t }) => {
    await h.say(t.ivan, t.ivanChat, "/deal 50000 Ромашка");
    const reads = spyReads(h);
    // Each command with the form it shows.
    for (const [command, form] of [
      [`/report dynamics ${HUGE}`, "/report dynamics|avgcheck"],
      [`/report ${HUGE}`, "/report [период]"],
      [`/report avgcheck ${HUGE}`, "/report [период]"],
      [`/report conversion ${HUGE}`, "/funnel [период]"],
      [`/funnel ${HUGE}`, "/funnel [период]"],
      [`/compare ${HUGE}`, "/compare [период]"],
      [`/export ${HUGE}`, "/export [период]"],
      [`/export summary ${HUGE} xlsx`, "/export summary [период]"],
      [`/top deals ${HUGE}`, "/top [fair|improved]"],
      [`/top improved deals ${HUGE}`, "/top [fair|improved]"],
      [`/me ${HUGE}`, "/me [сегодня|неделя|месяц]"],
      [`/flags ${HUGE}`, "/flags [период]"],
    ] as const) {
      const reply = await h.say(t.head, t.headChat, command);
      expect(reply.text, command).toContain("Слишком длинный период: не больше 10 лет.");
      expect(reply.text, command).toContain(form);
    }
    const en = await h.say(t.john, t.johnChat, `/report dynamics ${HUGE}`);
    expect(en.text).toContain("The period is too long: 10 years at most.");
    expect(en.text).toContain("/report dynamics|avgcheck");
    expect(reads.count()).toBe(0);
    // Ten calendar years are still fine.
    const decade = await h.say(t.head, t.headChat, "/report dynamics 01.01.2017-31.12.2026");
    expect(decade.text).toContain("Динамика продаж");
    expect(reads.count()).toBeGreaterThan(0);
  });

  e2e("refuses a day-by-day series longer than a table holds before reading, in a saved report too", async ({ h, t }) => {
    h.deps.repos.savedReports.save(
      h.deps.repos.teams.byChatId(t.group.id)!.id,
      "daily",
      { metrics: ["deals"], grouping: "day", period: "month", sort: null },
      t.head.id,
    );
    const reads = spyReads(h);
    const reply = await h.say(t.head, t.headChat, "/report daily year");
    expect(reply.text).toMatch(/Строк в отчёте за этот период: 36[56], а помещается не больше 121/);
    expect(reads.count()).toBe(0);
    expect((await h.say(t.head, t.headChat, "/report daily month")).text).toContain("daily");
  });

  e2e("is refused in the report builder as the period is picked, with the grouping already chosen", async ({ h, t }) => {
    const pick = await h.say(t.head, t.headChat, "/report new");
    const after = h.fake.mark();
    h.fake.clickButton(t.head, t.headChat, pick.call.response.result, "rb:m:deals");
    await h.fake.waitForCall((c) => c.method === "editMessageReplyMarkup", { after });
    const grouping = await h.tap(t.head, t.headChat, pick.call, "rb:done");
    await h.tap(t.head, t.headChat, grouping.call, "rb:g:day");
    const reads = spyReads(h);
    const byDay = await h.say(t.head, t.headChat, "year");
    expect(byDay.text).toMatch(/Строк в отчёте за этот период: 36[56], а помещается не больше 121/);
    const huge = await h.say(t.head, t.headChat, HUGE);
    expect(huge.text).toContain("Слишком длинный период: не больше 10 лет.");
    expect(reads.count()).toBe(0);
    const sort = await h.say(t.head, t.headChat, "month");
    expect(buttons(sort.call)).toContain("rb:s:deals");
  });

  e2e("refuses a period holding more entries than one request reads, counting them before reading any", async ({ h, t }) => {
    web = await startWebApp(h);
    await h.say(t.ivan, t.ivanChat, "/deal 50000 Ромашка");
    const reads = spyReads(h);
    // Counted on the index: say the team logged more in the year than one request reads.
    vi.spyOn(h.deps.repos.entries, "countInRange").mockReturnValue(MAX_REQUEST_ENTRIES + 1);
    const shown = (MAX_REQUEST_ENTRIES + 1).toLocaleString("ru-RU").replace(/\s/g, " ");
    const most = MAX_REQUEST_ENTRIES.toLocaleString("ru-RU").replace(/\s/g, " ");
    for (const [command, form] of [
      ["/report year", "/report [период]"],
      ["/report dynamics year", "/report dynamics|avgcheck"],
      ["/top improved deals month", "/top [fair|improved]"],
      ["/me year", "/me [сегодня|неделя|месяц]"],
    ] as const) {
      const reply = await h.say(t.head, t.headChat, command);
      expect(reply.text, command).toContain(`За этот период ${shown} запись, а один запрос читает не больше ${most}`);
      expect(reply.text, command).toContain(form);
    }
    const res = await api(web, "/app/api/team?period=year", initDataFor(t.head));
    expect(res.status).toBe(400);
    expect(res.body.error).toContain("а один запрос читает не больше");
    expect(reads.count()).toBe(0);
  });

  e2e("refuses an export whose file would hold more entries than one file holds, counting them before reading any", async ({ h, t }) => {
    await h.say(t.ivan, t.ivanChat, "/deal 50000 Ромашка");
    const reads = spyReads(h);
    // Counted on the index: say the team logged more than an xlsx file holds, fewer than a CSV does.
    const counted = vi.spyOn(h.deps.repos.entries, "countInRange").mockReturnValue(MAX_FILE_ENTRIES.xlsx + 1);
    const xlsx = await h.say(t.head, t.headChat, "/export year xlsx");
    expect(xlsx.text).toContain(`а в один файл помещается не больше ${MAX_FILE_ENTRIES.xlsx.toLocaleString("ru-RU").replace(/\s/g, " ")}`);
    expect(xlsx.text).toContain("/export [период]");
    expect(counted).toHaveBeenCalled();
    expect(reads.count()).toBe(0);
    const after = h.fake.mark();
    h.fake.sendText(t.head, t.headChat, "/export year");
    const csv = await h.fake.waitForCall((c) => c.method === "sendDocument" && c.response.ok, { after });
    expect(csv.payload["document"].filename).toMatch(/^kpi-entries-.*\.csv$/);
  });

  e2e("answers a concurrent /help while the huge request is refused", async ({ h, t }) => {
    const reads = spyReads(h);
    const after = h.fake.mark();
    h.fake.sendText(t.head, t.headChat, `/report dynamics ${HUGE}`);
    h.fake.sendText(t.ivan, t.ivanChat, "/help");
    const [refusal, help] = await Promise.all([
      h.fake.waitForMessage(t.head.id, undefined, { after }),
      h.fake.waitForMessage(t.ivan.id, undefined, { after }),
    ]);
    expect(String(refusal.payload["text"])).toContain("Слишком длинный период");
    expect(String(help.payload["text"]).length).toBeGreaterThan(100);
    expect(reads.count()).toBe(0);
  });

  e2e("is refused by the Mini App API before any read", async ({ h, t }) => {
    web = await startWebApp(h);
    const reads = spyReads(h);
    for (const path of ["team", "person", "leaderboard"]) {
      const res = await api(web, `/app/api/${path}?period=${encodeURIComponent(HUGE)}`, initDataFor(t.head));
      expect(res.status, path).toBe(400);
      expect(res.body.error, path).toContain("Слишком длинный период: не больше 10 лет.");
    }
    expect(reads.count()).toBe(0);
    expect((await api(web, "/app/api/team?period=year", initDataFor(t.head))).status).toBe(200);
  });
});

describe("a member's heavy requests", () => {
  limited(
    "are limited to a few a minute, with a clear answer; cheap commands and other people are not held back",
    async ({ h, clock, t }) => {
      for (const command of ["/top", "/compare", "/funnel"]) expect((await h.say(t.head, t.headChat, command)).text).not.toContain("⏳");
      const reads = spyReads(h);
      const held = await h.say(t.head, t.headChat, "/report dynamics");
      expect(held.text).toBe("⏳ Не больше 3 тяжёлых запросов (отчёты, рейтинги, выгрузки) в минуту. Повторите через 60 секунд.");
      expect(reads.count()).toBe(0);
      // Cheap commands still answer; another member has their own allowance.
      expect((await h.say(t.head, t.headChat, "/help")).text).not.toContain("⏳");
      expect((await h.say(t.head, t.headChat, "/call Ромашка")).text).not.toContain("⏳");
      expect((await h.say(t.john, t.johnChat, "/top")).text).not.toContain("⏳");
      // The Mini App draws on the same allowance.
      web = await startWebApp(h);
      const res = await api(web, "/app/api/team?period=month", initDataFor(t.head, { authDate: Math.floor(clock.now / 1000) }));
      expect(res.status).toBe(429);
      expect(res.body.error).toContain("Не больше 3 тяжёлых запросов");
      clock.now += 20_000;
      expect((await h.say(t.head, t.headChat, "/compare")).text).toContain("через 40 секунд");
      // A minute after the first one, one more is allowed.
      clock.now += 40_000;
      expect((await h.say(t.head, t.headChat, "/top")).text).not.toContain("⏳");
      const en = await startEnglishBurst(h, t.john);
      expect(en).toBe("⏳ At most 3 heavy requests (reports, rankings, exports) a minute. Try again in 60 seconds.");
    },
  );
});

/** John's earlier one is over a minute old: three pass and the fourth is held. */
async function startEnglishBurst(harness: Harness, john: Parameters<Harness["say"]>[0]): Promise<string> {
  const chat = harness.fake.privateChat(john);
  for (let i = 0; i < 3; i++) expect((await harness.say(john, chat, "/top")).text).not.toContain("⏳");
  return (await harness.say(john, chat, "/top")).text;
}
