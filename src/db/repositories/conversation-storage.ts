import type { Statement } from "better-sqlite3";
import { eq } from "drizzle-orm";
import type { Db } from "../client.js";
import { conversationState } from "../schema.js";

/**
 * Every private message reads its chat's flow state and the person's /crm connect
 * state, so the read is one plain statement built once per database (drizzle's
 * building and row mapping cost more than the lookup).
 */
const readStatements = new WeakMap<Db, Statement<[string], string>>();

function readStatement(db: Db): Statement<[string], string> {
  let statement = readStatements.get(db);
  if (!statement) {
    statement = db.$client.prepare<[string], string>("select value from conversation_state where key = ?").pluck();
    readStatements.set(db, statement);
  }
  return statement;
}

/**
 * A key-value adapter in the shape the conversations plugin expects, so an
 * unfinished guided flow is still there after a restart.
 */
export function conversationStorage<T>(db: Db) {
  return {
    read(key: string): T | undefined {
      const value = readStatement(db).get(key);
      return value === undefined ? undefined : (JSON.parse(value) as T);
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
