import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import type { Locale } from "../config.js";
import { LOCALES } from "../domain/locales.js";
import { ACTIVITY_KINDS, type ActivityKind } from "../domain/types.js";
import { messages } from "../presentation/i18n/index.js";

type Entry = [command: string, ru: string, en: string];

// One entry per activity kind, from its words in the i18n files.
const kindEntry = (kind: ActivityKind): Entry => {
  const [ru, en] = [messages.ru.kindCommand[kind], messages.en.kindCommand[kind]];
  return [kind, `${ru.menu} ${ru.args}`, `${en.menu} ${en.args}`];
};
const LOGGING: Entry[] = [
  ...ACTIVITY_KINDS.map(kindEntry),
  ["undo", "Отменить последнюю запись", "Undo your last entry"],
  ["me", "Мои показатели [сегодня|неделя|месяц]", "My numbers [today|week|month]"],
];
const REPORTS: Entry[] = [
  ["report", "Отчёт [период] или /report динамика|чек|…", "Report [period] or /report dynamics|avgcheck|…"],
  ["compare", "Сравнение менеджеров [период] [by метрика]", "Compare managers [period] [by metric]"],
  ["funnel", "Воронка продаж [период]", "Sales funnel [period]"],
  ["export", "Выгрузка CSV [summary] [период]", "CSV export [summary] [period]"],
  ["reports", "Сохранённые отчёты", "Saved reports"],
  ["top", "Рейтинг [метрика] [период]", "Leaderboard [metric] [period]"],
  ["settings", "Настройки", "Settings"],
];
const PRIVATE: Entry[] = [
  ["log", "Записать кнопками", "Log with buttons"],
  ...LOGGING,
  ...REPORTS,
  ["plan", "Планы (руководитель)", "Plans (head)"],
  ["summary", "Сводка сейчас (руководитель)", "Summary now (head)"],
  ["invite", "Ссылка-приглашение (руководитель)", "Invite link (head)"],
  ["help", "Список команд", "List of commands"],
];
const GROUP: Entry[] = [
  ["join", "Вступить в команду", "Join the team"],
  ...LOGGING,
  ...REPORTS,
  ["help", "Список команд", "List of commands"],
];
const ADMINS: Entry[] = [
  ["setup", "Создать команду для группы", "Create the team for this group"],
  ["invite", "Ссылка-приглашение", "Invite link"],
  ["promote", "Сделать руководителем @user", "Make @user a head"],
  ["plan", "Планы: /plan сделки 10 месяц", "Plans: /plan deals 10 month"],
  ["summary", "Утренняя сводка сейчас", "Morning summary now"],
  ...GROUP,
];

const toCommands = (entries: Entry[], locale: Locale): BotCommand[] =>
  entries.map(([command, ru, en]) => ({ command, description: locale === "ru" ? ru : en }));

/** Registers the command menu per scope, in Russian and English (default = `fallback`). */
export async function registerCommandMenu(api: Api, fallback: Locale): Promise<void> {
  const scopes = [
    [{ type: "all_private_chats" }, PRIVATE],
    [{ type: "all_group_chats" }, GROUP],
    [{ type: "all_chat_administrators" }, ADMINS],
  ] as const;
  for (const [scope, entries] of scopes) {
    await api.setMyCommands(toCommands(entries, fallback), { scope });
    for (const language_code of LOCALES) {
      await api.setMyCommands(toCommands(entries, language_code), { scope, language_code });
    }
  }
}
