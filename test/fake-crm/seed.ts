// A team with managers and an amoCRM connection made straight through the
// repositories (for the bench and the crash test), and a fake account full of calls.
import { saveConnection } from "../../src/crm/connect.js";
import type { AppDeps } from "../../src/services/deps.js";
import type { FakeAmo } from "./amocrm.js";

export const SEED_TOKEN = "seed-long-lived-token-0123456789abcdefghijklmnopqrstuvwxyz";

/** Creates the team (head 1, managers 2…n+1), connects amoCRM and maps CRM users 601… to the managers. */
export function seedCrmTeam(deps: AppDeps, amo: FakeAmo, managers: number, now: number): number {
  const { repos } = deps;
  const head = repos.users.upsert({ id: 1, is_bot: false, first_name: "Head" }, now);
  const team = repos.teams.create({ chatId: -1, name: "Bench", timezone: "Europe/Moscow", locale: "ru", headId: head.id });
  for (let i = 0; i < managers; i++) {
    repos.users.upsert({ id: 2 + i, is_bot: false, first_name: `M${i}` }, now);
    repos.memberships.join(team.id, 2 + i, now);
  }
  const member = { user: head, team, membership: repos.memberships.get(team.id, head.id)! };
  const conn = saveConnection(deps, member, {
    kind: "amocrm",
    authMode: "token",
    accountId: String(amo.account.id),
    accountName: amo.account.name,
    baseUrl: amo.origin,
    credentials: { mode: "token", token: SEED_TOKEN },
  });
  amo.longLived.add(SEED_TOKEN);
  repos.crm.upsertUsers(
    conn.id,
    Array.from({ length: managers }, (_, i) => ({ crmUserId: String(601 + i), name: `M${i}`, email: null })),
  );
  for (let i = 0; i < managers; i++) repos.crm.mapUser(conn.id, String(601 + i), 2 + i, now);
  repos.crm.setSource(team.id, "lead", "crm", head.id, now);
  return conn.id;
}

/** `calls` call notes and `leads` won leads (each a new lead and a deal) spread over the day before `now`. */
export function fillAmo(amo: FakeAmo, managers: number, calls: number, leads: number, now: number): void {
  amo.users = Array.from({ length: managers }, (_, i) => ({ id: 601 + i, name: `M${i}`, email: `m${i}@x.ru` }));
  const s = Math.floor(now / 1000) - 6 * 3600;
  for (let i = 0; i < calls; i++) {
    amo.notes.push({
      id: 1 + i,
      entity: "leads",
      entity_id: 1,
      responsible_user_id: 601 + (i % managers),
      created_by: 601 + (i % managers),
      note_type: i % 2 ? "call_in" : "call_out",
      created_at: s + Math.floor(i / 10),
      updated_at: s + Math.floor(i / 10),
      params: { uniq: `c${i}`, duration: i % 3 ? 40 : 0, call_status: i % 3 ? 4 : 6, phone: "+7", source: "bench", link: "" },
    });
  }
  for (let i = 0; i < leads; i++) {
    amo.leads.push({
      id: 100_000 + i,
      name: `Lead ${i}`,
      price: 1000 + i,
      responsible_user_id: 601 + (i % managers),
      status_id: 142,
      pipeline_id: 7,
      created_at: s + i,
      updated_at: s + i + 60,
      closed_at: s + i + 60,
    });
  }
}
