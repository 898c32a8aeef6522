// Who may do what: every command × role × chat, run end to end against the fake Bot API.
import type { Chat, User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messages } from "../../src/presentation/i18n/index.js";
import { type Harness, startHarness, visibleText } from "../support/harness.js";
import { count, setUpTeam, type TeamFixture } from "../support/team.js";

/**
 * Columns per role: P = its private chat, O = its own team's group (team A's group
 * for those in no team), X = the other team's group, N = a group that is no team.
 *
 * A / B  answered, and what it stored, changed or named belongs to team A / team B
 * a      answered (nothing team-specific to check: help, lists, refusals of bad input)
 * T      answered by creating a new team for that group
 * N      refused: not in a team            O  refused: this group is another team's
 * G      refused: this group is no team    H  refused: for heads only
 * P      refused: wrong kind of chat       D  refused: only a group admin may
 * V      refused: in the private chat only
 */
const MATRIX = `
command       stranger  manager   head      headB     admin
setup         P A B D   P A B D   P A B D   P B A D   P A B T
invite        N N N G   H H O G   A A O G   B B O G   N N N G
invite-new    N N N G   H H O G   A A O G   B B O G   N N N G
join          P A B G   P A B G   P A B G   P B A G   P A B G
start         a a a a   A a a a   A a a a   B a a a   a a a a
promote       N N N G   H H O G   A A O G   a a O G   N N N G
demote        N N N G   H H O G   a a O G   a a O G   N N N G
remove        N N N G   H H O G   A A O G   a a O G   N N N G
help          a a a a   a a a a   a a a a   a a a a   a a a a
call          N N N G   A A O G   A A O G   B B O G   N N N G
meeting       N N N G   A A O G   A A O G   B B O G   N N N G
proposal      N N N G   A A O G   A A O G   B B O G   N N N G
presentation  N N N G   A A O G   A A O G   B B O G   N N N G
lead          N N N G   A A O G   A A O G   B B O G   N N N G
deal          N N N G   A A O G   A A O G   B B O G   N N N G
lost          N N N G   a a O G   a a O G   a a O G   N N N G
log           N N N G   a a O G   a a O G   a a O G   N N N G
undo          N N N G   A A O G   A A O G   B B O G   N N N G
me            N N N G   a a O G   a a O G   a a O G   N N N G
plan          N N N G   H H O G   a a O G   a a O G   N N N G
report        N N N G   A A O G   A A O G   B B O G   N N N G
reports       N N N G   a a O G   a a O G   a a O G   N N N G
compare       N N N G   H H O G   a a O G   a a O G   N N N G
funnel        N N N G   A A O G   A A O G   B B O G   N N N G
export        N N N G   a a O G   a a O G   a a O G   N N N G
bonus         N N N G   a a O G   a a O G   a a O G   N N N G
bonus-rules   N N N G   H H O G   a a O G   a a O G   N N N G
import        N V V V   a V V V   a V V V   a V V V   N V V V
top           N N N G   a a O G   a a O G   a a O G   N N N G
contests      N N N G   a a O G   a a O G   a a O G   N N N G
contest       N N N G   a a O G   a a O G   a a O G   N N N G
summary       N N N G   H H O G   A A O G   B B O G   N N N G
flags         N N N G   H H O G   a P O G   a P O G   N N N G
settings      N N N G   a a O G   A A O G   B B O G   N N N G
settings-pts  N N N G   H H O G   A A O G   B B O G   N N N G
settings-hol  N N N G   H H O G   A A O G   B B O G   N N N G
league        N N N G   a a O G   a a O G   a a O G   N N N G
league-create N N N G   H H O G   A A O G   B B O G   N N N G
top-fair      N N N G   a a O G   a a O G   a a O G   N N N G
inputs        N N N G   H H O G   A P O G   B P O G   N N N G
crm           N N N G   H H O G   a P O G   a P O G   N N N G
clients       N N N G   a a O G   A A O G   B B O G   N N N G
feed          N N N G   a a O G   a a O G   a a O G   N N N G
edit          N N N G   a a O G   a a O G   a a O G   N N N G
void          N N N G   H H O G   a a O G   a a O G   N N N G
aliases       N N N G   H H O G   a a O G   a a O G   N N N G
badges        N N N G   a a O G   A A O G   B B O G   N N N G
free-text     N N N -   A A O -   A A O -   B B O -   N N N -
coach         N N N G   H H O G   a a O G   a a O G   N N N G
note          N N N G   H H O G   a a O G   a a O G   N N N G
program       N N N G   H H O G   a a O G   a a O G   N N N G
quiz          N N N G   a a O G   a a O G   a a O G   N N N G
kb            N N N G   a a O G   a a O G   a a O G   N N N G
learn         N N N G   a a O G   a a O G   a a O G   N N N G
dashboard     a a a a   a a a a   a a a a   a a a a   a a a a
tv            a a a a   a a a a   a a a a   a a a a   a a a a
`;

