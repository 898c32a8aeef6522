import { describe, expect } from "vitest";
import { e2e } from "../support/e2e.js";
import { buttons, type Harness } from "../support/harness.js";
import { count, liveActivities } from "../support/team.js";

/** Wednesday 25.11.2026, 12:00 in Moscow. */
const onWednesday = e2e.extend({ startAt: "2026-11-25T09:00:00Z" });
/** Sunday 29.11.2026, 13:30 in Moscow. */
const onSunday = e2e.extend({ startAt: "2026-11-29T10:30:00Z" });

const HOUR = 3_600_000;
const lastId = (h: Harness) => count(h, "select max(id) from activities");
const changes = (h: Harness) => count(h, "select count(*) from entry_changes");

describe("corrections, voids and /feed", () => {
  onWednesday(
    "a manager fixes own entries within 24 h; later, others' or bad input are refused and store nothing",
    async ({ h, clock, t }) => {
      const ivan = (text: string) => h.say(t.ivan, t.ivanChat, text).then((r) => r.text);

      await ivan("/deal 50k Acme");
      const dealId = lastId(h);
      expect(await ivan("/edit amount 60k")).toBe(`✅ Исправлено #${dealId}: сумма 50 000 ₽ → 60 000 ₽`);
      expect(count(h, "select amount_minor from activities where id = ?", dealId)).toBe(6_000_000);
      // KPIs read the corrected row.
      expect(await ivan("/me")).toMatch(/выручка\s+60 000 ₽/);

      await ivan("/call Beta");
      const callId = lastId(h);
      expect(await ivan("/edit outcome встреча")).toBe(`✅ Исправлено #${callId}: итог дозвон → назначена встреча`);
      expect(await ivan("/edit client Бета")).toBe(`✅ Исправлено #${callId}: клиент Beta → Бета`);
      // A deal's client fix renames the lead it created.
      expect(await ivan(`/edit #${dealId} client ACME Corp`)).toContain("клиент Acme → ACME Corp");
      expect(count(h, "select count(*) from leads where client_name = 'ACME Corp'")).toBe(1);
      expect(changes(h)).toBe(4);

      // Refusals: bad amount, wrong field for the kind, unknown field, unknown outcome, someone else's entry.
      const before = changes(h);
      expect(await ivan("/edit amount abc")).toContain("«abc» — не сумма");
      expect(await ivan(`/edit #${dealId} outcome встреча`)).toContain("нет такого поля");
      expect(await ivan("/edit colour red")).toContain("«colour» — такого у записи нет");
      expect(await ivan(`/edit #${callId} outcome busy`)).toContain("«busy» — не итог звонка");
      await h.say(t.john, t.johnChat, "/call Gamma");
      const johnsCall = lastId(h);
      expect(await ivan(`/edit #${johnsCall} client Delta`)).toContain("запись другого менеджера");
      expect(await ivan("/edit #999999 client Delta")).toContain("нет записи с таким номером");
      expect(await ivan("/void #1 дубль")).toContain("только руководителю");
      // Another team's head cannot reach this team's entries.
      const otherHead = h.fake.user(200, { first_name: "Пётр", username: "petr", language_code: "ru" });
      const otherGroup = h.fake.group(-2002, "Другой отдел");
      h.fake.setChatMember(otherGroup.id, otherHead.id, "creator");
      await h.say(otherHead, otherGroup, "/setup");
      const other = (text: string) => h.say(otherHead, h.fake.privateChat(otherHead), text).then((r) => r.text);
      expect(await other(`/edit #${dealId} amount 1k — проверка`)).toContain("нет записи с таким номером");
      expect(await other(`/void #${dealId} проверка`)).toContain("нет записи с таким номером");
      expect(await other(`/feed @ivan`)).toContain("не участник этой команды");
      expect(changes(h)).toBe(before);

      // 25 hours later the entry is the head's to correct.
      clock.now += 25 * HOUR;
      expect(await ivan(`/edit #${dealId} amount 70k`)).toContain("больше 24 часов назад");
      expect(await ivan("/edit amount 70k")).toContain("нет записей, которые можно исправить");
      expect(count(h, "select amount_minor from activities where id = ?", dealId)).toBe(6_000_000);
      expect(changes(h)).toBe(before);
    },
  );

  e2e("/edit alone offers the day's entries as buttons; a reply to the picked one corrects it", async ({ h, t }) => {
    await h.say(t.ivan, t.ivanChat, "/call Acme");
    await h.say(t.ivan, t.ivanChat, "/deal 30k Acme");
    const dealId = lastId(h);
    const menu = await h.say(t.ivan, t.ivanChat, "/edit");
    expect(menu.text).toContain(`Ваша последняя запись: #${dealId} Сделка — 30 000 ₽ — Acme`);
    const data = buttons(menu.call);
    expect(data).toEqual([`ed:p:${dealId}`, `ed:p:${dealId - 1}`]);
    const picked = await h.tap(t.ivan, t.ivanChat, menu.call, `ed:p:${dealId}`);
    expect(picked.text).toMatch(new RegExp(`^✏️ #${dealId}: Сделка — 30 000 ₽ — Acme`));
    expect(picked.call.payload["reply_markup"]?.["force_reply"]).toBe(true);

    const after = h.fake.mark();
    h.fake.sendText(t.ivan, t.ivanChat, "сумма 35k", { reply_to_message: picked.call.response.result });
    const done = await h.fake.waitForMessage(t.ivanChat.id, undefined, { after });
    expect(String(done.payload["text"])).toContain(`Исправлено #${dealId}`);
    expect(count(h, "select amount_minor from activities where id = ?", dealId)).toBe(3_500_000);

    // The other button opens the earlier entry; a forged id opens nothing.
    const forged = await h.tap(t.ivan, t.ivanChat, menu.call, `ed:p:${dealId - 1}`);
    expect(forged.text).toContain(`#${dealId - 1}`);
    const mark = h.fake.mark();
    h.fake.forgeClick(t.ivan, t.ivanChat, menu.call.response.result, "ed:p:424242");
    const stale = await h.fake.waitForMessage(t.ivanChat.id, undefined, { after: mark });
    expect(String(stale.payload["text"])).toContain("нет записи с таким номером");
  });

  onWednesday(
    "a head corrects with a required reason and voids; /feed shows entry, edit, void, undo and a backdated mark, paged",
    async ({ h, clock, t }) => {
      const ivan = (text: string) => h.say(t.ivan, t.ivanChat, text).then((r) => r.text);
      const head = (text: string) => h.say(t.head, t.headChat, text).then((r) => r.text);

      await ivan("/deal 50k Acme");
      const dealId = lastId(h);
      clock.now += 60_000;
      await ivan("/call Beta");
      const callId = lastId(h);
      clock.now += 60_000;
      await ivan("/meeting Gamma");
      clock.now += 60_000;
      await ivan("/undo");
      clock.now += 60_000;
      expect(await ivan("/proposal Acme вчера")).toMatch(/Задним числом за 24\.11: КП в тот день: 1/);

      expect(await head(`/edit #${dealId} amount 45k`)).toContain("причиной после тире");
      expect(count(h, "select amount_minor from activities where id = ?", dealId)).toBe(5_000_000);
      clock.now += 60_000;
      expect(await head(`/edit #${dealId} amount 45k — скидка по договору`)).toContain("сумма 50 000 ₽ → 45 000 ₽");
      clock.now += 60_000;
      expect(await head(`/void #${callId}`)).toContain("/void #12 причина");
      expect(await head(`/void #${callId} дубль звонка`)).toContain(`Запись #${callId} аннулирована`);
      expect(await head(`/void #${callId} ещё раз`)).toContain("отменена или аннулирована");
      expect(await head(`/edit #${callId} client X — y`)).toContain("отменена или аннулирована");
      expect(count(h, "select deleted_at is not null from activities where id = ?", callId)).toBe(1);
      // KPIs: the corrected deal, the voided call gone.
      const me = await ivan("/me");
      expect(me).toMatch(/выручка\s+45 000 ₽/);
      expect(me).toMatch(/звонки\s+0/);

      const feed = await h.say(t.head, t.headChat, "/feed @ivan");
      expect(feed.text).toContain("Лента: Иван");
      expect(feed.text).not.toContain("John");
      expect(feed.text).toContain(`#${dealId} Сделка — 50 000 ₽ — Acme`);
      expect(feed.text).toMatch(/↳ Acme: этап → успех/);
      expect(feed.text).toContain(`#${callId + 1} отменена автором`);
      expect(feed.text).toMatch(/КП — Acme · 📅 задним числом за 24\.11/);
      expect(feed.text).toContain(`✏️ #${dealId} сумма 50 000 ₽ → 45 000 ₽ (Ольга: скидка по договору)`);
      expect(feed.text).toContain(`🚫 #${callId} аннулирована (Ольга: дубль звонка)`);
      // In time order.
      const order = [
        `#${dealId} Сделка`,
        `#${callId} Звонок`,
        "отменена автором",
        "задним числом",
        "скидка по договору",
        "дубль звонка",
      ].map((s) => feed.text.indexOf(s));
      expect(order.every((x, i) => x >= 0 && (i === 0 || x > order[i - 1]!))).toBe(true);

      expect(await head("/feed год")).toContain("не больше квартала");
      expect(await head("/feed @nobody")).toContain("@nobody — не участник этой команды");

      // In English for John.
      const john = (text: string) => h.say(t.john, t.johnChat, text).then((r) => r.text);
      expect(await john("/call Acme yesterday")).toMatch(/Backdated to 24\.11: calls that day: 1/);
      expect(await john("/edit outcome noanswer")).toMatch(/Corrected #\d+: outcome reached → no answer/);
      expect(await john("/feed")).toMatch(/Feed: John[\s\S]*📅 backdated to 24\.11[\s\S]*outcome reached → no answer \(John\)/);

      // A manager sees only their own feed.
      expect(await ivan("/feed @olga")).toContain("ленту команды и коллег — руководитель");
      const own = await ivan("/feed");
      expect(own).toContain("Лента: Иван");

      // Many actions: pages of ≤ 4096 characters, opening on the latest, ◀ edits in place.
      for (let i = 0; i < 40; i++) {
        clock.now += 60_000;
        await ivan(`/call Клиент номер ${i} с довольно длинным названием компании`);
      }
      const paged = await h.say(t.head, t.headChat, "/feed");
      expect(paged.text.length).toBeLessThanOrEqual(4096);
      expect(paged.text).toMatch(/стр\. (\d+) из \1/);
      const prev = buttons(paged.call).find((d) => d.startsWith("fd:"))!;
      expect(Buffer.byteLength(prev)).toBeLessThanOrEqual(64);
      const after = h.fake.mark();
      h.fake.clickButton(t.head, t.headChat, paged.call.response.result, prev);
      const edited = await h.fake.waitForCall((c) => c.method === "editMessageText" && c.response.ok, { after });
      expect(String(edited.payload["text"])).toMatch(/стр\. \d+ из \d+/);
      expect(String(edited.payload["text"])).not.toBe(paged.call.payload["text"]);
      // A manager's forged tap on the team feed is refused.
      const mark = h.fake.mark();
      h.fake.forgeClick(t.ivan, t.ivanChat, paged.call.response.result, prev);
      const refused = await h.fake.waitForMessage(t.ivanChat.id, undefined, { after: mark });
      expect(String(refused.payload["text"])).toContain("ленту команды и коллег — руководитель");
    },
  );

  onSunday(
    "backdating within the window is stored on that day; future, too far back, disabled and bad dates store nothing",
    async ({ h, clock, t }) => {
      const ivan = (text: string) => h.say(t.ivan, t.ivanChat, text).then((r) => r.text);

      expect(await ivan("/call вчера")).toMatch(/Задним числом за 28\.11: звонков в тот день: 1/);
      expect(count(h, "select occurred_at from activities order by id desc limit 1")).toBe(Date.parse("2026-11-28T10:30:00Z"));
      expect(count(h, "select logged_at from activities order by id desc limit 1")).toBe(clock.now);
      expect(await ivan("/deal 50k Acme 25.11")).toMatch(/50 000 ₽ — Acme\n📅 Задним числом за 25\.11/);
      expect(await ivan("/meeting Acme 27.11")).toMatch(/Задним числом за 27\.11/);
      expect(count(h, "select count(*) from lead_stages where entered_at = ?", Date.parse("2026-11-25T10:30:00Z"))).toBe(5);
      const n = liveActivities(h);

      expect(await ivan("/call Acme 30.11")).toContain("30.11 ещё не наступило");
      expect(await ivan("/deal 50k Acme 21.11")).toContain("дальше, чем команда разрешает записывать задним числом (7 дней)");
      expect(await ivan("/call Acme 31.02")).toContain("Такой даты нет");
      expect(liveActivities(h)).toBe(n);

      // Yesterday's counts include the backdated call; today's don't.
      expect(await ivan("/me вчера")).toMatch(/звонки\s+1/);
      expect(await ivan("/me сегодня")).toMatch(/звонки\s+0/);

      // The head narrows the window, then turns it off.
      expect(await h.say(t.head, t.headChat, "/settings backdate 2").then((r) => r.text)).toContain("Сохранено");
      expect(await ivan("/call Acme 26.11")).toContain("(2 дня)");
      expect(await h.say(t.head, t.headChat, "/settings backdate 0").then((r) => r.text)).toContain("Сохранено");
      expect(await ivan("/call вчера")).toContain("выключены записи задним числом");
      expect(await h.say(t.head, t.headChat, "/settings backdate 99").then((r) => r.text)).toContain("недопустимое значение");
      expect(liveActivities(h)).toBe(n);
    },
  );

  onSunday("free text naming an earlier day proposes it backdated and ✅ stores it on that day", async ({ h, t }) => {
    await h.say(t.ivan, t.ivanChat, "/lead Сигма");
    const proposal = await h.say(t.ivan, t.ivanChat, "вчера позвонил в Сигму");
    expect(proposal.text).toContain("📅 Запишу задним числом за 28.11.");
    const ok = buttons(proposal.call).find((d) => d.startsWith("ft:ok:"))!;
    await h.tap(t.ivan, t.ivanChat, proposal.call, ok);
    expect(count(h, "select occurred_at from activities where kind = 'call'")).toBe(Date.parse("2026-11-28T10:30:00Z"));
    const far = await h.say(t.ivan, t.ivanChat, "в прошлый понедельник позвонил в Сигму");
    expect(far.text).toContain("📅 Запишу задним числом за 23.11.");
  });

  e2e(
    "corrections keep the pipeline consistent: an outcome redoes the call's stage move, a client change that would move a lead is refused",
    async ({ h, t }) => {
      const ivan = (text: string) => h.say(t.ivan, t.ivanChat, text).then((r) => r.text);
      const stage = (client: string) =>
        (h.deps.db.$client.prepare("select stage from leads where client_name = ?").get(client) as { stage: string }).stage;

      await ivan("/lead Acme");
      await ivan("/call недозвон Acme");
      expect(stage("Acme")).toBe("new");
      expect(await ivan("/edit итог встреча")).toContain("итог недозвон → назначена встреча");
      expect(stage("Acme")).toBe("qualified");
      expect(await ivan("/edit итог недозвон")).toContain("итог назначена встреча → недозвон");
      expect(stage("Acme")).toBe("new");
      expect(count(h, "select count(*) from lead_stages s join leads l on l.id = s.lead_id where l.client_name = 'Acme'")).toBe(1);

      // The call moved Acme's lead: another client would rewrite that lead's history.
      await ivan("/call Acme");
      expect(stage("Acme")).toBe("qualified");
      const before = count(h, "select count(*) from entry_changes");
      expect(await ivan("/edit клиент Beta")).toContain("двигала лид другого клиента");
      // A spelling fix of the same client is fine.
      expect(await ivan("/edit клиент ACME")).toContain("клиент Acme → ACME");
      // A new lead renamed to a client with an open lead would make two: refused.
      await ivan("/lead Gamma");
      expect(await ivan("/edit клиент acme")).toContain("уже есть открытый лид");
      expect(count(h, "select count(*) from entry_changes")).toBe(before + 1);
      expect(count(h, "select count(*) from leads where client_name = 'Gamma'")).toBe(1);
    },
  );
});
