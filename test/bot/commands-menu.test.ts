import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import { describe, expect, it } from "vitest";
import { registerCommandMenu } from "../../src/bot/commands-menu.js";
import { ACTIVITY_KINDS } from "../../src/domain/types.js";

describe("command menu", () => {
  it("lists every activity kind's command in each scope and language, with its arguments", async () => {
    const calls: { commands: BotCommand[]; language?: string }[] = [];
    const api = {
      setMyCommands: async (commands: BotCommand[], opts: { language_code?: string }) => {
        calls.push({ commands, ...(opts.language_code ? { language: opts.language_code } : {}) });
        return true;
      },
    } as unknown as Api;
    await registerCommandMenu(api, "ru");
    expect(calls).toHaveLength(9); // 3 scopes × (default + ru + en)
    for (const c of calls) {
      const names = c.commands.map((x) => x.command);
      for (const k of ACTIVITY_KINDS) expect(names).toContain(k);
    }
    const en = calls.find((c) => c.language === "en")!.commands;
    expect(en.find((c) => c.command === "call")!.description).toBe("Call [reached|meeting|noanswer] [client]");
    const ru = calls.find((c) => c.language === "ru")!.commands;
    expect(ru.find((c) => c.command === "deal")!.description).toBe("Сделка <сумма> [клиент]");
    // /crm is for heads in private: in the private menu only.
    expect(ru.find((c) => c.command === "crm")!.description).toBe("CRM: подключение, состояние, сопоставление (руководителю)");
    expect(calls.filter((c) => c.commands.some((x) => x.command === "crm"))).toHaveLength(3);
  });
});