/** What each command is sent with: arguments that make a permitted call do its real work. */
const ARGS: Record<string, string> = {
  promote: "@john",
  demote: "@john",
  remove: "@john",
  call: "Клиент",
  meeting: "Клиент",
  proposal: "Клиент",
  presentation: "Клиент",
  lead: "Лид-{n}",
  deal: "1000",
  lost: "Нет-такого — дорого",
};

/** Rows that are not a plain `/command args`: the whole message sent. */
const MESSAGES: Record<string, (botUsername: string) => string> = {
  "invite-new": () => "/invite new",
  "bonus-rules": () => "/bonus rules",
  "free-text": (bot) => `@${bot} звонок Клиент`,
  "settings-pts": () => "/settings points call 2",
  "settings-hol": () => "/settings holidays 31.12",
  "league-create": () => "/league create",
  "top-fair": () => "/top fair",
  inputs: () => "/inputs market 12m",
};

/**
 * `exhead`: a head of team A who was removed and came back by /join. Not a column of
 * its own: re-joining never restores a role, so every answer is the manager's.
 */
type Role = "stranger" | "manager" | "head" | "headB" | "admin" | "exhead";
const ROLES: Role[] = ["stranger", "manager", "head", "headB", "admin", "exhead"];
const CHATS = ["P", "O", "X", "N"] as const;

const { header, rows } = (() => {
  const lines = MATRIX.trim().split("\n");
  const table = lines.slice(1).map((l) => l.trim().split(/\s+/));
  return { header: lines[0]!.trim().split(/\s+/), rows: table };
})();
const COMMANDS = rows.map((r) => r[0]!);

function expectedFor(role: Role): string[] {
  const col = header.indexOf(role === "exhead" ? "manager" : role);
  // Each role spans four columns after the command name.
  return rows.map((r) => r.slice(1 + (col - 1) * 4, 1 + col * 4).join(" "));
}

const REFUSALS: [string, (text: string) => boolean][] = [
  ["O", (s) => s.startsWith("Эта группа — команда")],
  ["N", (s) => s === messages.ru.notInTeam],
  ["G", (s) => s === messages.ru.groupNotTeam],
  ["H", (s) => /^Команда \/\w+( \w+)? доступна только руководителю/.test(s) || s === messages.ru.motivation.headOnly],
  [
    "P",
    (s) =>
      s === messages.ru.setup.notGroup ||
      /^\/\w+ работает в группе команды/.test(s) ||
      s === messages.ru.flags.privateOnly ||
      s === messages.ru.crm.privateOnly ||
      s === messages.ru.privateOnly,
  ],
  ["D", (s) => s === messages.ru.setup.notAdmin],
  ["V", (s) => s === messages.ru.importCsv.privateOnly],
];

