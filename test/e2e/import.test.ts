import type { Chat, User } from "grammy/types";
import { describe, expect } from "vitest";
import { formatLocal } from "../../src/domain/time.js";
import type { RecordedCall } from "../fake-telegram/index.js";
import { e2e } from "../support/e2e.js";
import { buttons, type Harness, type Reply, visibleText } from "../support/harness.js";
import { count, liveActivities } from "../support/team.js";

const TZ = "Europe/Moscow";
const HEADER = "Дата и время;Менеджер;Тип;Результат;Клиент;Сумма, ₽;Причина отказа";
/** A local time `minutesAgo` before now, as the export writes it. */
const at = (minutesAgo: number) => formatLocal(Date.now() - minutesAgo * 60_000, TZ, "DD.MM.YYYY HH:mm");
/** The local day `daysAgo` days before now, as a command or /feed takes it. */
const day = (daysAgo: number) => formatLocal(Date.now() - daysAgo * 86_400_000, TZ, "DD.MM");
const DAY_MIN = 1_440;
const csv = (...rows: string[]) => Buffer.from(`\uFEFF${[HEADER, ...rows].join("\r\n")}\r\n`, "utf8");

/** Sends a file (with `/import` as its caption unless told otherwise) and resolves with the bot's answer. */
async function sendFile(
  h: Harness,
  from: User,
  chat: Chat,
  bytes: Buffer,
  opts: { caption?: string; filename?: string } = {},
): Promise<Reply> {
  const after = h.fake.mark();
  h.fake.sendDocument(from, chat, { filename: opts.filename ?? "entries.csv", bytes, caption: opts.caption ?? "/import" });
  const call = await h.fake.waitForMessage(chat.id, undefined, { after });
  return { text: visibleText(call), call };
}

/** Taps Import and resolves with the final edit of the progress message. */
async function importNow(h: Harness, from: User, chat: Chat, dryRun: RecordedCall): Promise<{ result: string; after: number }> {
  const data = buttons(dryRun).find((b) => b.startsWith("imp:ok:"))!;
  const after = h.fake.mark();
  h.fake.clickButton(from, chat, dryRun.response.result, data);
  const done = await h.fake.waitForCall(
    (c) => c.method === "editMessageText" && c.payload["chat_id"] === chat.id && /Импорт завершён|Import done/.test(visibleText(c)),
    { after, timeoutMs: 30_000 },
  );
  return { result: visibleText(done), after };
}

