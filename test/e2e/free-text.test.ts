import type { Message, Update } from "grammy/types";
import { describe, expect } from "vitest";
import { createContest } from "../../src/services/contests.js";
import { e2e } from "../support/e2e.js";
import { buttons, visibleText } from "../support/harness.js";
import { count, liveActivities } from "../support/team.js";

/** Tuesday 10.11.2026, 12:00 in Moscow. */
const onTuesday = e2e.extend({ startAt: "2026-11-10T09:00:00Z" });
/** Tuesday 1.12.2026, 10:00 in Moscow. */
const onFirstOfDecember = e2e.extend({ startAt: "2026-12-01T07:00:00Z" });

const okButton = (data: string[]) => data.find((d) => d.startsWith("ft:ok:"))!;

describe("just tell the bot: free text", () => {
  onTuesday("proposes, stores only on ✅ with the message's time, and /me counts it", async ({ h, clock, t }) => {
    // A fixed midday: two minutes back never crosses midnight in the team's zone.
    await h.say(t.ivan, t.ivanChat, "/lead ООО «Ромашка»");
    const sentAt = Math.floor(clock.now / 1000) - 120;
    const proposal = await h.say(t.ivan, t.ivanChat, "позвонил в Ромашку, договорились о встрече", { date: sentAt });
    expect(proposal.text).toContain("📞 Звонок → назначена встреча · ООО «Ромашка»");
    expect(proposal.text).toContain("Пока вы не нажали ✅, ничего не сохранено");
    const data = buttons(proposal.call);
    expect(data.map((d) => d.split(":").slice(0, 2).join(":"))).toEqual(["ft:ok", "ft:ed", "ft:no"]);
    expect(data.every((d) => Buffer.byteLength(d) <= 64)).toBe(true);
    expect(liveActivities(h)).toBe(1); // the /lead

    const stored = await h.tap(t.ivan, t.ivanChat, proposal.call, okButton(data));
    expect(stored.text).toMatch(/^✅ Звонок — назначена встреча — ООО «Ромашка»\nСегодня звонков: 1\nООО «Ромашка»: этап → квалификация/);
    expect(count(h, "select occurred_at from activities")).toBe(sentAt * 1000);

    const me = await h.say(t.ivan, t.ivanChat, "/me");
    expect(me.text).toMatch(/звонки\s+1\n/);
  });

  onTuesday("a second ✅, one by someone else, a forged one and one after 24 h store nothing more", async ({ h, clock, t }) => {
    const proposal = await h.say(t.ivan, t.ivanChat, "сделка 50к Ромашка");
    expect(proposal.text).toContain("💰 Сделка · 50 000 ₽ · Ромашка (новый клиент)");
    const ok = okButton(buttons(proposal.call));
    // Two quick taps on ✅: both reach the bot before it takes the buttons off.
    const after = h.fake.mark();
    h.fake.clickButton(t.ivan, t.ivanChat, proposal.call.response.result, ok);
    h.fake.clickButton(t.ivan, t.ivanChat, proposal.call.response.result, ok);
    await h.fake.waitForMessage(t.ivanChat.id, (text) => text.startsWith("Уже обработано: больше ничего не записано."), { after });
    expect(count(h, "select count(*) from activities")).toBe(1);
    expect(count(h, "select amount_minor from activities")).toBe(5_000_000);

    // A forged button (right id, wrong token), pushed as Telegram would deliver it.
    const press = async (from: typeof t.ivan, data: string) => {
      const after = h.fake.mark();
      h.fake.pushUpdate({
        callback_query: {
          id: String(Math.random()),
          from,
          chat_instance: "1",
          data,
          message: proposal.call.response.result as Message,
        },
      } as Omit<Update, "update_id">);
      return (await h.fake.waitForMessage(proposal.call.payload["chat_id"] as number, undefined, { after })).payload["text"];
    };
    expect(await press(t.ivan, ok.replace(/:[0-9a-f]{8}$/, ":00000000"))).toBe("Это подтверждение недействительно. Ничего не записано.");

    const second = await h.say(t.ivan, t.ivanChat, "отправил КП в Ромашку");
    expect((await h.tap(t.head, t.ivanChat, second.call, okButton(buttons(second.call)))).text).toBe(
      "Это подтверждение не ваше. Ничего не записано.",
    );
    clock.now += 25 * 3_600_000;
    expect((await h.tap(t.ivan, t.ivanChat, second.call, okButton(buttons(second.call)))).text).toBe(
      "Подтверждение старше 24 часов. Ничего не записано: отправьте сообщение ещё раз.",
    );
    expect(liveActivities(h)).toBe(1);
  });

  e2e("✖ stores nothing; several events are listed and stored together", async ({ h, t }) => {
    const cancelled = await h.say(t.john, t.johnChat, "called Acme, booked a meeting");
    expect(cancelled.text).toContain("📞 Call → meeting set · Acme (new client)");
    const no = buttons(cancelled.call).find((d) => d.startsWith("ft:no:"))!;
    expect((await h.tap(t.john, t.johnChat, cancelled.call, no)).text).toBe("Cancelled, nothing stored.");
    expect(liveActivities(h)).toBe(0);

    const several = await h.say(t.john, t.johnChat, "called Acme and Beta, sent a proposal to Gamma");
    expect(several.text).toContain("1. 📞 Call → reached · Acme");
    expect(several.text).toContain("2. 📞 Call → reached · Beta");
    expect(several.text).toContain("3. 📄 Proposal · Gamma");
    await h.tap(t.john, t.johnChat, several.call, okButton(buttons(several.call)));
    expect(count(h, "select count(*) from activities where kind = 'call'")).toBe(2);
    expect(count(h, "select count(*) from activities where kind = 'proposal'")).toBe(1);
  });

  e2e("✏️ opens the guided flow prefilled with what was read", async ({ h, t }) => {
    const proposal = await h.say(t.ivan, t.ivanChat, "закрыл сделку с Вектором на 120 000");
    const edit = buttons(proposal.call).find((d) => d.startsWith("ft:ed:"))!;
    const picker = await h.tap(t.ivan, t.ivanChat, proposal.call, edit);
    expect(picker.text).toContain("Что это было? Я понял так: 💰 Сделка · 120 000 ₽ · Вектор");
    // The kinds replace the proposal's buttons, the read one ticked.
    const kinds = h.fake.calls.filter((c) => c.method === "editMessageReplyMarkup").at(-1)!;
    expect(buttons(kinds)).toContain(`${edit.replace("ft:ed:", "ft:ek:")}:5`);
    const amount = await h.tap(t.ivan, t.ivanChat, proposal.call, `${edit.replace("ft:ed:", "ft:ek:")}:5`);
    expect(amount.text).toContain("Сумма сделки?");
    expect(buttons(amount.call)).toEqual(["flow:amount", "flow:cancel"]);
    const client = await h.tap(t.ivan, t.ivanChat, amount.call, "flow:amount");
    expect(buttons(client.call)[0]).toBe("flow:recent:0");
    const done = await h.tap(t.ivan, t.ivanChat, client.call, "flow:recent:0");
    expect(done.text).toMatch(/^✅ Сделка — 120 000 ₽ — Вектор/);
    expect(liveActivities(h)).toBe(1);
  });

  e2e("a kind picked for one event, interrupted half-way, can be picked again: the other events stay on offer", async ({ h, t }) => {
    const several = await h.say(t.john, t.johnChat, "called Acme and Beta, sent a proposal to Gamma");
    const edit = buttons(several.call).find((d) => d.startsWith("ft:ed:"))!;
    await h.tap(t.john, t.johnChat, several.call, edit);
    const ek = `${edit.replace("ft:ed:", "ft:ek:")}:0`;
    // Putting the other events back on offer fails after the tap was taken (as a crash between the two commits would).
    const sqlite = h.deps.db.$client;
    sqlite.exec(
      "create temp trigger fail_rest before update on text_proposals when new.status = 'pending' begin select raise(abort, 'disk gone'); end",
    );
    const failed = await h.tap(t.john, t.johnChat, several.call, ek);
    expect(failed.text).toContain("nothing was saved");
    sqlite.exec("drop trigger fail_rest");
    const again = await h.tap(t.john, t.johnChat, several.call, ek);
    expect(again.text).toContain("Call");
    expect(count(h, "select status from text_proposals") as unknown).toBe("pending");
    expect(count(h, "select json_array_length(entries) from text_proposals")).toBe(2);
  });

  e2e("learns from a correction: misread once, fixed once with ✏️, read right the next time for the whole team", async ({ h, t }) => {
    await h.say(t.ivan, t.ivanChat, "/lead Альфа-Трейд");
    const ek = (data: string[], kind: number) => `${data.find((d) => d.startsWith("ft:ed:"))!.replace("ft:ed:", "ft:ek:")}:${kind}`;

    // "АТ" is the team's shorthand for Альфа-Трейд; "воркшоп" is their word for a presentation.
    const first = await h.say(t.ivan, t.ivanChat, "провел воркшоп в АТ");
    expect(first.text).toContain("Не уверен, что понял");
    expect(first.text).toContain("Звонок → дозвон · АТ (новый клиент)");
    await h.tap(t.ivan, t.ivanChat, first.call, buttons(first.call).find((d) => d.startsWith("ft:ed:"))!);
    const client = await h.tap(t.ivan, t.ivanChat, first.call, ek(buttons(first.call), 3)); // presentation
    expect(client.text).toContain("Презентация: какой клиент?");
    const done = await h.say(t.ivan, t.ivanChat, "Альфа-Трейд");
    expect(done.text).toMatch(/^✅ Презентация — Альфа-Трейд/);
    expect(done.text).toContain("Запомнил для всей команды");
    expect(done.text).toContain("«воркшоп» → Презентация");
    expect(done.text).toContain("«ат» → Альфа-Трейд");

    // Read right the second time, from another manager of the team.
    await h.say(t.john, t.johnChat, "/lead Альфа-Трейд");
    const second = await h.say(t.john, t.johnChat, "воркшоп в АТ прошёл отлично");
    expect(second.text).toContain("Presentation · Альфа-Трейд");
    expect(second.text).not.toContain("new client");

    // The head sees what was learned and deletes a wrong phrase; the reader forgets it.
    const list = await h.say(t.head, t.headChat, "/aliases");
    expect(list.text).toContain("1. вид: «воркшоп» → Презентация");
    expect(list.text).toContain("2. клиент: «ат» → Альфа-Трейд");
    const removed = await h.tap(t.head, t.headChat, list.call, buttons(list.call)[0]!);
    expect(removed.text).toBeDefined();
    expect(count(h, "select count(*) from text_aliases")).toBe(1);
    const third = await h.say(t.john, t.johnChat, "воркшоп в АТ прошёл отлично");
    expect(third.text).not.toContain("Presentation");
    // A manager may not list or delete them.
    expect((await h.say(t.ivan, t.ivanChat, "/aliases")).text).toContain("доступна только руководителю");
  });

  e2e("what it cannot read gets the logging buttons; a voice message gets a short answer", async ({ h, t }) => {
    const unread = await h.say(t.ivan, t.ivanChat, "привет, как дела");
    expect(unread.text).toContain("Не понял, что произошло");
    expect(buttons(unread.call)).toContain("log:call");

    const after = h.fake.mark();
    h.fake.pushUpdate({
      message: {
        message_id: 9001,
        date: Math.floor(Date.now() / 1000),
        chat: t.ivanChat,
        from: t.ivan,
        voice: { file_id: "v1", file_unique_id: "v1", duration: 3 },
      },
    } as Omit<Update, "update_id">);
    const voice = await h.fake.waitForMessage(t.ivanChat.id, undefined, { after });
    expect(voice.payload["text"]).toContain("Я читаю только текст");
    expect(buttons(voice)).toContain("log:deal");
    expect(liveActivities(h)).toBe(0);
  });

  e2e("stores a confident message at once when the team turned autolog on, with Undo", async ({ h, t }) => {
    await h.say(t.head, t.group, "/settings autolog on");
    await h.say(t.ivan, t.ivanChat, "/lead Сигма");
    const stored = await h.say(t.ivan, t.ivanChat, "отправил КП Сигме");
    expect(stored.text).toMatch(/^✅ КП — Сигма/);
    expect(stored.text).toContain("Записано сразу");
    expect(count(h, "select stage from leads where client_name = 'Сигма'") as unknown).toBe("proposal");
    const undone = await h.tap(t.ivan, t.ivanChat, stored.call, buttons(stored.call)[0]!);
    expect(undone.text).toContain("↩️ Удалено: КП — Сигма");
    expect(count(h, "select stage from leads where client_name = 'Сигма'") as unknown).toBe("new");
    expect(liveActivities(h)).toBe(1);
    // A guess is never stored at once.
    const unsure = await h.say(t.ivan, t.ivanChat, "позвонил в Новую Компанию");
    expect(buttons(unsure.call)[0]).toMatch(/^ft:ok:/);
    expect(liveActivities(h)).toBe(1);
  });

  e2e(
    "an autolog message interrupted after its proposal was written stores its entry when the update is handled again",
    async ({ h, t }) => {
      await h.say(t.head, t.group, "/settings autolog on");
      await h.say(t.ivan, t.ivanChat, "/lead Сигма");
      // The entry's write fails, and the update is then left unmarked: what a kill -9 right
      // after the proposal's commit leaves on disk. The restart handles the update again.
      const sqlite = h.deps.db.$client;
      sqlite.exec("create temp trigger fail_entry before insert on activities begin select raise(abort, 'disk gone'); end");
      const failed = await h.say(t.ivan, t.ivanChat, "отправил КП Сигме");
      expect(failed.text).toContain("ничего не сохранено");
      sqlite.exec("drop trigger fail_entry");
      const updateId = h.fake.calls
        .filter((c) => c.method === "getUpdates")
        .flatMap((c) => c.response.result as { update_id: number }[])
        .at(-1)!.update_id;
      sqlite.prepare("delete from processed_updates where update_id = ?").run(updateId);
      await h.restart();
      await h.say(t.ivan, t.ivanChat, "/me");
      expect(count(h, "select count(*) from activities where kind = 'proposal' and deleted_at is null")).toBe(1);
    },
  );

  onFirstOfDecember("Undo on an autologged entry marks the running contest for a new standing, like /undo", async ({ h, t }) => {
    const { repos } = h.deps;
    const team = repos.teams.byChatId(t.group.id)!;
    const head = { user: repos.users.byId(t.head.id)!, team, membership: repos.memberships.get(team.id, t.head.id)! };
    const made = createContest(h.deps, head, {
      name: "Неделя КП",
      metric: "proposals",
      prize: "",
      squads: [],
      kind: "individual",
      startDate: "01.12",
      endDate: "07.12",
    });
    if (!made.ok) throw new Error("contest not created");
    await h.say(t.head, t.group, "/settings autolog on");
    await h.say(t.ivan, t.ivanChat, "/lead Сигма");
    const stored = await h.say(t.ivan, t.ivanChat, "отправил КП Сигме");
    expect(stored.text).toContain("Записано сразу");
    // The standings were posted with the entry in them (the scheduler clears the mark).
    const dirty = () => repos.contests.byId(made.contest.id)!.dirtyAt;
    expect(dirty()).not.toBeNull();
    h.deps.db.$client.prepare("update contests set dirty_at = null where id = ?").run(made.contest.id);
    const undone = await h.tap(t.ivan, t.ivanChat, stored.call, buttons(stored.call)[0]!);
    expect(undone.text).toContain("↩️ Удалено: КП — Сигма");
    expect(dirty()).not.toBeNull();
  });

  e2e("an Undo that failed half-way can be tapped again: the proposal is not spent without its entries undone", async ({ h, t }) => {
    await h.say(t.head, t.group, "/settings autolog on");
    await h.say(t.ivan, t.ivanChat, "/lead Сигма");
    const stored = await h.say(t.ivan, t.ivanChat, "отправил КП Сигме");
    expect(liveActivities(h)).toBe(2);
    // Undoing the entry fails after the tap was taken (as a crash between the two commits would).
    const sqlite = h.deps.db.$client;
    sqlite.exec("create temp trigger fail_undo before update of deleted_at on activities begin select raise(abort, 'disk gone'); end");
    const failed = await h.tap(t.ivan, t.ivanChat, stored.call, buttons(stored.call)[0]!);
    expect(failed.text).toContain("ничего не сохранено");
    sqlite.exec("drop trigger fail_undo");
    expect(liveActivities(h)).toBe(2);
    const again = await h.tap(t.ivan, t.ivanChat, stored.call, buttons(stored.call)[0]!);
    expect(again.text).toContain("↩️ Удалено: КП — Сигма");
    expect(liveActivities(h)).toBe(1);
  });

  e2e("a question, a plan or a complaint stores nothing, even with autolog on, and points at /me", async ({ h, t }) => {
    await h.say(t.head, t.group, "/settings autolog on");
    await h.say(t.ivan, t.ivanChat, "/lead Сигма");
    const question = await h.say(t.ivan, t.ivanChat, "сколько у меня звонков за неделю?");
    expect(question.text).toContain("Похоже на вопрос");
    expect(question.text).toContain("/me");
    const plan = await h.say(t.ivan, t.ivanChat, "КП Сигме отправлю завтра");
    expect(plan.text).toContain("Это план");
    const complaint = await h.say(t.ivan, t.ivanChat, "почему звонки не засчитались?");
    expect(complaint.text).toContain("/help");
    for (const m of [question, plan, complaint]) expect(buttons(m.call)).toEqual([]);
    expect(liveActivities(h)).toBe(1); // the /lead
  });

  onTuesday("each event keeps its own day: yesterday's call is dated yesterday, today's today", async ({ h, clock, t }) => {
    await h.say(t.ivan, t.ivanChat, "/lead Сигма");
    const sentAt = clock.now / 1000;
    const proposal = await h.say(t.ivan, t.ivanChat, "вчера не дозвонился до Сигмы, сегодня дозвонился, договорились о встрече", {
      date: sentAt,
    });
    expect(proposal.text).toContain("1. 📞 Звонок → недозвон · Сигма");
    expect(proposal.text).toContain("2. 📞 Звонок → назначена встреча · Сигма");
    expect(proposal.text).toMatch(/1\. 📅/);
    await h.tap(t.ivan, t.ivanChat, proposal.call, okButton(buttons(proposal.call)));
    expect(count(h, "select occurred_at from activities where outcome = 'noanswer'")).toBe(sentAt * 1000 - 86_400_000);
    expect(count(h, "select occurred_at from activities where outcome = 'meeting'")).toBe(sentAt * 1000);
  });

  e2e("a proposal survives a restart; in a group only replies to the bot are read", async ({ h, t }) => {
    const proposal = await h.say(t.ivan, t.ivanChat, "встретился с Вектором");
    await h.restart();
    const stored = await h.tap(t.ivan, t.ivanChat, proposal.call, okButton(buttons(proposal.call)));
    expect(stored.text).toMatch(/^✅ Встреча — Вектор/);

    const joined = await h.say(t.john, t.group, "/join");
    const after = h.fake.mark();
    h.fake.sendText(t.john, t.group, "called Acme, no answer"); // chatter, not addressed to the bot
    h.fake.sendText(t.john, t.group, "called Contoso, booked a meeting", { reply_to_message: joined.call.response.result as Message });
    // Updates of one chat run in order: had the chatter been answered, that answer would come first.
    const reply = await h.fake.waitForMessage(t.group.id, undefined, { after });
    expect(visibleText(reply)).toContain("📞 Call → meeting set · Contoso (new client)");
    expect(liveActivities(h)).toBe(1);
  });

  e2e("in a group a message that mentions the bot is read too, without the mention", async ({ h, t }) => {
    await h.say(t.john, t.group, "/join");
    const proposal = await h.say(t.john, t.group, `@${h.fake.botInfo.username} called Northwind, nobody answered`);
    expect(visibleText(proposal.call)).toContain("📞 Call → no answer · Northwind (new client)");
    expect(visibleText(proposal.call)).not.toContain(h.fake.botInfo.username);
    const stored = await h.tap(t.john, t.group, proposal.call, okButton(buttons(proposal.call)));
    expect(stored.text).toMatch(/^✅ Call — no answer — Northwind/);
    expect(count(h, "select client_name from activities")).toBe("Northwind");
  });
});