let h: Harness;
let t: TeamFixture;
let teamA: number;
let teamB: number;
const people = {} as Record<Role, User>;
const groupB: Chat = { id: -2002, type: "group", title: "Отдел Б" };
/** Each role gets its own no-team group, so the roles can run side by side. */
const noTeamGroup = (role: Role): Chat => ({ id: -3000 - ROLES.indexOf(role), type: "group", title: `Болталка ${role}` });

beforeAll(async () => {
  h = await startHarness();
  t = await setUpTeam(h);
  teamA = count(h, "select id from teams where chat_id = ?", t.group.id);
  const boris = h.fake.user(200, { first_name: "Борис", username: "boris", language_code: "ru" });
  h.fake.group(groupB.id, "Отдел Б");
  h.fake.setChatMember(groupB.id, boris.id, "creator");
  await h.say(boris, groupB, "/setup");
  teamB = count(h, "select id from teams where chat_id = ?", groupB.id);
  const sam = h.fake.user(400, { first_name: "Сэм", username: "sam", language_code: "ru" });
  const adam = h.fake.user(500, { first_name: "Адам", username: "adam", language_code: "ru" });
  for (const role of ROLES) h.fake.group(noTeamGroup(role).id, noTeamGroup(role).title);
  for (const g of [t.group.id, groupB.id, noTeamGroup("admin").id]) h.fake.setChatMember(g, adam.id, "administrator");
  // A head removed from team A who re-joins by /join.
  const petr = h.fake.user(600, { first_name: "Пётр", username: "petr", language_code: "ru" });
  await h.say(petr, h.fake.privateChat(petr), `/start ${t.inviteCode}`);
  await h.say(t.head, t.group, "/promote @petr");
  await h.say(t.head, t.group, "/remove @petr");
  await h.say(petr, t.group, "/join");
  expect(count(h, "select count(*) from memberships where user_id = ? and role = 'manager' and active = 1", petr.id)).toBe(1);
  Object.assign(people, { stranger: sam, manager: t.ivan, head: t.head, headB: boris, admin: adam, exhead: petr });
}, 30_000);
afterAll(async () => {
  await h.stop();
  await h.fake.close();
});

/**
 * Memberships a cell may change: the sender's own, and for team A's head John's too
 * (the target of /promote and /remove; for the others he is not in their team).
 */
const memberships = (user: User) =>
  h.deps.db.$client
    .prepare("select team_id, user_id, role, active from memberships where user_id in (?, ?) order by id")
    .all(user.id, user.id === t.head.id ? t.john.id : user.id) as {
    team_id: number;
    user_id: number;
    role: string;
    active: number;
  }[];

/** Team letter of a team id, for the codes. */
const letter = (teamId: number | undefined) => (teamId === teamA ? "A" : teamId === teamB ? "B" : teamId ? "T" : null);

/** Cells in one chat run one after another (the team groups are shared by the roles). */
const chatQueues = new Map<number, Promise<unknown>>();
function inChat<T>(chatId: number, fn: () => Promise<T>): Promise<T> {
  const run = (chatQueues.get(chatId) ?? Promise.resolve()).then(fn);
  chatQueues.set(
    chatId,
    run.catch(() => undefined),
  );
  return run;
}