describe("/import", () => {
  e2e(
    "dry run with errors stores nothing; Import stores the good rows through the pipeline; the same file again adds nothing",
    async ({ h, t }) => {
      const file = csv(
        `${at(300)};Иван;Новый лид;;Ромашка;;`,
        `${at(290)};Иван;Звонок;назначена встреча;Ромашка;;`,
        `${at(280)};Иван;Сделка;;Ромашка;abc;`,
        `${at(270)};@ivan;Сделка;;Ромашка;150 000,00;`,
        `${at(260)};John;Call;no answer;Acme;;`,
        `${at(250)};Пётр;Звонок;;;;`,
        `${at(230)};Иван;Звонок;;;;`,
      );
      const dry = await sendFile(h, t.head, t.headChat, file);
      expect(dry.text).toContain("📋 Проверил «entries.csv» (пока ничего не записано):");
      expect(dry.text).toContain("5 строк готовы, с ошибками: 2.");
      expect(dry.text).toContain("• строка 4, Сумма, ₽: «abc» — не сумма");
      expect(dry.text).toContain("• строка 7, Менеджер: «Пётр» — нет в команде");
      expect(dry.text).toContain("Неизвестные менеджеры (нет в команде; ищу по @username или имени): Пётр.");
      expect(dry.text).toContain("«Импортировать» запишет 5 новых записей");
      expect(buttons(dry.call)).toEqual([
        expect.stringMatching(/^imp:ok:\d+:[0-9a-f]{8}$/),
        expect.stringMatching(/^imp:no:\d+:[0-9a-f]{8}$/),
      ]);
      expect(liveActivities(h)).toBe(0);

      const { result } = await importNow(h, t.head, t.headChat, dry.call);
      expect(result).toBe("✅ Импорт завершён: записано 5, уже были 0, пропущено с ошибками 2.");
      expect(liveActivities(h)).toBe(5);
      expect(count(h, "select stage from leads where client_name = 'Ромашка'") as unknown).toBe("won");
      expect(count(h, "select amount_minor from activities where kind = 'deal'")).toBe(15_000_000);
      // The entry keeps the file's minute in the team's zone.
      const callAt = count(h, "select occurred_at from activities where kind = 'call' and outcome = 'meeting'");
      expect(formatLocal(callAt, TZ, "DD.MM.YYYY HH:mm")).toBe(at(290));
      expect(count(h, "select count(*) from import_jobs where status = 'done'")).toBe(1);

      // A second tap on the same Import button stores nothing more.
      const again = await h.tap(t.head, t.headChat, dry.call, buttons(dry.call)[0]!);
      expect(again.text).toBe("Уже обработано: больше ничего не записано.");

      const second = await sendFile(h, t.head, t.headChat, file);
      expect(second.text).toContain("Из них 5 уже есть (тот же менеджер, тип, время и клиент): будут пропущены.");
      expect(second.text).toContain("Нового для импорта нет.");
      expect(buttons(second.call)).toEqual([]);
      expect(liveActivities(h)).toBe(5);
    },
  );

  e2e("re-importing the bot's own /export changes nothing; /import then the file works; Cancel stores nothing", async ({ h, t }) => {
    for (const c of ["/lead Вектор", "/call Вектор", "/deal 50k Вектор"]) await h.say(t.ivan, t.ivanChat, c);
    await h.say(t.john, t.johnChat, "/call Acme");
    const before = h.fake.mark();
    h.fake.sendText(t.head, t.headChat, "/export");
    const exported = await h.fake.waitForCall((c) => c.method === "sendDocument", { after: before });
    const bytes = exported.payload["document"].bytes as Buffer;

    const waiting = await h.say(t.head, t.headChat, "/import");
    expect(waiting.text).toContain("📥 Пришлите CSV-файл (в течение 15 минут).");
    const dry = await sendFile(h, t.head, t.headChat, bytes, { caption: "" });
    expect(dry.text).toContain("4 строки готовы, с ошибками: 0.");
    expect(dry.text).toContain("Из них 4 уже есть");
    expect(dry.text).toContain("Нового для импорта нет.");
    expect(liveActivities(h)).toBe(4);

    // A file sent with no /import before it is not taken for one (updates of a chat run in order).
    const stray = h.fake.mark();
    h.fake.sendDocument(t.head, t.headChat, { filename: "x.csv", bytes });
    await h.say(t.head, t.headChat, "/help");
    expect(h.fake.messagesTo(t.headChat.id).filter((c) => h.fake.calls.indexOf(c) >= stray && visibleText(c).includes("Проверил"))).toEqual(
      [],
    );

    const fresh = await sendFile(h, t.head, t.headChat, csv(`${at(5)};Иван;Встреча;;Вектор;;`));
    expect(fresh.text).toContain("«Импортировать» запишет 1 новую запись");
    const cancel = await h.tap(t.head, t.headChat, fresh.call, buttons(fresh.call)[1]!);
    expect(cancel.text).toBe("Импорт отменён, ничего не записано.");
    const late = await h.tap(t.head, t.headChat, fresh.call, buttons(fresh.call)[0]!);
    expect(late.text).toBe("Уже обработано: больше ничего не записано.");
    expect(liveActivities(h)).toBe(4);
  });

  e2e("a manager imports only their own rows; forged buttons and other people's taps store nothing", async ({ h, t }) => {
    const file = csv(`${at(30)};Иван;Звонок;;Acme;;`, `${at(20)};John;Звонок;;Acme;;`, `${at(10)};Иван;Отказ;;Сигма;;дорого`);
    const dry = await sendFile(h, t.ivan, t.ivanChat, file);
    expect(dry.text).toContain("2 строки готовы, с ошибками: 1.");
    expect(dry.text).toContain("• строка 3, Менеджер: «John» — менеджер импортирует только свои строки");
    const id = /^imp:ok:(\d+):/.exec(buttons(dry.call)[0]!)![1];

    const forged = h.fake.mark();
    h.fake.forgeClick(t.ivan, t.ivanChat, dry.call.response.result, `imp:ok:${id}:00000000`);
    const forgedReply = await h.fake.waitForMessage(t.ivanChat.id, undefined, { after: forged });
    expect(visibleText(forgedReply)).toBe("Этот импорт недействителен. Ничего не записано.");
    const foreign = h.fake.mark();
    h.fake.forgeClick(t.john, t.johnChat, { message_id: 1 }, buttons(dry.call)[0]!);
    const foreignReply = await h.fake.waitForMessage(t.johnChat.id, undefined, { after: foreign });
    expect(visibleText(foreignReply)).toBe("This import is not yours. Nothing was stored.");
    expect(liveActivities(h)).toBe(0);

    const { result } = await importNow(h, t.ivan, t.ivanChat, dry.call);
    // A loss with no open lead is refused as /lost would refuse it, and said so.
    expect(result).toContain("записана 1, уже были 0, пропущено с ошибками 1.");
    expect(result).toContain("Не записаны по правилам воронки (как их отклонили бы команды):\n• строка 4: отказ без открытого лида");
    expect(count(h, "select count(*) from activities where user_id = ?", t.ivan.id)).toBe(1);
    expect(count(h, "select count(*) from activities where user_id = ?", t.john.id)).toBe(0);
  });

  e2e("an ambiguous name is an error; Import re-checks the role: a head demoted since the dry run stores nothing", async ({ h, t }) => {
    const john2 = h.fake.user(103, { first_name: "John", username: "john2", language_code: "en" });
    await h.say(john2, h.fake.privateChat(john2), `/start ${t.inviteCode}`);
    const dry = await sendFile(
      h,
      t.head,
      t.headChat,
      csv(`${at(30)};John;Звонок;;;;`, `${at(29)};@john2;Звонок;;;;`, `${at(28)};@john;Звонок;;;;`, `${at(27)};Иван;Звонок;;;;`),
    );
    expect(dry.text).toContain("3 строки готовы, с ошибками: 1.");
    expect(dry.text).toContain("• строка 2, Менеджер: «John» — так зовут нескольких: укажите @username");
    h.deps.db.$client.prepare("update memberships set role = 'manager' where user_id = ?").run(t.head.id);
    const tapped = await h.tap(t.head, t.headChat, dry.call, buttons(dry.call)[0]!);
    expect(tapped.text).toBe("Вы больше не можете импортировать эти строки. Ничего не записано: пришлите файл ещё раз.");
    expect(liveActivities(h)).toBe(0);
    expect(count(h, "select count(*) from import_jobs where status = 'cancelled'")).toBe(1);
  });

  e2e("refuses broken files with the row and column, storing nothing", async ({ h, t }) => {
    const head = (bytes: Buffer, filename?: string) =>
      sendFile(h, t.head, t.headChat, bytes, filename ? { filename } : {}).then((r) => r.text);
    const formula = await head(csv(`${at(10)};Иван;Звонок;;Acme;;`, `${at(9)};Иван;Звонок;;=cmd|' /C calc'!A0;;`));
    expect(formula).toContain("⚠️ Строка 3, столбец «Клиент»: формула «=cmd|' /C calc'!A0». Файлы с формулами не принимаются");
    expect(formula).toContain("Ничего не сохранено.");
    const future = await head(csv(`${at(10)};Иван;Звонок;;;;`, `${at(-120)};Иван;Звонок;;;;`));
    expect(future).toContain(`⚠️ Строка 3, столбец «Дата и время»: ${at(-120)} — это в будущем.`);
    const commas = await head(Buffer.from(`Дата и время|Менеджер|Тип\n${at(10)}|Иван|Звонок\n`));
    expect(commas).toContain("⚠️ В первой строке нет столбцов «Дата и время», «Менеджер», «Тип» (найдено: «Дата и время|Менеджер|Тип»).");
    const binary = await head(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]), "table.xlsx");
    expect(binary).toContain("⚠️ Это не текстовый CSV (файл двоичный или не в UTF-8).");
    const junk = await head(Buffer.alloc(10 * 1024 * 1024 + 512 * 1024, "z"));
    expect(junk).toBe("⚠️ Файл — 10.5 МБ, а за раз можно не больше 10 МБ. Разбейте его. Ничего не сохранено.");
    const quote = await head(csv(`${at(10)};Иван;Звонок;;"Acme;;`));
    expect(quote).toMatch(/⚠️ Строка \d+: незакрытая кавычка или сломанное поле\.\nНичего не сохранено\./);
    expect(liveActivities(h)).toBe(0);
    expect(count(h, "select count(*) from import_jobs where status in ('pending', 'running', 'done')")).toBe(0);

    const group = await h.say(t.head, t.group, "/import");
    expect(group.text).toBe("Импорт — в личном чате со мной: файл с данными команды не для всей группы.");
  });

  e2e("imports a large file in batches, editing one progress message in place", async ({ h, t }) => {
    const rows = Array.from({ length: 2_500 }, (_, i) => `${at(3_000 - i)};${i % 2 ? "Иван" : "John"};Звонок;;Клиент ${i % 7};;`);
    const dry = await sendFile(h, t.head, t.headChat, csv(...rows));
    expect(dry.text).toContain("2500 строк готовы, с ошибками: 0.");
    const { result, after } = await importNow(h, t.head, t.headChat, dry.call);
    expect(result).toContain("записано 2500");
    expect(liveActivities(h)).toBe(2_500);
    const progress = h.fake.calls.slice(after).filter((c) => c.method === "sendMessage" && /Импорт: 0 из 2500/.test(visibleText(c)));
    expect(progress).toHaveLength(1);
    const messageId = progress[0]!.response.result.message_id;
    const edits = h.fake.calls
      .slice(after)
      .filter((c) => c.method === "editMessageText" && c.payload["message_id"] === messageId)
      .map((c) => visibleText(c));
    expect(edits.slice(0, -1)).toEqual(["⏳ Импорт: 1000 из 2500 строк…", "⏳ Импорт: 2000 из 2500 строк…"]);
    expect(edits.at(-1)).toContain("Импорт завершён");
  });

  e2e(
    "a manager's rows obey the team's backdating window as their commands do; a head imports any date, marked as the head's in /feed",
    async ({ h, t }) => {
      // The command is refused ...
      const refused = await h.say(t.ivan, t.ivanChat, `/deal 1000 Acme ${day(10)}`);
      expect(refused.text).toContain("дальше, чем команда разрешает записывать задним числом");
      // ... and so is the same row from a file; a row within the window is ready.
      const file = csv(`${at(10 * DAY_MIN)};Иван;Сделка;;Acme;1000;`, `${at(2 * DAY_MIN)};Иван;Звонок;;Beta;;`);
      const dry = await sendFile(h, t.ivan, t.ivanChat, file);
      expect(dry.text).toContain("1 строка готова, с ошибками: 1.");
      expect(dry.text).toContain(
        `• строка 2, Дата и время: «${at(10 * DAY_MIN)}» — дальше, чем команда разрешает записывать задним числом (/settings backdate)`,
      );
      const { result } = await importNow(h, t.ivan, t.ivanChat, dry.call);
      expect(result).toContain("записана 1, уже были 0, пропущено с ошибками 1.");
      expect(count(h, "select count(*) from activities where kind = 'deal'")).toBe(0);

      // Backdating turned off: a manager imports today's rows only.
      await h.say(t.head, t.headChat, "/settings backdate 0");
      const off = await sendFile(h, t.ivan, t.ivanChat, csv(`${at(DAY_MIN + 5)};Иван;Звонок;;Gamma;;`, `${at(5)};Иван;Звонок;;Delta;;`));
      expect(off.text).toContain("1 строка готова, с ошибками: 1.");
      expect(off.text).toContain("в команде выключены записи задним числом: только сегодняшние строки");
      await h.say(t.head, t.headChat, "/settings backdate 7");

      // A head may import any date: the dry run says which rows lie beyond the window, and /feed shows whose import they were.
      const headDry = await sendFile(h, t.head, t.headChat, file);
      expect(headDry.text).toContain("2 строки готовы, с ошибками: 0.");
      expect(headDry.text).toContain("Раньше окна записи задним числом (7 дней): 1");
      const headRun = await importNow(h, t.head, t.headChat, headDry.call);
      expect(headRun.result).toContain("записана 1, уже были 1");
      expect(count(h, "select count(*) from activities where kind = 'deal' and user_id = ?", t.ivan.id)).toBe(1);
      const feed = await h.say(t.head, t.headChat, "/feed @ivan");
      expect(feed.text).toContain(`Сделка — 1 000 ₽ — Acme · 📥 импорт за ${day(10)} (Ольга)`);
      expect(feed.text).toContain(`Звонок — дозвон — Beta · 📥 импорт за ${day(2)}`);
      expect(feed.text).not.toContain(`Beta · 📥 импорт за ${day(2)} (`);
      // The manager cannot change that day through /edit either: a head imported it beyond the window.
      const dealId = count(h, "select id from activities where kind = 'deal'");
      const edit = await h.say(t.ivan, t.ivanChat, `/edit #${dealId} amount 900k`);
      expect(edit.text).toContain("раньше окна записи задним числом");
      expect(count(h, "select amount_minor from activities where id = ?", dealId)).toBe(100_000);
      // Their own import within the window stays theirs to fix.
      const callId = count(h, "select id from activities where client_name = 'Beta'");
      expect((await h.say(t.ivan, t.ivanChat, `/edit #${callId} outcome noanswer`)).text).toContain(`Исправлено #${callId}`);
      // Nor take it back with /undo: that takes back their own last entry (the file they imported).
      await h.say(t.ivan, t.ivanChat, "/undo");
      expect(count(h, "select deleted_at is null from activities where id = ?", dealId)).toBe(1);
      expect(count(h, "select deleted_at is not null from activities where id = ?", callId)).toBe(1);
      // Two months back (further than any window): stored, and in today's feed all the same.
      const old = await sendFile(h, t.head, t.headChat, csv(`${at(60 * DAY_MIN)};John;Звонок;;Old;;`));
      expect(old.text).toContain("Раньше окна записи задним числом (7 дней): 1 строка.");
      await importNow(h, t.head, t.headChat, old.call);
      expect((await h.say(t.head, t.headChat, "/feed")).text).toMatch(
        new RegExp(`John: #\\d+ Звонок — дозвон — Old · 📥 импорт за ${day(60).replace(".", "\\.")} \\(Ольга\\)`),
      );
    },
  );

  e2e("imported rows carry the time they were imported: /feed shows them today, marked, not on their past day", async ({ h, t }) => {
    const before = Date.now();
    // Earlier today (at most 30 minutes back, never across midnight in the team's zone).
    const [hh, mm] = formatLocal(Date.now(), TZ, "HH:mm").split(":").map(Number);
    const earlierToday = Math.min(30, hh! * 60 + mm!);
    const dry = await sendFile(
      h,
      t.ivan,
      t.ivanChat,
      csv(`${at(2 * DAY_MIN)};Иван;Звонок;;Beta;;`, `${at(earlierToday)};Иван;Встреча;;Gamma;;`),
    );
    await importNow(h, t.ivan, t.ivanChat, dry.call);
    const after = Date.now();
    const logged = h.deps.db.$client.prepare("select logged_at from activities order by id").all() as { logged_at: number | null }[];
    expect(logged).toHaveLength(2);
    for (const r of logged) {
      expect(r.logged_at).toBeGreaterThanOrEqual(before);
      expect(r.logged_at).toBeLessThanOrEqual(after);
    }
    const today = await h.say(t.ivan, t.ivanChat, "/feed");
    expect(today.text).toContain(`Звонок — дозвон — Beta · 📥 импорт за ${day(2)}`);
    expect(today.text).toContain(`Встреча — Gamma · 📥 импорт за ${day(0)}`);
    const thatDay = await h.say(t.ivan, t.ivanChat, `/feed ${day(2)}`);
    expect(thatDay.text).not.toContain("Beta");
    // Reports still count the row on its own day.
    expect(count(h, "select count(*) from activities where kind = 'call' and occurred_at < ?", before - DAY_MIN * 60_000)).toBe(1);

    const johnDry = await sendFile(h, t.john, t.johnChat, csv(`${at(DAY_MIN)};John;Call;;Acme;;`));
    await importNow(h, t.john, t.johnChat, johnDry.call);
    expect((await h.say(t.john, t.johnChat, "/feed")).text).toMatch(
      new RegExp(`Call — \\w+ — Acme · 📥 imported for ${day(1).replace(".", "\\.")}`),
    );
  });
});
