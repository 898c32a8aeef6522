import { describe, expect } from "vitest";
import { e2e } from "../support/e2e.js";
import type { Harness } from "../support/harness.js";
import { count } from "../support/team.js";

describe("setup, invite and join", () => {
  e2e("refuses /setup from a non-admin and stores nothing; an admin creates the team once", async ({ h }) => {
    const { fake } = h;
    const admin = fake.user(1, { first_name: "Ольга", language_code: "ru" });
    const member = fake.user(2, { first_name: "Bob", language_code: "en" });
    const group = fake.group(-500, "Sales East");
    fake.setChatMember(group.id, admin.id, "administrator");
    fake.setChatMember(group.id, member.id, "member");

    const refused = await h.say(member, group, "/setup");
    expect(refused.text).toMatch(/Only a group admin/);
    expect(count(h, "select count(*) from teams")).toBe(0);

    const done = await h.say(admin, group, "/setup");
    expect(done.text).toContain("Команда Sales East создана");
    expect(done.text).toMatch(/https:\/\/t\.me\/kpi_coach_test_bot\?start=[A-Za-z0-9_-]{8,64}/);
    expect(count(h, "select count(*) from memberships where role = 'head' and user_id = 1")).toBe(1);

    const again = await h.say(admin, group, "/setup");
    expect(again.text).toContain("уже команда");
    expect(count(h, "select count(*) from teams")).toBe(1);

    const inPrivate = await h.say(admin, fake.privateChat(admin), "/setup");
    expect(inPrivate.text).toMatch(/в группе/);
  });

  e2e("joins managers through the invite link and /join, and shows the one-tap keyboard in private", async ({ h, t }) => {
    expect(count(h, "select count(*) from memberships where role = 'manager' and active = 1")).toBe(2);

    const dm = h.fake.messagesTo(t.ivanChat.id).at(-1)!;
    expect(dm.payload["text"]).toContain("Вы в команде");
    const keyboard = (dm.payload["reply_markup"]["keyboard"] as { text: string }[][]).flat().map((b) => b.text);
    expect(keyboard).toEqual(expect.arrayContaining(["📞 Звонок", "💰 Сделка", "📊 Мой день", "↩️ Отменить"]));
    expect(dm.payload["reply_markup"]["is_persistent"]).toBe(true);

    const again = await h.say(t.ivan, t.ivanChat, `/start ${t.inviteCode}`);
    expect(again.text).toContain("уже в команде");
    const joinAgain = await h.say(t.john, t.group, "/join");
    expect(joinAgain.text).toContain("already in");
    expect(count(h, "select count(*) from memberships")).toBe(3);
  });

  e2e("explains itself on /start, refuses a bad invite code, and limits /invite and /promote to heads", async ({ h, t }) => {
    const stranger = h.fake.user(300, { first_name: "Sam", language_code: "en" });
    const intro = await h.say(stranger, h.fake.privateChat(stranger), "/start");
    expect(intro.text).toContain("How to join");
    const bad = await h.say(stranger, h.fake.privateChat(stranger), "/start notARealCode1");
    expect(bad.text).toContain("not valid");
    expect(count(h, "select count(*) from memberships where user_id = 300")).toBe(0);

    const managerInvite = await h.say(t.ivan, t.ivanChat, "/invite");
    expect(managerInvite.text).toContain("только руководителю");
    const managerPromote = await h.say(t.john, t.group, "/promote @ivan");
    expect(managerPromote.text).toContain("Only a head");

    const badForm = await h.say(t.head, t.group, "/promote");
    expect(badForm.text).toContain("/promote @username");
    const unknown = await h.say(t.head, t.group, "/promote @nobody_here");
    expect(unknown.text).toContain("нет участника @nobody_here");
    const promoted = await h.say(t.head, t.group, "/promote @ivan");
    expect(promoted.text).toContain("@ivan теперь руководитель");
    expect(count(h, "select count(*) from memberships where user_id = 101 and role = 'head'")).toBe(1);
    const nowHeadInvite = await h.say(t.ivan, t.ivanChat, "/invite");
    expect(nowHeadInvite.text).toContain(`start=${t.inviteCode}`);
  });

  e2e("lists in /help only what the caller's role can use", async ({ h, t }) => {
    const managerHelp = await h.say(t.john, t.johnChat, "/help");
    expect(managerHelp.text).toContain("/deal");
    expect(managerHelp.text).not.toContain("/invite");
    expect(managerHelp.text).not.toContain("/demote");
    const headHelp = await h.say(t.head, t.headChat, "/help");
    expect(headHelp.text).toContain("/invite");
    expect(headHelp.text).toContain("/demote @user — вернуть руководителя в менеджеры");
    // Each command is listed once: no two lines of the help lead with the same command.
    for (const help of [headHelp.text, managerHelp.text]) {
      const leads = help.split("\n").flatMap((l) => /^\/([a-z_]+)/.exec(l)?.[1] ?? []);
      expect(leads.filter((c, i) => leads.indexOf(c) !== i)).toEqual([]);
    }
    const stranger = h.fake.user(301, { language_code: "en" });
    const strangerHelp = await h.say(stranger, h.fake.privateChat(stranger), "/help");
    expect(strangerHelp.text).not.toContain("/deal");
    expect(strangerHelp.text).toContain("not in a team");
  });
});

