import { describe, expect } from "vitest";
import { e2e } from "../support/e2e.js";
import { type Harness, visibleText } from "../support/harness.js";
import { count } from "../support/team.js";

/** The e2e test with the fake clock starting at `iso`. */
const startingAt = (iso: string) => e2e.extend({ startAt: iso });

const sent = (h: Harness, chatId: number, method = "sendMessage") =>
  h.fake.calls.filter((c) => c.method === method && c.payload["chat_id"] === chatId && c.response.ok);
const texts = (h: Harness, chatId: number) => sent(h, chatId).map(visibleText);

describe("scheduled posts", () => {
  // Wednesday 13:00 in Moscow
  startingAt("2026-11-25T10:00:00Z")(
    "posts the morning summary at 09:00 local to the head and the group, with a chart, once — also after a restart",
    async ({ h, at, t }) => {
      for (const c of ["/call встреча Ромашка", "/call", "/deal 100 000 Ромашка"]) await h.say(t.ivan, t.ivanChat, c);
      await h.say(t.head, t.headChat, "/plan calls 20 day");

      at("2026-11-26T05:59:00Z"); // Thursday 08:59
      expect(await h.scheduler.runDue()).toBe(0);
      at("2026-11-26T06:00:00Z"); // 09:00
      expect(await h.scheduler.runDue()).toBe(4);
      const head = texts(h, t.headChat.id).at(-1)!;
      expect(head).toMatch(/^☀️ Доброе утро, Отдел продаж! Итоги за 25\.11/);
      // Numbers two spaces apart: activity and results continue in a second table rather than widen one.
      expect(head).toMatch(/Иван\s+2\/20\s+0\n/);
      expect(head).toMatch(/Иван\s+1\s+100\sтыс\.\n/);
      const html = String(sent(h, t.headChat.id).at(-1)!.payload["text"]);
      const tableLines = [...html.matchAll(/<pre>([\s\S]*?)<\/pre>/g)].flatMap((m) => m[1]!.split("\n"));
      expect(tableLines.length).toBeGreaterThan(3);
      for (const line of tableLines) expect(Array.from(line).length).toBeLessThanOrEqual(36);
      expect(head).toMatch(/John\s+0\/20\s+0\n/);
      expect(head).toMatch(/John\s+0\s+0\n/);
      expect(head).toContain("🏆 Лучший вчера: Иван — сделки: 1, 100 000 ₽");
      expect(head).toContain("😴 Ничего не записали: John");
      expect(head).toContain("Месяц на сегодня · ноябрь 2026");
      expect(texts(h, t.group.id).at(-1)).toContain("Доброе утро");
      const photos = [...sent(h, t.headChat.id, "sendPhoto"), ...sent(h, t.group.id, "sendPhoto")];
      expect(photos).toHaveLength(2);
      expect(photos[0]!.payload["photo"].bytes.subarray(1, 4).toString()).toBe("PNG");

      expect(await h.scheduler.runDue()).toBe(0);
      at("2026-11-26T08:00:00Z"); // 11:00, the summary's window is still open
      await h.restart();
      expect(await h.scheduler.start()).toBe(0);
      expect(texts(h, t.group.id).filter((x) => x.includes("Доброе утро"))).toHaveLength(1);
      expect(h.fake.stats().duplicates).toBe(0);
      expect(count(h, "select count(*) from posts where kind = 'summary' and status = 'sent'")).toBe(2);
    },
  );

  // Thursday 10:30 in Moscow
  startingAt("2026-11-26T07:30:00Z")(
    "catches up a missed post at start-up only while its window is open, east and west of UTC",
    async ({ h, at, t }) => {
      const vlad = h.fake.group(-2002, "Восток");
      h.fake.setChatMember(vlad.id, t.head.id, "administrator");
      await h.say(t.head, vlad, "/setup");
      const set = await h.say(t.head, vlad, "/settings timezone Asia/Vladivostok");
      expect(set.text).toContain("Часовой пояс: Asia/Vladivostok");
      const la = h.fake.group(-3003, "West");
      h.fake.setChatMember(la.id, t.head.id, "administrator");
      await h.say(t.head, la, "/setup");
      await h.say(t.head, la, "/settings timezone America/Los_Angeles");

      // Moscow 10:30: summary still due; Vladivostok 17:30: window closed; LA 23:30 the day before.
      // Moscow's summary: text + chart to the head and to the group.
      expect(await h.scheduler.start()).toBe(4);
      expect(texts(h, t.group.id).some((x) => x.includes("Доброе утро"))).toBe(true);
      expect(texts(h, vlad.id).some((x) => x.includes("Доброе утро"))).toBe(false);
      expect(texts(h, la.id).some((x) => x.includes("Доброе утро"))).toBe(false);

      at("2026-11-26T08:30:00Z"); // Vladivostok 18:30
      await h.scheduler.runDue();
      expect(texts(h, vlad.id).at(-1)).toMatch(/^🏁 Рейтинг дня · Восток · сделки/);
      at("2026-11-26T17:00:00Z"); // Los Angeles 09:00
      await h.scheduler.runDue();
      expect(texts(h, la.id).filter((x) => x.includes("Доброе утро"))).toHaveLength(1);
      expect(texts(h, la.id).at(-1)).toContain("Итоги за 25.11");
    },
  );

  startingAt("2026-11-26T05:00:00Z")("applies /settings changes: a later summary time, and refuses bad values", async ({ h, at, t }) => {
    const bad = await h.say(t.head, t.headChat, "/settings summary 25:00");
    expect(bad.text).toContain("«25:00» — недопустимое значение для summary");
    const tz = await h.say(t.head, t.group, "/settings timezone Mars/Base");
    expect(tz.text).toContain("недопустимое значение для timezone");
    const unknown = await h.say(t.head, t.group, "/settings colour blue");
    expect(unknown.text).toContain("Неизвестная настройка «colour»");
    const manager = await h.say(t.john, t.johnChat, "/settings summary 10:00");
    expect(manager.text).toContain("Team settings are for heads");
    expect((await h.say(t.head, t.headChat, "/settings summary 10:00")).text).toContain("Утренняя сводка: 10:00");
    expect(h.scheduler.jobsOf(1)).toContain("team-1-summary");

    at("2026-11-26T06:30:00Z"); // 09:30
    await h.scheduler.runDue();
    expect(texts(h, t.group.id).some((x) => x.includes("Доброе утро"))).toBe(false);
    at("2026-11-26T07:00:00Z"); // 10:00
    await h.scheduler.runDue();
    expect(texts(h, t.group.id).filter((x) => x.includes("Доброе утро"))).toHaveLength(1);

    // Toggling a post off with the inline button.
    const panel = await h.say(t.head, t.headChat, "/settings");
    const edited = h.fake.mark();
    h.fake.clickButton(t.head, t.headChat, panel.call.response.result, "set:t:evening");
    const edit = await h.fake.waitForCall((c) => c.method === "editMessageText", { after: edited });
    expect(visibleText(edit)).toContain("Рейтинг дня: 18:30 → в группу (выкл)");
    at("2026-11-26T15:30:00Z"); // 18:30
    await h.scheduler.runDue();
    expect(texts(h, t.group.id).some((x) => x.includes("Рейтинг дня"))).toBe(false);
  });

  // Wednesday 10:00
  startingAt("2026-11-25T07:00:00Z")(
    "nudges idle managers at 18:00 (unless they opted out) and alerts owners of waiting leads once a day",
    async ({ h, at, t }) => {
      await h.say(t.john, t.johnChat, "/lead Acme");
      expect((await h.say(t.john, t.johnChat, "/settings nudge off")).text).toBe("✅ Saved.");
      at("2026-11-26T10:00:00Z"); // Thursday 13:00: Acme has waited 27 h
      await h.say(t.head, t.headChat, "/call Кто-то");
      await h.scheduler.runDue();
      expect(texts(h, t.johnChat.id).at(-1)).toBe("⏰ Lead Acme has been waiting for a first contact for over 24 h.");
      expect(count(h, "select count(*) from alerts")).toBe(1);
      at("2026-11-26T11:00:00Z");
      await h.scheduler.runDue();
      expect(texts(h, t.johnChat.id).filter((x) => x.includes("Acme has been waiting"))).toHaveLength(1);

      at("2026-11-26T15:00:00Z"); // 18:00
      await h.scheduler.runDue();
      expect(texts(h, t.ivanChat.id).at(-1)).toMatch(/^👋 Иван, сегодня ещё ничего не записано/);
      expect(texts(h, t.johnChat.id).some((x) => x.includes("nothing is logged"))).toBe(false);
      expect(texts(h, t.headChat.id).some((x) => x.includes("ничего не записано"))).toBe(false);
      // The next morning's summary lists the alert for the head.
      at("2026-11-27T06:00:00Z");
      await h.scheduler.runDue();
      expect(texts(h, t.headChat.id).at(-1)).toContain("Сигналы воронки\n• ⏰ Лид Acme ждёт первого контакта больше 24 ч.");
    },
  );

  // Thursday 10:00
  startingAt("2026-11-26T07:00:00Z")(
    "posts a conversion drop at a stage to the group, naming the stage, once a day",
    async ({ h, at, t }) => {
      const log = (kind: "lead" | "call" | "lost", client: string, iso: string) =>
        h.deps.repos.entries.log({
          teamId: 1,
          userId: t.ivan.id,
          kind,
          outcome: kind === "call" ? "reached" : null,
          amountMinor: null,
          clientName: client,
          lostReason: kind === "lost" ? "дорого" : null,
          occurredAt: Date.parse(iso),
          sourceUpdateId: null,
        });
      // The four weeks before: 12 of 20 new leads qualified (60 %). This week: 2 of 10 (20 %).
      for (let i = 0; i < 20; i++) {
        log("lead", `Old ${i}`, "2026-11-03T08:00:00Z");
        log(i < 12 ? "call" : "lost", `Old ${i}`, `2026-11-${String(4 + (i % 15)).padStart(2, "0")}T09:00:00Z`);
      }
      for (let i = 0; i < 10; i++) {
        log("lead", `New ${i}`, "2026-11-23T08:00:00Z");
        log(i < 2 ? "call" : "lost", `New ${i}`, "2026-11-25T09:00:00Z");
      }
      await h.scheduler.runDue();
      expect(texts(h, t.group.id).at(-1)).toBe(
        "📉 Больше всего лидов теряем на этапе новый: 60% → 20% на этой неделе (среднее за 4 недели → сейчас).",
      );
      at("2026-11-26T08:00:00Z");
      await h.scheduler.runDue();
      expect(texts(h, t.group.id).filter((x) => x.startsWith("📉"))).toHaveLength(1);
    },
  );

  // Tuesday
  startingAt("2026-11-24T08:00:00Z")("posts last week's podium on Monday with a chart; ties share a place", async ({ h, at, t }) => {
    await h.say(t.ivan, t.ivanChat, "/deal 100k A1");
    await h.say(t.john, t.johnChat, "/deal 200k B1");
    at("2026-11-30T06:05:00Z"); // Monday 09:05
    await h.scheduler.runDue();
    const podium = texts(h, t.group.id).find((x) => x.startsWith("🏆 Пьедестал прошлой недели"))!;
    expect(podium).toContain("🥇 1. John — 1\n🥇 1. Иван — 1");
    expect(sent(h, t.group.id, "sendPhoto").some((c) => String(c.payload["caption"]).startsWith("🏆 Отдел продаж"))).toBe(true);
  });

  startingAt("2026-11-26T05:00:00Z")(
    "survives Telegram's answers: 429 retried, a blocked group reported to the head, a migrated group followed",
    async ({ h, at, t }) => {
      const other = h.fake.group(-4004, "Север");
      h.fake.setChatMember(other.id, t.head.id, "creator");
      await h.say(t.head, other, "/setup");
      h.fake.blockChat(t.group.id);
      h.fake.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } });
      at("2026-11-26T06:00:00Z");
      // Both teams run at once. Отдел продаж: the head's text + chart (its group is blocked);
      // Север has no managers yet, so no chart: text to the head and to its group.
      expect(await h.scheduler.runDue()).toBe(4);
      expect(texts(h, other.id).filter((x) => x.includes("Доброе утро"))).toHaveLength(1);
      // The 429 was waited out and the message went through.
      expect(h.fake.stats().rejected429).toBe(1);
      expect(texts(h, t.headChat.id).filter((x) => x.includes("Доброе утро"))).toHaveLength(2);
      expect(texts(h, t.headChat.id).filter((x) => x.includes("Я больше не могу писать в группу команды Отдел продаж"))).toHaveLength(1);
      expect(count(h, "select count(*) from teams where chat_unreachable_at is not null")).toBe(1);
      expect(count(h, "select count(*) from posts where status = 'failed'")).toBe(1);

      h.fake.migrateChat(other.id, -1004004);
      at("2026-11-26T15:30:00Z");
      await h.scheduler.runDue();
      expect(texts(h, -1004004).some((x) => x.startsWith("🏁 Рейтинг дня"))).toBe(true);
      expect(count(h, "select count(*) from teams where chat_id = -1004004")).toBe(1);
    },
    30_000,
  );
});

