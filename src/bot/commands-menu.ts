import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import type { Locale } from "../config.js";

type Entry = [command: string, ru: string, en: string];

const LOGGING: Entry[] = [
  ["call", "Звонок [дозвон|встреча|недозвон] [клиент]", "Call [reached|meeting|noanswer] [client]"],
  ["meeting", "Встреча [клиент]", "Meeting [client]"],
  ["proposal", "КП отправлено [клиент]", "Proposal sent [client]"],
  ["presentation", "Презентация [клиент]", "Presentation [client]"],
  ["lead", "Новый лид <клиент>", "New lead <client>"],
  ["deal", "Сделка <сумма> [клиент]", "Won deal <amount> [client]"],
  ["lost", "Отказ <клиент> — причина", "Lost lead <client> — reason"],
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
  ["remove", "Исключить участника @user (руководитель)", "Remove a member @user (head)"],
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
  ["remove", "Исключить участника @user", "Remove a member @user"],
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
    for (const language_code of ["ru", "en"] as const) {
      await api.setMyCommands(toCommands(entries, language_code), { scope, language_code });
    }
  }
}
