import type { Chat, User } from "grammy/types";
import type { Harness } from "./harness.js";

export interface TeamFixture {
  group: Chat;
  head: User;
  headChat: Chat;
  ivan: User;
  ivanChat: Chat;
  john: User;
  johnChat: Chat;
  inviteCode: string;
}

/** A group set up by its admin (Russian head), one Russian and one English manager joined. */
export async function setUpTeam(h: Harness, groupId = -1001): Promise<TeamFixture> {
  const { fake } = h;
  const head = fake.user(100, { first_name: "Ольга", username: "olga", language_code: "ru" });
  const ivan = fake.user(101, { first_name: "Иван", username: "ivan", language_code: "ru" });
  const john = fake.user(102, { first_name: "John", username: "john", language_code: "en" });
  const group = fake.group(groupId, "Отдел продаж");
  fake.setChatMember(group.id, head.id, "creator");
  await h.say(head, group, "/setup");
  const invite = await h.say(head, fake.privateChat(head), "/invite");
  const inviteCode = /start=([A-Za-z0-9_-]+)/.exec(invite.text)![1]!;
  await h.say(ivan, fake.privateChat(ivan), `/start ${inviteCode}`);
  await h.say(john, group, "/join");
  return {
    group,
    head,
    headChat: fake.privateChat(head),
    ivan,
    ivanChat: fake.privateChat(ivan),
    john,
    johnChat: fake.privateChat(john),
    inviteCode,
  };
}

export function count(h: Harness, sql: string, ...params: unknown[]): number {
  const row = h.deps.db.$client.prepare(sql).get(...params) as Record<string, number>;
  return Object.values(row)[0]!;
}

export const liveActivities = (h: Harness) => count(h, "select count(*) from activities where deleted_at is null");
