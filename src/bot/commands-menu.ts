import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import type { Locale } from "../config.js";
import { LOCALES } from "../domain/locales.js";
import { ACTIVITY_KINDS, type ActivityKind } from "../domain/types.js";
import { type Messages, messages } from "../presentation/i18n/index.js";
import { EPHEMERAL_COMMANDS } from "./ephemeral.js";

type MenuKey = keyof Messages["commandMenu"];
/** A command whose description is the same-named menu text, or a command with the text of another key. */
type Entry = MenuKey | ActivityKind | [command: string, text: MenuKey];

const isKind = (command: string): command is ActivityKind => (ACTIVITY_KINDS as readonly string[]).includes(command);

/** A logging command reads "its menu name + its arguments", from the kind words. */
function describe(key: MenuKey | ActivityKind, locale: Locale): string {
  const t = messages[locale];
  if (isKind(key)) {
    const c = t.kindCommand[key];
    return `${c.menu} ${c.args}`;
  }
  return t.commandMenu[key];
}

// The logging commands, one per activity kind, from the kind words in the i18n files.
const LOGGING: Entry[] = [...ACTIVITY_KINDS, "undo", "edit", "me"];
const REPORTS: Entry[] = [
  "report",
  "compare",
  "funnel",
  "export",
  "bonus",
  "reports",
  "top",
  "badges",
  "league",
  "clients",
  "feed",
  "contests",
  "settings",
];
const TRAINING: Entry[] = ["kb", "quiz", "learn", "coach", "note", "program"];
const PRIVATE: Entry[] = [
  "log",
  ...LOGGING,
  ...REPORTS,
  "import",
  ...TRAINING,
  "dashboard",
  "plan",
  "inputs",
  "crm",
  "contest",
  "void",
  "aliases",
  "flags",
  "summary",
  "tv",
  "invite",
  "remove",
  "help",
];
const GROUP: Entry[] = ["join", ...LOGGING, ...REPORTS, "help"];
const ADMINS: Entry[] = [
  "setup",
  ["invite", "inviteAdmin"],
  "promote",
  "demote",
  ["remove", "removeAdmin"],
  ["plan", "planAdmin"],
  ["summary", "summaryAdmin"],
  ...GROUP,
];

/** Every command some menu lists, whatever the scope. */
export const MENU_COMMANDS: ReadonlySet<string> = new Set([...PRIVATE, ...GROUP, ...ADMINS].map((e) => (typeof e === "string" ? e : e[0])));

/** In groups, the commands answered to the asker alone say so (Telegram marks them in the menu). */
const toCommands = (entries: Entry[], locale: Locale, group = false): BotCommand[] =>
  entries.map((e) => {
    const [command, key] = typeof e === "string" ? [e, e] : e;
    return { command, description: describe(key, locale), ...(group && EPHEMERAL_COMMANDS.has(command) ? { is_ephemeral: true } : {}) };
  });

/** Registers the command menu per scope, in Russian and English (default = `fallback`). */
export async function registerCommandMenu(api: Api, fallback: Locale): Promise<void> {
  const scopes = [
    [{ type: "all_private_chats" }, PRIVATE],
    [{ type: "all_group_chats" }, GROUP],
    [{ type: "all_chat_administrators" }, ADMINS],
  ] as const;
  for (const [scope, entries] of scopes) {
    const group = scope.type !== "all_private_chats";
    await api.setMyCommands(toCommands(entries, fallback, group), { scope });
    for (const language_code of LOCALES) {
      await api.setMyCommands(toCommands(entries, language_code, group), { scope, language_code });
    }
  }
}
