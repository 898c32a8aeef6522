import type { User as TelegramUser } from "grammy/types";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.js";
import { createRepositories } from "../../src/db/repositories/index.js";

const from = (patch: Partial<TelegramUser> = {}): TelegramUser => ({
  id: 42,
  is_bot: false,
  first_name: "Ivan",
  username: "ivan",
  language_code: "ru",
  ...patch,
});

describe("users.upsert", () => {
  it("writes only when what Telegram sends differs from the stored row", () => {
    const { users } = createRepositories(openDatabase(":memory:"));
    const first = users.upsert(from(), 1000);
    expect(first).toMatchObject({ id: 42, firstName: "Ivan", username: "ivan", languageCode: "ru", updatedAt: 1000 });

    // Same names and language: the stored row is returned as is, untouched.
    expect(users.upsert(from(), 2000)).toEqual(first);
    expect(users.byId(42)?.updatedAt).toBe(1000);

    // Any change is written.
    const renamed = users.upsert(from({ first_name: "Иван", last_name: "Петров" }), 3000);
    expect(renamed).toMatchObject({ firstName: "Иван", lastName: "Петров", updatedAt: 3000 });
    expect(users.upsert(from({ first_name: "Иван", last_name: "Петров", language_code: "en" }), 4000).languageCode).toBe("en");
    expect(users.byId(42)).toMatchObject({ firstName: "Иван", lastName: "Петров", languageCode: "en", updatedAt: 4000 });
  });

  it("clears blockedAt when a user who had blocked the bot writes again, with unchanged names", () => {
    const { users } = createRepositories(openDatabase(":memory:"));
    users.upsert(from(), 1000);
    users.update(42, { blockedAt: 1500 });
    expect(users.upsert(from(), 2000).blockedAt).toBeNull();
    expect(users.byId(42)?.blockedAt).toBeNull();
  });

  it("returns settings saved since, not a stale copy", () => {
    const { users } = createRepositories(openDatabase(":memory:"));
    users.upsert(from(), 1000);
    users.update(42, { settings: { language: "en" } });
    expect(users.upsert(from(), 2000).settings).toEqual({ language: "en" });
  });
});
