import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import type { Locale } from "../config.js";
import { type Messages, messages } from "../presentation/i18n/index.js";

type MenuKey = keyof Messages["commandMenu"];
/** A command whose description is the same-named menu text, or a command with the text of another key. */
type Entry = MenuKey | [command: string, text: MenuKey];

const LOGGING: Entry[] = ["call", "meeting", "proposal", "presentation", "lead", "deal", "lost", "undo", "me"];
const REPORTS: Entry[] = ["report", "compare", "funnel", "export", "reports", "top", "settings"];
const TRAINING: Entry[] = ["kb", "quiz", "coach"];
const PRIVATE: Entry[] = ["log", ...LOGGING, ...REPORTS, ...TRAINING, "plan", "summary", "invite", "help"];
const GROUP: Entry[] = ["join", ...LOGGING, ...REPORTS, "help"];
const ADMINS: Entry[] = ["setup", ["invite", "inviteAdmin"], "promote", ["plan", "planAdmin"], ["summary", "summaryAdmin"], ...GROUP];

const toCommands = (entries: Entry[], locale: Locale): BotCommand[] =>
  entries.map((e) => {
    const [command, key] = typeof e === "string" ? [e, e] : e;
    return { command, description: messages[locale].commandMenu[key] };
  });

/** Registers the command menu per scope, in Russian and English (default = `fallback`). */
export async function registerCommandMenu(api: Api, fallback: Locale): Promise<void> {
  const scopes = [
    [{ type: "all_private_chats" }, PRIVATE],
    [{ type: "all_group_chats" }, GROUP],
    [{ type: "all_chat_administrators" }, ADMINS],
  ] as const;
  for (const [scope, entries] of scopes) {
    await api.setMyCommands(toCommands(entries, fallback), { scope });
    for (const language_code of ["ru", "en"] as const) {
      await api.setMyCommands(toCommands(entries, language_code), { scope, language_code });
    }
  }
}