describe("roles: re-joining never restores a role; /demote", () => {
  const roleOf = (h: Harness, userId: number) =>
    (h.deps.db.$client.prepare("select role, active from memberships where user_id = ?").get(userId) as { role: string; active: number }) ??
    null;

  e2e("a removed head who comes back by /join, the old invite link or after leaving the group is a manager", async ({ h, t }) => {
    // /join in the group.
    expect((await h.say(t.head, t.group, "/promote @john")).text).toContain("@john теперь руководитель");
    await h.say(t.head, t.group, "/remove @john");
    expect(roleOf(h, t.john.id)).toEqual({ role: "head", active: 0 });
    expect((await h.say(t.john, t.group, "/join")).text).toContain("joined");
    expect(roleOf(h, t.john.id)).toEqual({ role: "manager", active: 1 });
    expect((await h.say(t.john, t.johnChat, "/invite")).text).toContain("Only a head");
    expect((await h.say(t.john, t.johnChat, "/bonus rules")).text).toContain("Only a head");

    // The old invite link (deep link /start <code>).
    await h.say(t.head, t.group, "/promote @ivan");
    await h.say(t.head, t.group, "/remove @ivan");
    expect((await h.say(t.ivan, t.ivanChat, `/start ${t.inviteCode}`)).text).toBe("С возвращением в Отдел продаж.");
    expect(roleOf(h, t.ivan.id)).toEqual({ role: "manager", active: 1 });
    expect((await h.say(t.ivan, t.ivanChat, "/invite")).text).toContain("только руководителю");

    // Leaving the group (a chat_member update) while another head stays, then the link.
    await h.say(t.head, t.group, "/promote @ivan");
    h.fake.changeMember(t.group, t.ivan, "left");
    await h.say(t.head, t.group, "/help");
    expect(roleOf(h, t.ivan.id)).toEqual({ role: "head", active: 0 });
    h.fake.changeMember(t.group, t.ivan, "member");
    await h.say(t.ivan, t.ivanChat, `/start ${t.inviteCode}`);
    expect(roleOf(h, t.ivan.id)).toEqual({ role: "manager", active: 1 });
    expect((await h.say(t.ivan, t.group, "/promote @john")).text).toContain("только руководителю");
    expect(count(h, "select count(*) from memberships where role = 'head'")).toBe(1);
  });

  e2e(
    "/demote @user: heads only; bad input, unknown names, a manager and the last head are refused; a head becomes a manager",
    async ({ h, t }) => {
      const heads = () => count(h, "select count(*) from memberships where role = 'head' and active = 1");

      expect((await h.say(t.ivan, t.ivanChat, "/demote @olga")).text).toBe("Команда /demote доступна только руководителю отдела продаж.");
      expect((await h.say(t.head, t.group, "/demote")).text).toContain("Формат: /demote @username");
      expect((await h.say(t.head, t.group, "/demote olga ivan")).text).toContain("Формат: /demote @username");
      const unknown = await h.say(t.head, t.group, "/demote @nobody_here");
      expect(unknown.text).toContain("В команде нет участника @nobody_here.");
      expect(unknown.text).toContain("Формат: /demote @username");
      expect((await h.say(t.head, t.group, "/demote @ivan")).text).toBe("@ivan и так менеджер.");
      const last = await h.say(t.head, t.group, "/demote @olga");
      expect(last.text).toContain("единственный руководитель");
      expect(roleOf(h, t.head.id)).toEqual({ role: "head", active: 1 });

      await h.say(t.head, t.group, "/promote @ivan");
      expect(heads()).toBe(2);
      const done = await h.say(t.head, t.headChat, "/demote @ivan");
      expect(done.text).toContain("@ivan теперь менеджер");
      expect(roleOf(h, t.ivan.id)).toEqual({ role: "manager", active: 1 });
      expect((await h.say(t.ivan, t.ivanChat, "/invite")).text).toContain("только руководителю");

      // A head may step down while another head stays; then the other is the last one.
      await h.say(t.head, t.group, "/promote @john");
      expect((await h.say(t.john, t.johnChat, "/demote @olga")).text).toContain("@olga is now a manager");
      expect(roleOf(h, t.head.id)).toEqual({ role: "manager", active: 1 });
      expect((await h.say(t.john, t.johnChat, "/demote @john")).text).toContain("only head");
      expect(heads()).toBe(1);
      expect((await h.say(t.head, t.headChat, "/demote @john")).text).toContain("только руководителю");
    },
  );
});
