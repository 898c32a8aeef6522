import { describe, expect } from "vitest";
import type { Harness } from "../support/harness.js";
import { api, e2eWeb, initDataFor, MINIAPP_URL } from "../support/miniapp.js";
import { count, liveActivities, type TeamFixture } from "../support/team.js";

let keys = 0;
/** A fresh submission key, as the page makes one per entry. */
const nextKey = () => ++keys;

/** Ivan: 3 calls (one booked a meeting), 2 deals (100k, 300k), a lost lead; John: a 50k deal. */
async function seed(h: Harness, t: TeamFixture): Promise<void> {
  for (const c of [
    "/lead Ромашка",
    "/call встреча Ромашка",
    "/call",
    "/call недозвон",
    "/deal 100 000 Ромашка",
    "/deal 300k Вектор",
    "/lead Сигма",
    "/lost Сигма — дорого",
  ])
    await h.say(t.ivan, t.ivanChat, c);
  await h.say(t.john, t.johnChat, "/deal 50k Acme");
}

const cellOf = (
  body: { compare: { metrics: { key: string }[]; rows: { userId: number; cells: { text: string }[] }[] } },
  userId: number,
  key: string,
) => {
  const i = body.compare.metrics.findIndex((m) => m.key === key);
  return body.compare.rows.find((r) => r.userId === userId)!.cells[i]!.text.replace(/[\u00A0\u202F]/g, " ");
};

describe("mini app API: auth", () => {
  e2eWeb("answers 401 to missing, forged, another bot's and expired initData, 403 outside a team", async ({ h, t, web }) => {
    await seed(h, t);
    const head = initDataFor(t.head);
    expect((await api(web, "/app/api/session", head)).status).toBe(200);
    const missing = await api(web, "/app/api/team", null);
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual({ error: expect.stringMatching(/Telegram/) });
    // A manager's signature with the head's id pasted in.
    const forged = initDataFor(t.ivan).replace(encodeURIComponent(`"id":${t.ivan.id}`), encodeURIComponent(`"id":${t.head.id}`));
    expect(forged).not.toBe(initDataFor(t.ivan));
    expect((await api(web, "/app/api/team", forged)).status).toBe(401);
    expect((await api(web, "/app/api/team", initDataFor(t.head, { token: "999999:ANOTHER-bot-token-abcdefghij" }))).status).toBe(401);
    const dayAgo = Math.floor(Date.now() / 1000) - 24 * 3600 - 60;
    const expired = await api(web, "/app/api/team", initDataFor(t.head, { authDate: dayAgo }));
    expect(expired.status).toBe(401);
    expect(expired.body.compare).toBeUndefined();
    const stranger = h.fake.user(555, { first_name: "Eve", language_code: "en" });
    const outside = await api(web, "/app/api/session", initDataFor(stranger));
    expect(outside.status).toBe(403);
    expect(outside.body.error).toBe("You are not in a team yet.");
  });

  e2eWeb("keeps managers to their own numbers: team data and another manager's details are 403", async ({ h, t, web }) => {
    await seed(h, t);
    const ivan = initDataFor(t.ivan);
    const team = await api(web, "/app/api/team?period=month", ivan);
    expect(team.status).toBe(403);
    expect(team.body.compare).toBeUndefined();
    expect((await api(web, `/app/api/person?user=${t.john.id}`, ivan)).status).toBe(403);
    const own = await api(web, `/app/api/person?user=${t.ivan.id}&period=month`, ivan);
    expect(own.status).toBe(200);
    expect(own.body.kpis.find((k: { key: string }) => k.key === "deals").text).toBe("2");
    // A head cannot reach someone outside the team either.
    expect((await api(web, "/app/api/person?user=555", initDataFor(t.head))).status).toBe(403);
  });

  e2eWeb("answers 400 with a message to malformed parameters", async ({ t, web }) => {
    const head = initDataFor(t.head);
    const period = await api(web, "/app/api/team?period=fortnight", head);
    expect(period.status).toBe(400);
    expect(period.body.error).toContain("«fortnight» — не период");
    const metric = await api(web, "/app/api/team?metric=happiness", head);
    expect(metric.status).toBe(400);
    expect(metric.body.error).toContain("«happiness» — не метрика");
    expect((await api(web, "/app/api/person?user=abc", head)).status).toBe(400);
    expect((await api(web, "/app/api/nothing", head)).status).toBe(404);
  });
});

