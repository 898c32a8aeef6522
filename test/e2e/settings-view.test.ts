// /settings as a head reads it: day names and language names come from the translations,
// and there is one language button per language the bot speaks.
import { describe, expect } from "vitest";
import { LOCALES } from "../../src/domain/locales.js";
import type { RecordedCall } from "../fake-telegram/types.js";
import { e2e } from "../support/e2e.js";
import { buttons } from "../support/harness.js";

/** The visible labels of a message's inline buttons. */
function buttonLabels(call: RecordedCall): string[] {
  const kb = call.payload["reply_markup"]?.["inline_keyboard"] as { text: string }[][] | undefined;
  return (kb ?? []).flat().map((b) => b.text);
}

describe("/settings view", () => {
  e2e("writes workdays and the chosen language in the reader's language", async ({ h, t }) => {
    const ru = await h.say(t.head, t.headChat, "/settings");
    expect(ru.text).toContain("Рабочие дни: пн, вт, ср, чт, пт");
    expect(ru.text).toContain("Язык: как в Telegram");

    await h.say(t.head, t.headChat, "/settings language en");
    const en = await h.say(t.head, t.headChat, "/settings");
    expect(en.text).toContain("Workdays: Mon, Tue, Wed, Thu, Fri");
    expect(en.text).toContain("Language: English");
    expect(en.text).not.toContain("Language: en");
    expect(buttonLabels(en.call)).toContain("• English");
  });

  e2e("offers every language the bot speaks, each named in its own language", async ({ h, t }) => {
    const s = await h.say(t.head, t.headChat, "/settings");
    const data = buttons(s.call);
    for (const l of LOCALES) expect(data).toContain(`set:u:lang:${l}`);
    expect(buttonLabels(s.call)).toEqual(expect.arrayContaining(["Русский", "English"]));
  });
});
