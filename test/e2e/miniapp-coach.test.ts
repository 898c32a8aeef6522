// The head's drill-down in the Mini App carries the manager's coaching card
// (what /coach @user shows): heads only, a team's managers only.
import { describe, expect } from "vitest";
import type { RecordedCall } from "../fake-telegram/index.js";
import { api, e2eWeb, initDataFor } from "../support/miniapp.js";

/** Monday 16.11.2026, 10:00 in Moscow. */
const test = e2eWeb.extend({ startAt: "2026-11-16T07:00:00Z" });

const pollId = (c: RecordedCall) => (c.response.result as { poll: { id: string } }).poll.id;
const norm = (s: string) => s.replace(/[\u00A0\u202F\u2009]/g, " ");

describe("mini app API: coaching card", () => {
  test("gives a head a manager's weakest/strongest metric, quiz scores and program progress; managers get 403", async ({
    h,
    clock,
    t,
    web,
  }) => {
    // Ivan: 11 calls, 1 booked a meeting; John: 10 calls, 4 booked (as in the coaching tests).
    clock.now = Date.parse("2026-11-17T07:00:00Z");
    await h.say(t.ivan, t.ivanChat, "/call встреча Ромашка");
    for (let i = 0; i < 10; i++) await h.say(t.ivan, t.ivanChat, "/call");
    for (let i = 0; i < 4; i++) await h.say(t.john, t.johnChat, "/call meeting Acme");
    for (let i = 0; i < 6; i++) await h.say(t.john, t.johnChat, "/call");
    await h.say(t.head, t.headChat, "/quiz new Звонки #call_conversion\n? Чем закончить звонок?\n+ Временем встречи\n- Прощанием");
    await h.say(t.head, t.headChat, "/program new Онбординг 20.11 all\nquiz Звонки");
    // Ivan takes the program's quiz and answers right.
    const mark = h.fake.mark();
    await h.say(t.ivan, t.ivanChat, "/learn");
    const poll = await h.fake.waitForCall((c) => c.method === "sendPoll" && c.payload["chat_id"] === t.ivanChat.id, { after: mark });
    const answered = h.fake.mark();
    h.fake.answerPoll(t.ivan, pollId(poll), [0]);
    await h.fake.waitForMessage(t.ivanChat.id, (text) => text.startsWith("🏁"), { after: answered });

    clock.now = Date.parse("2026-11-24T07:00:00Z");
    const signed = (u: typeof t.head) => initDataFor(u, { authDate: Math.floor(clock.now / 1000) });
    const card = await api(web, `/app/api/coach?user=${t.ivan.id}`, signed(t.head));
    expect(card.status).toBe(200);
    expect(card.body.weakest.metric).toBe("call_conversion");
    expect(card.body.strongest.metric).toBe("calls");
    expect(card.body.quizzes).toEqual([{ name: "Звонки", text: "1/1 (100 %)", percent: 100 }]);
    expect(card.body.programs).toEqual([{ name: "Онбординг", text: "1/1", late: false }]);
    // The same words as the chat's /coach @ivan card.
    const chat = norm((await h.say(t.head, t.headChat, "/coach @ivan")).text);
    expect(chat).toContain(`Слабее всего: ${norm(card.body.weakest.text)}`);
    expect(norm(card.body.weakest.text)).toBe("конверсия звонков 9,1% при медиане команды 24,5%");
    expect(chat).toContain(`• Звонки: ${card.body.quizzes[0].text}`);
    // John has taken nothing and is late on the program since 21.11.
    const john = await api(web, `/app/api/coach?user=${t.john.id}`, signed(t.head));
    expect(john.body.quizzes).toEqual([]);
    expect(john.body.programs).toEqual([{ name: "Онбординг", text: "0/1 · просрочено", late: true }]);

    // Managers get no one's card: not another manager's, not their own.
    const other = await api(web, `/app/api/coach?user=${t.john.id}`, signed(t.ivan));
    expect(other.status).toBe(403);
    expect(other.body).toEqual({ error: "Недоступно для вашей роли или команды." });
    expect((await api(web, `/app/api/coach?user=${t.ivan.id}`, signed(t.ivan))).status).toBe(403);
    expect((await api(web, "/app/api/coach", signed(t.john))).status).toBe(403);
    // A head: nobody outside the team, no card for a head, a malformed id is 400.
    expect((await api(web, "/app/api/coach?user=555", signed(t.head))).status).toBe(403);
    const self = await api(web, `/app/api/coach?user=${t.head.id}`, signed(t.head));
    expect(self.status).toBe(404);
    expect(self.body.error).toContain("только для менеджеров");
    expect((await api(web, "/app/api/coach?user=ivan", signed(t.head))).status).toBe(400);
    // Forged launch data is 401 before any role check.
    expect((await api(web, `/app/api/coach?user=${t.ivan.id}`, signed(t.head).replace(/hash=[0-9a-f]{4}/, "hash=0000"))).status).toBe(401);
  });
});
