import { describe, expect } from "vitest";
import { e2e } from "../support/e2e.js";
import type { Harness } from "../support/harness.js";
import { count, liveActivities } from "../support/team.js";

const stageOf = (h: Harness, client: string) =>
  (h.deps.db.$client.prepare("select stage from leads where client_name = ? order by id desc").get(client) as { stage: string } | undefined)
    ?.stage;

describe("logging from chat", () => {
  e2e("logs every kind with a one-line confirmation and today's running count, moving leads along the pipeline", async ({ h, t }) => {
    const say = (text: string) => h.say(t.ivan, t.ivanChat, text).then((r) => r.text);

    expect(await say("/lead ООО Ромашка")).toMatch(/Новый лид — ООО Ромашка\nСегодня новых лидов: 1/);
    expect(stageOf(h, "ООО Ромашка")).toBe("new");
    expect(await say("/call недозвон ООО Ромашка")).toMatch(/Звонок — недозвон — ООО Ромашка\nСегодня звонков: 1$/);
    expect(stageOf(h, "ООО Ромашка")).toBe("new");
    expect(await say("/call ооо ромашка")).toMatch(/Сегодня звонков: 2\nООО Ромашка: этап → квалификация/);
    expect(await say("/call встреча")).toMatch(/назначена встреча\nСегодня звонков: 3/);
    expect(await say("/meeting ООО Ромашка")).toMatch(/Сегодня встреч: 1\nООО Ромашка: этап → встреча/);
    expect(await say("/presentation ООО Ромашка")).toMatch(/Презентация — ООО Ромашка\nСегодня презентаций: 1$/);
    expect(await say("/proposal ООО Ромашка")).toMatch(/КП — ООО Ромашка\nСегодня КП: 1\nООО Ромашка: этап → КП/);
    expect(await say("/deal 1,5 млн ₽ ООО Ромашка")).toMatch(
      /Сделка — 1 500 000 ₽ — ООО Ромашка\nСегодня сделок: 1\nООО Ромашка: этап → успех/,
    );
    expect(stageOf(h, "ООО Ромашка")).toBe("won");

    // A deal for a client with no open lead creates one that passes every stage at once.
    expect(await say("/deal 50k Вектор")).toMatch(/50 000 ₽ — Вектор\nСегодня сделок: 2/);
    const stages = h.deps.db.$client
      .prepare("select s.stage from lead_stages s join leads l on l.id = s.lead_id where l.client_name = 'Вектор' order by s.id")
      .all() as { stage: string }[];
    expect(stages.map((s) => s.stage)).toEqual(["new", "qualified", "meeting", "proposal", "won"]);

    await say("/lead Альфа");
    await say("/meeting Альфа");
    expect(await say("/lost Альфа — дорого")).toMatch(/Отказ — Альфа — дорого\nСегодня отказов: 1\nАльфа: этап → отказ/);
    const lost = h.deps.db.$client.prepare("select stage, lost_at_stage, lost_reason from leads where client_name = 'Альфа'").get();
    expect(lost).toEqual({ stage: "lost", lost_at_stage: "meeting", lost_reason: "дорого" });

    // The English manager logs in the group and is answered in English.
    const en = await h.say(t.john, t.group, "/call meeting Acme");
    expect(en.text).toBe("✅ Call — meeting set — Acme\nToday calls: 1");
    const deal = await h.say(t.john, t.group, "/deal 50 000 Acme");
    expect(deal.text).toMatch(/Deal — 50 000 ₽ — Acme\nToday deals: 1\nAcme: stage → won/);
    expect(count(h, "select count(*) from activities where user_id = 102")).toBe(2);
    expect(count(h, "select sum(amount_minor) from activities where kind = 'deal'")).toBe(150_000_000 + 5_000_000 + 5_000_000);
  });

  e2e("undoes the last entry: a deal puts the lead back, a new lead disappears", async ({ h, t }) => {
    const say = (text: string) => h.say(t.ivan, t.ivanChat, text).then((r) => r.text);
    await say("/lead Бета");
    await say("/proposal Бета");
    await say("/deal 200000 Бета");
    expect(stageOf(h, "Бета")).toBe("won");
    const undone = await say("/undo");
    expect(undone).toContain("Удалено: Сделка — 200 000 ₽ — Бета");
    expect(undone).toContain("Лид возвращён на этап: КП");
    expect(stageOf(h, "Бета")).toBe("proposal");
    expect(count(h, "select count(*) from activities where kind = 'deal' and deleted_at is null")).toBe(0);
    expect(
      count(h, "select count(*) from lead_stages s join leads l on l.id = s.lead_id where l.client_name = 'Бета' and s.stage = 'won'"),
    ).toBe(0);

    await say("/undo"); // the proposal
    await say("/undo"); // the lead itself
    expect(stageOf(h, "Бета")).toBeUndefined();
    expect(await say("/undo")).toContain("нечего отменять");
    // Undo from the reply keyboard, in English for John.
    await h.say(t.john, t.johnChat, "/call Acme");
    const undoButton = await h.say(t.john, t.johnChat, "↩️ Undo");
    expect(undoButton.text).toContain("Removed: Call — reached — Acme");
    expect(liveActivities(h)).toBe(0);
  });

  e2e("shows /me for today, week and month in both languages, with plan progress", async ({ h, t }) => {
    for (const cmd of [
      "/call встреча Ромашка",
      "/call недозвон",
      "/call",
      "/call",
      "/meeting Ромашка",
      "/deal 100 000 Ромашка",
      "/deal 300k Вектор",
      "/proposal Сигма",
    ]) {
      await h.say(t.ivan, t.ivanChat, cmd);
    }
    h.deps.repos.plans.upsert(
      { teamId: 1, metric: "deals", value: 10, period: "month", scope: "each", userId: null, createdBy: t.head.id },
      Date.now(),
    );
    const me = (await h.say(t.ivan, t.ivanChat, "/me")).text;
    expect(me).toMatch(/^📊 Иван · сегодня/);
    expect(me).toMatch(/звонки\s+4\n/);
    expect(me).toMatch(/встречи\s+1\n/);
    expect(me).toMatch(/конверсия звонков\s+25%\n/);
    expect(me).toMatch(/КП\s+1\n/);
    expect(me).toMatch(/сделки\s+2\n/);
    expect(me).toMatch(/выручка\s+400 000 ₽\n/);
    expect(me).toMatch(/средний чек\s+200 000 ₽/);
    expect(me).toMatch(/сделки 2\/10 \(20%\)/);
    const month = (await h.say(t.ivan, t.ivanChat, "/me месяц")).text;
    expect(month).toMatch(/сделки\s+2\n/);
    const week = (await h.say(t.ivan, t.ivanChat, "📊 Мой день")).text;
    expect(week).toMatch(/звонки\s+4\n/);

    const johnMe = (await h.say(t.john, t.johnChat, "/me week")).text;
    expect(johnMe).toMatch(/^📊 John · /);
    expect(johnMe).toMatch(/calls\s+0\n/);
    expect(johnMe).toMatch(/call conversion\s+—\n/);
    expect(johnMe).toMatch(/average check\s+—/);
    expect(johnMe).toMatch(/deals 0\/10 \(0%\)/);
    const bad = (await h.say(t.john, t.johnChat, "/me someday")).text;
    expect(bad).toBe("Form: /me [today|week|month]");
  });

  e2e("counts an entry on the day the manager sent it, not when the bot got it", async ({ h, t }) => {
    const yesterday = Math.floor(Date.now() / 1000) - 86_400;
    const r = await h.say(t.ivan, t.ivanChat, "/call Ромашка", { date: yesterday });
    expect(r.text).toContain("Сегодня звонков: 1");
    expect(count(h, "select occurred_at from activities")).toBe(yesterday * 1000);
    expect((await h.say(t.ivan, t.ivanChat, "/me")).text).toMatch(/звонки\s+0\n/);
    expect((await h.say(t.ivan, t.ivanChat, "/me вчера")).text).toMatch(/звонки\s+1\n/);
  });
});
