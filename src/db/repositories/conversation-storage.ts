import { eq, sql } from "drizzle-orm";
import type { Db } from "../client.js";
import { conversationState } from "../schema.js";

function buildReadQuery(db: Db) {
  return db
    .select()
    .from(conversationState)
    .where(eq(conversationState.key, sql.placeholder("key")))
    .prepare();
}

/**
 * Every update reads its chat's flow state (twice: the version check and the
 * plugin), so the read is built once per database rather than on each call.
 */
const readQueries = new WeakMap<Db, ReturnType<typeof buildReadQuery>>();

function readQuery(db: Db): ReturnType<typeof buildReadQuery> {
  let query = readQueries.get(db);
  if (!query) {
    query = buildReadQuery(db);
    readQueries.set(db, query);
  }
  return query;
}

/**
 * A key-value adapter in the shape the conversations plugin expects, so an
 * unfinished guided flow is still there after a restart.
 */
export function conversationStorage<T>(db: Db) {
  return {
    read(key: string): T | undefined {
      const row = readQuery(db).get({ key });
      return row ? (JSON.parse(row.value) as T) : undefined;
    },
    write(key: string, value: T): void {
      const json = JSON.stringify(value);
      db.insert(conversationState)
        .values({ key, value: json, updatedAt: Date.now() })
        .onConflictDoUpdate({ target: conversationState.key, set: { value: json, updatedAt: Date.now() } })
        .run();
    },
    delete(key: string): void {
      db.delete(conversationState).where(eq(conversationState.key, key)).run();
    },
  };
}