/** Sends one command, waits until it is fully handled, classifies the answer and undoes what it changed. */
async function runCell(role: Role, chat: Chat, command: string, n: number): Promise<string> {
  const user = people[role];
  const db = h.deps.db.$client;
  const teamSettings = () => db.prepare("select id, settings from teams order by id").all() as { id: number; settings: string }[];
  const inviteCodes = () => db.prepare("select id, invite_code from teams order by id").all() as { id: number; invite_code: string }[];
  const before = {
    memberships: memberships(user),
    lastActivity: count(h, "select coalesce(max(id), 0) from activities"),
    lastProposal: count(h, "select coalesce(max(id), 0) from text_proposals"),
    invites: inviteCodes(),
    settings: teamSettings(),
    lastLeague: count(h, "select coalesce(max(id), 0) from leagues"),
    lastLeagueTeam: count(h, "select coalesce(max(id), 0) from league_teams"),
    lastInput: count(h, "select coalesce(max(id), 0) from business_inputs"),
  };
  const undone = count(h, "select count(*) from activities where deleted_at is not null and user_id = ?", user.id);
  const args = (ARGS[command] ?? "").replace("{n}", String(n));
  const after = h.fake.mark();
  const message = MESSAGES[command]?.(h.fake.botInfo.username) ?? `/${command}${args ? ` ${args}` : ""}`;
  h.fake.sendText(user, chat, message);
  // Updates of one chat are handled in order: when /help is answered, the command was handled in full.
  const helpTitle = "Команды KPI Coach";
  const helps = command === "help" ? 2 : 1;
  h.fake.sendText(user, chat, "/help");
  await h.fake.waitForMessage(
    chat.id,
    (_text, call) =>
      h.fake.calls
        .slice(after, h.fake.calls.indexOf(call) + 1)
        .filter((c) => c.payload["chat_id"] === chat.id && visibleText(c).startsWith(helpTitle)).length >= helps,
    { after, timeoutMs: 15_000 },
  );
  const sent = h.fake.calls
    .slice(after)
    .filter((c) => c.payload["chat_id"] === chat.id && ["sendMessage", "sendPhoto", "sendDocument"].includes(c.method));
  for (const c of sent) expect(c.response.ok, `${role} /${command}: ${c.response.description}`).toBe(true);
  const texts = sent.map((c) => visibleText(c)).slice(0, sent.length - 1);
  const first = texts[0] ?? "";

  // Evidence of which team the command touched: entries, memberships, teams, or the name it shows.
  const activity = db
    .prepare("select team_id from activities where id > ? and user_id = ? order by id")
    .get(before.lastActivity, user.id) as { team_id: number } | undefined;
  const undoneNow = count(h, "select count(*) from activities where deleted_at is not null and user_id = ?", user.id);
  const undoneTeam =
    undoneNow > undone
      ? (db
          .prepare("select team_id from activities where deleted_at is not null and user_id = ? order by deleted_at desc")
          .get(user.id) as {
          team_id: number;
        })
      : undefined;
  const proposal = db
    .prepare("select team_id from text_proposals where id > ? and user_id = ? order by id")
    .get(before.lastProposal, user.id) as { team_id: number } | undefined;
  const nowMemberships = memberships(user);
  const changed = nowMemberships.find(
    (m) =>
      !before.memberships.some((b) => b.team_id === m.team_id && b.user_id === m.user_id && b.role === m.role && b.active === m.active),
  );
  // Settings, leagues and business inputs stored for a team the sender heads (only they may change those, so
  // roles running side by side don't see each other's changes).
  const headed = before.memberships.filter((m) => m.user_id === user.id && m.role === "head" && m.active).map((m) => m.team_id);
  const ownRows = (table: string, after: number) =>
    (db.prepare(`select id, team_id from ${table} where id > ? order by id`).all(after) as { id: number; team_id: number }[]).filter((r) =>
      headed.includes(r.team_id),
    );
  const settingsChanged = teamSettings().find(
    (n) => headed.includes(n.id) && before.settings.some((b) => b.id === n.id && b.settings !== n.settings),
  );
  const leagueTeam = ownRows("league_teams", before.lastLeagueTeam)[0];
  const input = ownRows("business_inputs", before.lastInput)[0];
  const newTeam = count(h, "select count(*) from teams where chat_id = ?", chat.id) > 0 && ![t.group.id, groupB.id].includes(chat.id);
  const named = texts.join("\n");
  // Its reply shows the new link: roles run side by side, so another head may rotate theirs meanwhile.
  const rotated = inviteCodes().find(
    (t) => named.includes(t.invite_code) && before.invites.some((b) => b.id === t.id && b.invite_code !== t.invite_code),
  );
  const byName = named.includes("Отдел продаж") ? "A" : named.includes("Отдел Б") ? "B" : null;

  let code: string;
  const refusal = command === "help" ? undefined : REFUSALS.find(([, test]) => test(first));
  if (texts.length === 0) code = "-";
  else if (refusal) code = refusal[0];
  else if (newTeam) code = "T";
  // A rotation is the only evidence for /invite new: showing the current link names the team too.
  else if (command === "invite-new") code = letter(rotated?.id) ?? "a";
  else
    code =
      letter(activity?.team_id) ??
      letter(undoneTeam?.team_id) ??
      letter(changed?.team_id) ??
      letter(proposal?.team_id) ??
      letter(rotated?.id) ??
      letter(settingsChanged?.id) ??
      letter(leagueTeam?.team_id) ??
      letter(input?.team_id) ??
      byName ??
      "a";

  // Back to the starting state, for the next cell.
  const oldCode = before.invites.find((b) => b.id === rotated?.id)?.invite_code;
  if (rotated && oldCode) db.prepare("update teams set invite_code = ? where id = ?").run(oldCode, rotated.id);
  for (const b of before.settings.filter((b) => headed.includes(b.id)))
    db.prepare("update teams set settings = ? where id = ?").run(b.settings, b.id);
  for (const r of ownRows("league_teams", before.lastLeagueTeam)) db.prepare("delete from league_teams where id = ?").run(r.id);
  for (const id of headed) db.prepare("delete from leagues where id > ? and creator_team_id = ?").run(before.lastLeague, id);
  for (const r of ownRows("business_inputs", before.lastInput)) db.prepare("delete from business_inputs where id = ?").run(r.id);
  db.prepare("delete from teams where chat_id = ?").run(noTeamGroup(role).id);
  const keep = before.memberships;
  for (const m of nowMemberships) {
    const was = keep.find((b) => b.team_id === m.team_id && b.user_id === m.user_id);
    if (!was) db.prepare("delete from memberships where team_id = ? and user_id = ?").run(m.team_id, m.user_id);
    else
      db.prepare("update memberships set role = ?, active = ? where team_id = ? and user_id = ?").run(
        was.role,
        was.active,
        m.team_id,
        m.user_id,
      );
  }
  return code;
}

