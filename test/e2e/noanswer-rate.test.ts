// The no-answer rate (calls with outcome "noanswer" ÷ calls) end to end: logged
// through the fake Bot API, then read in /me, /top, a plan, /compare and the export.
import { describe, expect } from "vitest";
import { e2e } from "../support/e2e.js";
import { buttons, type Harness } from "../support/harness.js";
import type { TeamFixture } from "../support/team.js";

/** Ivan: 3 calls, 2 unanswered → 66,7 %. John: 4 calls, 1 unanswered → 25 %. Team: 3 of 7 → 42,9 %. */
async function logCalls(h: Harness, t: TeamFixture): Promise<void> {
  for (const c of ["/call недозвон Ромашка", "/call нет_ответа", "/call дозвон Вектор"]) await h.say(t.ivan, t.ivanChat, c);
  for (const c of ["/call noanswer Acme", "/call reached", "/call meeting Beta", "/call"]) await h.say(t.john, t.johnChat, c);
}

describe("no-answer rate", () => {
  e2e("shows in /me in each manager's language", async ({ h, t }) => {
    await logCalls(h, t);
    const ivan = await h.say(t.ivan, t.ivanChat, "/me");
    expect(ivan.text).toMatch(/доля недозвонов\s+66,7%/);
    expect(ivan.text).toMatch(/звонки\s+3/);
    const john = await h.say(t.john, t.johnChat, "/me");
    expect(john.text).toMatch(/no-answer rate\s+25%/);
  });

  e2e("ranks the team lowest first in /top noanswer and /top недозвоны", async ({ h, t }) => {
    await logCalls(h, t);
    const top = await h.say(t.ivan, t.ivanChat, "/top noanswer");
    expect(top.text).toMatch(/^🏆 Топ: доля недозвонов · /);
    expect(top.text).toMatch(/🥇 1\. John — 25%\n🥈 2\. Иван — 66,7%/);
    const ru = await h.say(t.john, t.johnChat, "/top недозвоны week");
    expect(ru.text).toMatch(/^🏆 Top by no-answer rate · /);
    expect(ru.text).toContain("🥇 1. John — 25%");
  });

  e2e("is an at-most plan, and a column of /compare and the summary export", async ({ h, t }) => {
    await logCalls(h, t);
    const saved = await h.say(t.head, t.headChat, "/plan недозвоны 30% месяц");
    // 25 % is under the 30 % ceiling; 66,7 % is more than 125 % of it.
    expect(saved.text).toBe(
      "✅ План задан: доля недозвонов 30% в месяц · каждому менеджеру\nJohn: доля недозвонов 25%/30% · в темпе\nИван: доля недозвонов 66,7%/30% · под угрозой",
    );
    expect((await h.say(t.john, t.johnChat, "/me month")).text).toMatch(/no-answer rate 25%\/30% · on pace/);
    expect((await h.say(t.ivan, t.ivanChat, "/me month")).text).toMatch(/доля недозвонов 66,7%\/30% · под угрозой/);

    const compare = await h.say(t.head, t.headChat, "/compare month");
    // John 25 %, Иван 66,7 %; the average manager 45,8 %, the team 3 of 7 = 42,9 %.
    expect(compare.text).toMatch(/Недоз\.\s+25%\s+66,7%\s+45,8%\s+42,9%/);

    const after = h.fake.mark();
    h.fake.sendText(t.head, t.headChat, "/export summary");
    const doc = await h.fake.waitForCall((c) => c.method === "sendDocument", { after });
    const rows = (doc.payload["document"].bytes.toString("utf8") as string)
      .slice(1)
      .trim()
      .split("\r\n")
      .map((l: string) => l.split(";"));
    const col = rows[0]!.indexOf("доля недозвонов, %");
    expect(col).toBeGreaterThan(0);
    expect(rows.map((r: string[]) => r[col])).toEqual(["доля недозвонов, %", "25,0", "66,7", "42,9"]);
  });

  e2e("is a choice in the report builder", async ({ h, t }) => {
    const menu = await h.say(t.head, t.headChat, "/report new");
    expect(buttons(menu.call)).toContain("rb:m:noanswer_rate");
    expect(JSON.stringify(menu.call.payload["reply_markup"])).toContain("доля недозвонов");
  });
});
