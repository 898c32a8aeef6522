import { describe, expect } from "vitest";
import { registerCommandMenu } from "../../src/bot/commands-menu.js";
import { e2e } from "../support/e2e.js";

describe("command menu", () => {
  e2e("registers every scope in Russian and English from the translations", async ({ h }) => {
    await registerCommandMenu(h.bot.api, "ru");
    const scope = { type: "all_private_chats" } as const;
    const ru = await h.bot.api.getMyCommands({ scope, language_code: "ru" });
    const en = await h.bot.api.getMyCommands({ scope, language_code: "en" });
    const fallback = await h.bot.api.getMyCommands({ scope });
    expect(ru.map((c) => c.command)).toEqual(en.map((c) => c.command));
    expect(ru.find((c) => c.command === "deal")?.description).toBe("Сделка <сумма> [клиент]");
    expect(en.find((c) => c.command === "deal")?.description).toBe("Won deal <amount> [client]");
    expect(fallback).toEqual(ru);
    // The same command reads differently where only heads and admins see it.
    const admins = await h.bot.api.getMyCommands({ scope: { type: "all_chat_administrators" }, language_code: "en" });
    expect(admins.find((c) => c.command === "plan")?.description).toBe("Plans: /plan deals 10 month");
    expect(en.find((c) => c.command === "plan")?.description).toBe("Plans (head)");
    // /demote sits next to /promote where heads and admins see it.
    const adminsRu = await h.bot.api.getMyCommands({ scope: { type: "all_chat_administrators" }, language_code: "ru" });
    expect(admins.map((c) => c.command).slice(0, 4)).toEqual(["setup", "invite", "promote", "demote"]);
    expect(admins.find((c) => c.command === "demote")?.description).toBe("Make head @user a manager");
    expect(adminsRu.find((c) => c.command === "demote")?.description).toBe("Сделать руководителя @user менеджером");
    for (const c of [...ru, ...en, ...admins]) expect(c.description.length).toBeLessThanOrEqual(256);
    // In groups, the commands answered to the asker alone are marked as such; in private nothing is.
    expect(admins.find((c) => c.command === "plan")?.is_ephemeral).toBe(true);
    expect(admins.find((c) => c.command === "setup")?.is_ephemeral).toBeUndefined();
    expect(ru.some((c) => c.is_ephemeral)).toBe(false);
  });
});