describe("mini app API: numbers", () => {
  e2eWeb("shows the head the same numbers as /report, and a period switch changes them", async ({ h, t, web }) => {
    await seed(h, t);
    const report = (await h.say(t.head, t.headChat, "/report month")).text;
    const head = initDataFor(t.head);
    const month = await api(web, "/app/api/team?period=month", head);
    expect(month.status).toBe(200);
    expect(cellOf(month.body, t.ivan.id, "deals")).toBe("2");
    expect(cellOf(month.body, t.john.id, "deals")).toBe("1");
    const revenue = month.body.kpis.find((k: { key: string }) => k.key === "revenue").text.replace(/[\u00A0\u202F]/g, " ");
    expect(revenue).toBe("450 тыс. ₽");
    // The tiles come in the article's groups, each metric in its own.
    expect(month.body.kpiGroups).toEqual([
      { key: "activity", label: "Активность" },
      { key: "results", label: "Результаты" },
      { key: "business", label: "Бизнес" },
    ]);
    const groupOf = (key: string) => month.body.kpis.find((k: { key: string }) => k.key === key)?.group;
    expect(["calls", "meetings", "deals", "revenue", "market_share", "cac", "churn"].map(groupOf)).toEqual([
      "activity",
      "activity",
      "results",
      "results",
      "business",
      "business",
      "business",
    ]);
    // /report's results table: "Итого <deals> <revenue> …" — the same totals.
    const totals = /Результат[\s\S]*?\nИтого\s+(\d+)\s+(\d+ тыс\.)/.exec(report.replace(/[\u00A0\u202F]/g, " "))!;
    expect(month.body.kpis.find((k: { key: string }) => k.key === "deals").text).toBe(totals[1]);
    expect(revenue).toBe(`${totals[2]} ₽`);
    expect(month.body.funnel.steps[0]).toMatchObject({ stage: "new", reached: 4, lost: 1 });
    expect(month.body.funnel.steps.find((s: { stage: string }) => s.stage === "new").reasons[0]).toContain("дорого");
    expect(month.body.leaderboard.rows[0]).toMatchObject({ place: 1, name: "Иван" });
    expect(month.body.trend.values.filter((v: number | null) => v !== null && v > 0).length).toBeGreaterThan(0);
    const last = await api(web, "/app/api/team?period=lastmonth", head);
    expect(cellOf(last.body, t.ivan.id, "deals")).toBe("0");
    // Drill-down: a head sees a manager's numbers and feed.
    const ivan = await api(web, `/app/api/person?user=${t.ivan.id}&period=month`, head);
    expect(ivan.body.recent[0].text).toContain("Отказ");
    expect(ivan.body.recent).toHaveLength(8);
  });

  e2eWeb("counts a form submission sent twice (its answer lost) once, and refuses one without its key", async ({ h, t, web }) => {
    const ivan = initDataFor(t.ivan);
    const before = liveActivities(h);
    const body = JSON.stringify({ key: 4_503_599_627_370_495, kind: "deal", amount: "40k", client: "Вега" });
    const first = await api(web, "/app/api/log", ivan, { method: "POST", body });
    expect(first.status).toBe(200);
    const again = await api(web, "/app/api/log", ivan, { method: "POST", body });
    expect(again.status).toBe(200);
    expect(again.body.text).toBe("Эта запись уже учтена, ничего не добавлено.");
    expect(liveActivities(h)).toBe(before + 1);
    // Another submission (another key) with the same fields is another deal.
    const other = await api(web, "/app/api/log", ivan, { method: "POST", body: body.replace("4503599627370495", "17") });
    expect(other.status).toBe(200);
    expect(liveActivities(h)).toBe(before + 2);
    for (const key of [undefined, 0, -5, 1.5, "17", 2 ** 53]) {
      const bad = await api(web, "/app/api/log", ivan, { method: "POST", body: JSON.stringify({ key, kind: "call" }) });
      expect(bad.status).toBe(400);
      expect(bad.body.error).toBe("Форма устарела: обновите страницу и отправьте запись ещё раз.");
    }
    expect(liveActivities(h)).toBe(before + 2);
  });

  e2eWeb("logs from the quick form through the command's validation, visible in /me", async ({ h, t, web }) => {
    const ivan = initDataFor(t.ivan);
    const before = liveActivities(h);
    const bad = await api(web, "/app/api/log", ivan, {
      method: "POST",
      body: JSON.stringify({ key: nextKey(), kind: "deal", amount: "lots", client: "Acme" }),
    });
    expect(bad.status).toBe(400);
    const command = (await h.say(t.ivan, t.ivanChat, "/deal lots Acme")).text;
    expect(bad.body.error).toBe(command);
    expect((await api(web, "/app/api/log", ivan, { method: "POST", body: JSON.stringify({ key: nextKey(), kind: "lost" }) })).status).toBe(
      400,
    );
    expect((await api(web, "/app/api/log", ivan, { method: "POST", body: JSON.stringify({ key: nextKey(), kind: "bribe" }) })).status).toBe(
      400,
    );
    const notJson = await api(web, "/app/api/log", ivan, { method: "POST", body: "not json" });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error).toBe("Тело запроса должно быть JSON-объектом.");
    const outcome = await api(web, "/app/api/log", ivan, {
      method: "POST",
      body: JSON.stringify({ key: nextKey(), kind: "call", outcome: "maybe" }),
    });
    expect(outcome.status).toBe(400);
    expect(outcome.body.error).toMatch(/^Итог звонка — один из: .*недозвон/);
    const huge = await api(web, "/app/api/log", ivan, {
      method: "POST",
      body: JSON.stringify({ key: nextKey(), kind: "call", client: "x".repeat(5000) }),
    });
    expect(huge.status).toBe(413);
    expect(huge.body.error).toBe("Слишком большой запрос.");
    expect(liveActivities(h)).toBe(before);
    const ok = await api(web, "/app/api/log", ivan, {
      method: "POST",
      body: JSON.stringify({ key: nextKey(), kind: "deal", amount: "75k", client: "Acme" }),
    });
    expect(ok.status).toBe(200);
    expect(ok.body.text.replace(/[\u00A0\u202F]/g, " ")).toContain("75 000 ₽");
    expect(liveActivities(h)).toBe(before + 1);
    const me = (await h.say(t.ivan, t.ivanChat, "/me")).text;
    expect(me).toMatch(/сделки:? 1\b|сделки\s+1/i);
  });
});