async function runRole(role: Role): Promise<string[]> {
  const user = people[role];
  const own = role === "headB" ? groupB : t.group;
  const other = role === "headB" ? t.group : groupB;
  const chats: Record<(typeof CHATS)[number], Chat> = { P: h.fake.privateChat(user), O: own, X: other, N: noTeamGroup(role) };
  const out: string[] = [];
  let n = 0;
  for (const command of COMMANDS) {
    const codes: string[] = [];
    for (const c of CHATS) codes.push(await inChat(chats[c].id, () => runCell(role, chats[c], command, n++)));
    out.push(codes.join(" "));
  }
  return out;
}

describe("the permission matrix", () => {
  it("every command × role × chat gets the answer the table says", async () => {
    // Roles run side by side: each has its own chats, and each cell restores what it changed.
    const actual = await Promise.all(ROLES.map((r) => runRole(r)));
    const show = (grid: string[][]) => COMMANDS.map((c, i) => `${c.padEnd(13)} ${grid.map((g) => g[i]).join("   ")}`).join("\n");
    expect(show(actual)).toBe(show(ROLES.map(expectedFor)));
  }, 120_000);
});

describe("forged buttons, reused links, promotions", () => {
  const failure = messages.ru.failure;
  const plans = () => count(h, "select count(*) from plans");

  it("garbage and forged callback data change nothing and break nothing", async () => {
    await h.say(t.head, t.headChat, "/plan calls 40 day");
    const teamBPlan = await h.say(people.headB, h.fake.privateChat(people.headB), "/plan deals 5 month");
    expect(teamBPlan.text).toContain("План задан");
    const otherPlanId = count(h, "select id from plans where team_id = ?", teamB);
    const list = await h.say(t.head, t.headChat, "/plan");
    const settingsBefore = count(h, "select length(settings) from teams where id = ?", teamA);
    const after = h.fake.mark();
    for (const data of [
      "zzz",
      "plan:rm:abc",
      `plan:edit:${otherPlanId}`,
      "plan:rm:-1",
      "set:t:constructor",
      "set:u:lang:__proto__",
      "log:constructor",
      "pe:m:calls",
      "flow:skip",
      "x".repeat(64),
    ]) {
      h.fake.forgeClick(t.head, t.headChat, list.call.response.result, data);
    }
    const sync = h.fake.mark();
    h.fake.sendText(t.head, t.headChat, "/help");
    await h.fake.waitForMessage(t.headChat.id, (text) => text.startsWith("Команды KPI Coach"), { after: sync });
    const answers = h.fake.calls.slice(after).filter((c) => c.method === "answerCallbackQuery");
    expect(answers).toHaveLength(10);
    for (const a of answers) expect(a.response.ok).toBe(true);
    const texts = h.fake
      .messagesTo(t.headChat.id)
      .slice(-20)
      .map((c) => visibleText(c));
    expect(texts).not.toContain(failure);
    expect(count(h, "select count(*) from plans where id = ?", otherPlanId)).toBe(1);
    expect(count(h, "select length(settings) from teams where id = ?", teamA)).toBe(settingsBefore);
    expect(plans()).toBe(2);
  });

  it("another user's buttons: a manager tapping the head's plan list in the group removes nothing", async () => {
    const list = await h.say(t.head, t.group, "/plan");
    const planId = count(h, "select id from plans where team_id = ?", teamA);
    // The list is answered to the head alone: a manager never sees its buttons, so only a forged tap carries them.
    const after = h.fake.mark();
    h.fake.forgeClick(t.ivan, t.group, list.call.response.result, `plan:rm:${planId}`);
    const r = visibleText(await h.fake.waitForMessage(t.group.id, undefined, { after }));
    expect(r).toBe("Команда /plan доступна только руководителю отдела продаж.");
    expect(count(h, "select count(*) from plans where id = ?", planId)).toBe(1);
  });

  it("an invite link works again after leaving, until the head replaces it", async () => {
    const sam = people.stranger;
    const samChat = h.fake.privateChat(sam);
    expect((await h.say(sam, samChat, `/start ${t.inviteCode}`)).text).toContain("Вы в команде Отдел продаж");
    h.fake.changeMember(t.group, sam, "left");
    await h.say(t.head, t.group, "/help");
    expect(count(h, "select active from memberships where user_id = ? and team_id = ?", sam.id, teamA)).toBe(0);
    expect((await h.say(sam, samChat, "/me")).text).toBe(messages.ru.notInTeam);
    // Leaving is not a ban: the same link lets them back in ...
    expect((await h.say(sam, samChat, `/start ${t.inviteCode}`)).text).toBe("С возвращением в Отдел продаж.");
    await h.say(t.head, t.group, "/remove @sam");
    // ... until the head replaces it.
    await h.say(t.head, t.headChat, "/invite new");
    expect((await h.say(sam, samChat, `/start ${t.inviteCode}`)).text).toContain("Ссылка-приглашение недействительна");
    expect(count(h, "select active from memberships where user_id = ? and team_id = ?", sam.id, teamA)).toBe(0);
  });

  it("/promote of someone who is not an active member of the team is refused", async () => {
    for (const who of ["@sam", "@boris", "@nobody_here"]) {
      const r = await h.say(t.head, t.group, `/promote ${who}`);
      expect(r.text).toMatch(new RegExp(`^В команде нет участника ${who}\\.`));
    }
    expect(count(h, "select count(*) from memberships where team_id = ? and role = 'head'", teamA)).toBe(1);
  });
});