describe("forum topics", () => {
  startingAt("2026-11-26T05:00:00Z")("posts into the forum topic chosen with /settings topic here", async ({ h, at, t }) => {
    const after = h.fake.mark();
    h.fake.sendText(t.head, t.group, "/settings topic here", { message_thread_id: 42 });
    await h.fake.waitForMessage(t.group.id, (text) => text.includes("Тема форума: 42"), { after });
    at("2026-11-26T06:00:00Z");
    await h.scheduler.runDue();
    const posts = sent(h, t.group.id).filter((c) => visibleText(c).includes("Доброе утро"));
    expect(posts).toHaveLength(1);
    expect(posts[0]!.payload["message_thread_id"]).toBe(42);
    expect(sent(h, t.group.id, "sendPhoto").at(-1)!.payload["message_thread_id"]).toBe(42);
  });
});

describe("/summary and /top", () => {
  startingAt("2026-11-26T08:00:00Z")(
    "gives the head the summary now with its chart, and ranks the team in both languages",
    async ({ h, t }) => {
      await h.say(t.ivan, t.ivanChat, "/deal 100k A");
      await h.say(t.john, t.johnChat, "/deal 300k B");
      await h.say(t.john, t.johnChat, "/call");
      const summary = await h.sayWithPhoto(t.head, t.group, "/summary");
      expect(summary.text).toContain("Доброе утро, Отдел продаж!");
      expect(summary.photo.payload["chat_id"]).toBe(t.group.id);
      expect((await h.say(t.john, t.johnChat, "/summary")).text).toBe("Only a head of sales can use /summary.");

      const ru = await h.say(t.ivan, t.group, "/top");
      expect(ru.text).toBe("🏆 Топ: сделки · ноябрь 2026\n🥇 1. John — 1\n🥇 1. Иван — 1");
      const en = await h.say(t.john, t.johnChat, "/top revenue today");
      expect(en.text).toBe("🏆 Top by revenue · today, 26.11\n🥇 1. John — 300 000 ₽\n🥈 2. Иван — 100 000 ₽");
      const calls = await h.say(t.john, t.johnChat, "/top звонки неделя");
      expect(calls.text).toContain("🥇 1. John — 1\n🥈 2. Иван — 0");
      const bad = await h.say(t.john, t.johnChat, "/top happiness");
      expect(bad.text).toContain("Unknown metric “happiness”.");
      expect(bad.text).toContain("calls (звонки), meetings (встречи)");
    },
  );
});
