import type { Chat, User } from "grammy/types";
import { describe, expect } from "vitest";
import { e2e } from "../support/e2e.js";
import type { Harness, Reply } from "../support/harness.js";
import { count } from "../support/team.js";

/** A second team: its own group and head (user 200). */
async function secondTeam(h: Harness) {
  const headB = h.fake.user(200, { first_name: "Борис", username: "boris", language_code: "ru" });
  const groupB = h.fake.group(-2002, "Отдел Б");
  h.fake.setChatMember(groupB.id, headB.id, "creator");
  await h.say(headB, groupB, "/setup");
  const teamB = count(h, "select id from teams where chat_id = ?", groupB.id);
  return { headB, headBChat: h.fake.privateChat(headB), groupB, teamB };
}

/** A head's /plan editor walked from "new plan" through metric, period and scope taps; the last answer. */
async function walkPlanEditor(h: Harness, head: User, chat: Chat, metric: string, period: string, scope: string): Promise<Reply> {
  let last = await h.say(head, chat, "/plan");
  for (const data of ["plan:new", `pe:m:${metric}`, `pe:p:${period}`, `pe:s:${scope}`]) last = await h.tap(head, chat, last.call, data);
  return last;
}

describe("a guided flow works on the team and role it was opened for", () => {
  e2e("a plan editor opened by team B's head saves into B even after they join team A", async ({ h, t: a }) => {
    const teamA = count(h, "select id from teams where chat_id = ?", a.group.id);
    const b = await secondTeam(h);
    const value = await walkPlanEditor(h, b.headB, b.headBChat, "deals", "month", "each");
    expect(value.text).toContain("Цель по метрике");
    // Mid-flow, the head of B joins team A's group: the private chat's current team is now A.
    await h.say(b.headB, a.group, "/join");
    const saved = await h.say(b.headB, b.headBChat, "10");
    expect(saved.text).toBe("✅ План задан: сделки 10 в месяц · каждому менеджеру");
    expect(count(h, "select count(*) from plans where team_id = ?", teamA)).toBe(0);
    expect(count(h, "select count(*) from plans where team_id = ?", b.teamB)).toBe(1);
  });

  e2e("a head demoted mid-flow can't save the plan", async ({ h, t: a }) => {
    const teamA = count(h, "select id from teams where chat_id = ?", a.group.id);
    await walkPlanEditor(h, a.head, a.headChat, "calls", "day", "team");
    h.deps.repos.memberships.setRole(teamA, a.head.id, "manager");
    const refused = await h.say(a.head, a.headChat, "40");
    expect(refused.text).toBe(
      "Этот диалог начат руководителем команды «Отдел продаж», а вы больше не её руководитель. Ничего не сохранено.",
    );
    expect(count(h, "select count(*) from plans")).toBe(0);
  });

  e2e("a /log flow started for team A stores into A after the manager joins team B", async ({ h, t: a }) => {
    const teamA = count(h, "select id from teams where chat_id = ?", a.group.id);
    const b = await secondTeam(h);
    const ask = await h.say(a.ivan, a.ivanChat, "🆕 Лид");
    expect(ask.text).toContain("какой клиент?");
    await h.say(a.ivan, b.groupB, "/join");
    const done = await h.say(a.ivan, a.ivanChat, "Ромашка");
    expect(done.text).toContain("✅ Новый лид — Ромашка");
    expect(count(h, "select count(*) from activities where team_id = ?", teamA)).toBe(1);
    expect(count(h, "select count(*) from activities where team_id = ?", b.teamB)).toBe(0);
  });

  e2e("a /log flow stops, storing nothing, when the manager left the team meanwhile", async ({ h, t: a }) => {
    await h.say(a.ivan, a.ivanChat, "🆕 Лид");
    h.deps.db.$client.prepare("update memberships set active = 0 where user_id = ?").run(a.ivan.id);
    const done = await h.say(a.ivan, a.ivanChat, "Ромашка");
    expect(done.text).toBe("Этот диалог начат для команды «Отдел продаж», а вы в ней больше не состоите. Ничего не сохранено.");
    expect(count(h, "select count(*) from activities")).toBe(0);
  });

  e2e("the refusal names a team whose title has HTML characters as it is written (replies are HTML)", async ({ h, t: a }) => {
    const teamA = count(h, "select id from teams where chat_id = ?", a.group.id);
    h.deps.db.$client.prepare("update teams set name = ? where id = ?").run("R&D <продажи>", teamA);
    await walkPlanEditor(h, a.head, a.headChat, "calls", "day", "team");
    h.deps.repos.memberships.setRole(teamA, a.head.id, "manager");
    const refused = await h.say(a.head, a.headChat, "40");
    expect(refused.text).toBe(
      "Этот диалог начат руководителем команды «R&D <продажи>», а вы больше не её руководитель. Ничего не сохранено.",
    );
    const ask = await h.say(a.ivan, a.ivanChat, "🆕 Лид");
    expect(ask.text).toContain("какой клиент?");
    h.deps.db.$client.prepare("update memberships set active = 0 where user_id = ?").run(a.ivan.id);
    const done = await h.say(a.ivan, a.ivanChat, "Ромашка");
    expect(done.text).toBe("Этот диалог начат для команды «R&D <продажи>», а вы в ней больше не состоите. Ничего не сохранено.");
    expect(count(h, "select count(*) from plans")).toBe(0);
  });

  e2e("a plan for a manager who left meanwhile names them as they are written (replies are HTML)", async ({ h, t: a }) => {
    const sqlite = h.deps.db.$client;
    sqlite.prepare("update users set username = null, first_name = ? where id = ?").run("<Ваня & Co>", a.ivan.id);
    await walkPlanEditor(h, a.head, a.headChat, "calls", "day", `user:${a.ivan.id}`);
    sqlite.prepare("update memberships set active = 0 where user_id = ?").run(a.ivan.id);
    const refused = await h.say(a.head, a.headChat, "40");
    expect(refused.text).toContain("<Ваня & Co>");
    expect(count(h, "select count(*) from plans")).toBe(0);
  });
});
