// Слова /crm (issue 21), по-русски; форма та же, что в crm-en.ts.
import type { CrmKind, CrmStageTarget, EntrySource } from "../../domain/crm.js";
import type { crmEn } from "./crm-en.js";
import { plural } from "./plural.js";

const entries = (n: number) => plural("ru", n, { one: "запись", few: "записи", many: "записей", other: "записи" });

export const crmRu: typeof crmEn = {
  kindName: { amocrm: "amoCRM (Kommo)", bitrix24: "Битрикс24" } as Record<CrmKind, string>,
  targetName: {
    none: "—",
    meeting: "встреча",
    presentation: "презентация",
    proposal: "КП",
    won: "успех (сделка)",
    lost: "отказ",
  } as Record<CrmStageTarget, string>,
  sourceName: { chat: "чат", crm: "CRM" } as Record<EntrySource, string>,
  help: "🔌 <b>CRM</b> (руководитель, в личке): /crm — состояние; <code>/crm connect amocrm|bitrix24</code>; <code>/crm users</code>, <code>/crm stages</code> — сопоставление; <code>/crm sync</code>; <code>/crm sources</code>; <code>/crm disconnect amocrm|bitrix24</code>.",
  usage:
    "Так: <code>/crm</code> (состояние), <code>/crm connect amocrm</code> или <code>/crm connect bitrix24</code>, <code>/crm users</code>, <code>/crm stages</code>, <code>/crm sync</code>, <code>/crm sources [вид chat|crm]</code>, <code>/crm token</code> (исходящие вебхуки Битрикс24), <code>/crm disconnect amocrm|bitrix24</code>.",
  privateOnly: "Настройки CRM содержат ключи доступа: отправьте /crm мне в личку.",
  notConnected: "CRM не подключена. Подключить: <code>/crm connect amocrm</code> или <code>/crm connect bitrix24</code>.",
  connect: {
    askAmoAddress:
      "🔌 Подключаем amoCRM (Kommo). Пришлите адрес аккаунта, например <code>https://yourcompany.amocrm.ru</code> или <code>https://yourcompany.kommo.com</code>. /cancel — отмена.",
    badAmoAddress: "Это не адрес аккаунта amoCRM/Kommo. Пришлите так: <code>https://yourcompany.amocrm.ru</code>.",
    askAmoAuth:
      "Теперь пришлите <b>долгосрочный токен</b> вашей приватной интеграции (amoCRM → Настройки → Интеграции → ваша интеграция → Ключи и доступы → Долгосрочный токен).\nДля OAuth вместо этого пришлите <b>ID интеграции</b> (client id). Сообщение с секретом я удалю и нигде его не покажу.",
    askClientSecret: "Пришлите <b>секретный ключ</b> интеграции (client secret).",
    askRedirect: (def: string) => `Пришлите redirect URI, с которым создана интеграция, или <code>-</code> для <code>${def}</code>.`,
    askCode: "Пришлите <b>код авторизации</b> (Ключи и доступы → Код авторизации; он живёт 20 минут).",
    askBitrixWebhook:
      "🔌 Подключаем Битрикс24. Создайте входящий вебхук (Разработчикам → Другое → Входящий вебхук) с правами <b>crm</b>, <b>user</b>, <b>telephony</b> и пришлите его адрес, вида <code>https://yourcompany.bitrix24.ru/rest/1/abc123…/</code>. Сообщение я удалю и нигде его не покажу.",
    badBitrixWebhook:
      "Это не адрес входящего вебхука Битрикс24. Он выглядит так: <code>https://yourcompany.bitrix24.ru/rest/1/abc123…/</code>.",
    askHookToken:
      "Пришлите <b>токен приложения</b> исходящего вебхука Битрикс24 (Разработчикам → Другое → Исходящий вебхук → Токен приложения). События без него будут игнорироваться.",
    badHookToken: "Это не токен приложения (8–128 букв, цифр, _ или -). Начните заново: <code>/crm token</code>.",
    hookTokenSaved: "✅ Сохранено: события исходящего вебхука проверяются по нему.",
    checking: "⏳ Проверяю в CRM…",
    hidden: "🔒 Получил; сообщение с секретом удалил.",
    failed: {
      auth: "❌ CRM не приняла эти данные (неверные, просроченные или без нужных прав). Начните заново: /crm connect.",
      unreachable: "❌ Не достучался до CRM по этому адресу. Проверьте его и начните заново: /crm connect.",
      format: "❌ CRM ответила непонятно. Проверьте адрес и начните заново: /crm connect.",
    },
    connected: (kind: string, account: string) =>
      `✅ Подключена ${kind}: <b>${account}</b>. Сейчас прочитаю историю этого месяца, дальше — каждые несколько минут.`,
    webhook: (url: string) => `Адрес для вебхука (необязательно, ускоряет обновления; держите в секрете):\n<code>${url}</code>`,
    next: "Дальше: сопоставьте людей — /crm users, и этапы воронки — /crm stages. Действия ещё не сопоставленных людей ждут и засчитаются, когда вы их сопоставите.",
    cancelled: "Отменено: ничего не подключено.",
    expired: "Подключение CRM устарело: начните заново — /crm connect.",
  },
  looksLikeSecret:
    "🔒 Похоже на пароль, токен или адрес вебхука: я его не читал и не сохранил, а сообщение удалил. Подключить CRM — /crm connect.",
  status: {
    title: "🔌 <b>CRM</b>",
    block: (kind: string, account: string) => `<b>${kind}</b>: ${account}`,
    lastSync: (when: string, lag: string) => `Последняя синхронизация: ${when} (${lag} назад)`,
    never: "Ещё не синхронизировалась.",
    today: (list: string) => `Сегодня из CRM: ${list}`,
    todayNone: "Сегодня из CRM: пока ничего.",
    unassigned: (n: number) => `Ждут сопоставления человека: ${n} ${entries(n)} (/crm users)`,
    skipped: (n: number) => `Не засчитано (источник — чат, или воронка не приняла): ${n}`,
    error: (when: string, text: string) => `⚠️ Последняя ошибка ${when}: ${text}`,
    webhook: (url: string) => `Вебхук: <code>${url}</code>`,
  },
  users: {
    title: (kind: string) => `👥 <b>Пользователи ${kind}</b> (нажмите, чтобы подтвердить или изменить):`,
    mapped: (crm: string, member: string) => `✅ ${crm} → ${member}`,
    suggested: (crm: string, member: string) => `❔ ${crm} → ${member}?`,
    none: (crm: string) => `❔ ${crm} → никто`,
    empty: "Пользователи из CRM ещё не прочитаны: запустите /crm sync.",
    confirm: (crm: string, member: string) => `✅ ${crm} = ${member}`,
    change: (crm: string) => `✏️ ${crm}`,
    pick: (crm: string) => `Кто в команде <b>${crm}</b>?`,
    nobody: "Никто (не считать)",
    saved: (crm: string, member: string, counted: number) => `✅ ${crm} → ${member}. Засчитано ожидавших: ${counted} ${entries(counted)}.`,
    cleared: (crm: string) => `✅ ${crm} ни за кем не считается.`,
  },
  stages: {
    title: (kind: string) =>
      `🪜 <b>Этапы воронки в ${kind}</b>. Успех и отказ задаёт сама CRM; нажмите на этап, чтобы сменить, чем он считается:`,
    line: (pipeline: string, stage: string, target: string) => `${pipeline ? `${pipeline} · ` : ""}${stage} → ${target}`,
    empty: "Этапы из CRM ещё не прочитаны: запустите /crm sync.",
    saved: "✅ Сохранено. Сделки перечитаются при следующей синхронизации.",
  },
  sync: {
    started: "⏳ Синхронизирую…",
    done: (recorded: number, corrected: number, voided: number, unassigned: number) =>
      `✅ Готово: новых записей ${recorded}, исправлено ${corrected}, аннулировано ${voided}, ждут сопоставления ${unassigned}.`,
    failed: (error: string) => `❌ Синхронизация не удалась: ${error}`,
  },
  disconnect: {
    done: (kind: string) => `✅ ${kind} отключена. Уже засчитанные записи остаются.`,
    which: "Какую? <code>/crm disconnect amocrm</code> или <code>/crm disconnect bitrix24</code>.",
  },
  sources: {
    title: "📥 <b>Откуда берутся записи</b> (у каждого вида один источник, поэтому ничего не считается дважды):",
    line: (kind: string, source: string) => `${kind}: ${source}`,
    usage: "Изменить: <code>/crm sources call crm</code> или <code>/crm sources meeting chat</code>.",
    bad: "Так: <code>/crm sources &lt;вид&gt; chat|crm</code>, виды: call, meeting, proposal, presentation, lead, deal, lost.",
    saved: (kind: string, source: string) => `✅ ${kind}: из источника «${source}».`,
    fromCrm: (kind: string) =>
      `📥 «${kind}» в этой команде записывается из CRM, поэтому эту запись я не сохранил (иначе она посчиталась бы дважды). Руководитель может изменить: /crm sources.`,
  },
  alert: (kind: string, account: string, since: string, error: string) =>
    `⚠️ <b>${kind}</b> (${account}) не синхронизируется с ${since}: ${error}.\nЗапись через чат работает. Проверьте подключение: /crm; переподключить — /crm connect.`,
  morning: (since: string) => `⚠️ CRM: не синхронизировалась с ${since}.`,
  kindList: (counts: [string, number][]) => counts.map(([k, n]) => `${k} ${n}`).join(", "),
};