describe("/dashboard and /tv", () => {
  e2eWeb("opens the dashboard with a web_app button and sets the chat's menu button", async ({ h, t }) => {
    const reply = await h.say(t.ivan, t.ivanChat, "/dashboard");
    const kb = reply.call.payload["reply_markup"]["inline_keyboard"];
    expect(kb[0][0]).toEqual({ text: "📊 Дашборд", web_app: { url: MINIAPP_URL } });
    const menu = await h.bot.api.getChatMenuButton({ chat_id: t.ivanChat.id });
    expect(menu).toMatchObject({ type: "web_app", web_app: { url: MINIAPP_URL } });
  });

  e2eWeb("gives the head a secret TV link that shows the leaderboard until revoked", async ({ h, t, web }) => {
    await seed(h, t);
    expect((await h.say(t.ivan, t.ivanChat, "/tv")).text).toContain("/tv");
    expect(count(h, "select count(*) from tv_links")).toBe(0);
    const reply = (await h.say(t.head, t.headChat, "/tv")).text;
    const token = /https:\/\/kpi\.example\/tv\/([A-Za-z0-9_-]+)/.exec(reply)![1]!;
    expect((await h.say(t.head, t.headChat, "/tv")).text).toContain(token);
    const board = await api(web, `/tv/api/${token}`, null);
    expect(board.status).toBe(200);
    expect(board.body.leaderboard.rows.map((r: { name: string }) => r.name)).toEqual(["Иван", "John"]);
    expect(JSON.stringify(board.body)).not.toContain("Ромашка");
    expect((await api(web, "/tv/api/not-a-real-token-at-all", null)).status).toBe(404);
    expect((await h.say(t.head, t.headChat, "/tv revoke")).text).toContain("отозвана");
    expect((await api(web, `/tv/api/${token}`, null)).status).toBe(404);
    expect((await h.say(t.head, t.headChat, "/tv revoke")).text).toContain("не было");
  });
});
