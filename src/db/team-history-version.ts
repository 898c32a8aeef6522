// A per-team version of what the business metrics read besides a period's entries
// (won deals, the head's inputs, who the managers are), so a team's history can be
// kept between replies until that team's history changes, not until anything at all
// is written (every update writes the inbox).
//
// Custom SQL, outside the migrations on purpose: TEMP objects live in this connection
// only and are created each time it opens, so there is no schema change. Triggers
// count this connection's writes per team; PRAGMA data_version moves when any other
// connection commits, which makes every team's version new (conservative).
import type BetterSqlite3 from "better-sqlite3";

const bump = (team: string) =>
  `insert into temp.team_history_writes (team_id, n) values (${team}, 1) on conflict (team_id) do update set n = n + 1;`;

/** table, condition on a row (`r`: new or old) that makes it part of the history */
const SOURCES: [table: string, when: (r: "new" | "old") => string][] = [
  ["activities", (r) => `${r}.kind = 'deal'`],
  ["business_inputs", () => "1"],
  ["memberships", () => "1"],
];

export function installTeamHistoryVersion(sqlite: BetterSqlite3.Database): (teamId: number) => string {
  sqlite.exec("create temp table if not exists team_history_writes (team_id integer primary key, n integer not null)");
  for (const [table, when] of SOURCES) {
    sqlite.exec(`
      create temp trigger if not exists ${table}_history_insert after insert on main.${table}
        when ${when("new")} begin ${bump("new.team_id")} end;
      create temp trigger if not exists ${table}_history_update after update on main.${table}
        when ${when("new")} or ${when("old")} begin ${bump("new.team_id")} ${bump("old.team_id")} end;
      create temp trigger if not exists ${table}_history_delete after delete on main.${table}
        when ${when("old")} begin ${bump("old.team_id")} end;`);
  }
  const dataVersion = sqlite.prepare<[], number>("PRAGMA data_version").pluck();
  const writes = sqlite.prepare<[number], number>("select n from temp.team_history_writes where team_id = ?").pluck();
  return (teamId) => `${String(dataVersion.get())}:${String(writes.get(teamId) ?? 0)}`;
}
