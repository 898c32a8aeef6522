import { describe, expect, it } from "vitest";
import { kindForButton, logKindsInline, mainKeyboard } from "../../../src/bot/keyboards/logging.js";
import { LOCALES } from "../../../src/domain/locales.js";
import { ACTIVITY_KINDS } from "../../../src/domain/types.js";
import { messages } from "../../../src/presentation/i18n/index.js";

const label = (b: string | { text: string }) => (typeof b === "string" ? b : b.text);
const texts = (rows: (string | { text: string })[][]) => rows.map((r) => r.map(label));

describe("logging keyboards", () => {
  it("put every activity kind on the reply keyboard, two to a row, then /me and undo", () => {
    const t = messages.ru;
    expect(texts(mainKeyboard(t).keyboard)).toEqual([
      ["📞 Звонок", "🤝 Встреча"],
      ["📄 КП", "🖥 Презентация"],
      ["🆕 Лид", "💰 Сделка", "❌ Отказ"],
      ["📊 Мой день", "↩️ Отменить"],
    ]);
  });

  it("offer every kind in /log and read every button back in either language", () => {
    for (const l of LOCALES) {
      const t = messages[l];
      const data = logKindsInline(t)
        .inline_keyboard.flat()
        .map((b) => ("callback_data" in b ? b.callback_data : ""));
      expect(data).toEqual(ACTIVITY_KINDS.map((k) => `log:${k}`));
      for (const k of ACTIVITY_KINDS) expect(kindForButton(t.buttons[k], Object.values(messages))).toBe(k);
      const labels = mainKeyboard(t)
        .keyboard.flat()
        .map((b) => (typeof b === "string" ? b : b.text));
      expect(labels).toHaveLength(ACTIVITY_KINDS.length + 2);
    }
  });
});
