import { describe, expect, it } from "vitest";
import type { ProposedEntry } from "../../../src/domain/free-text.js";
import { proposalText } from "../../../src/presentation/views/proposal-view.js";

const entry = (e: Partial<ProposedEntry>): ProposedEntry => ({
  kind: "call",
  outcome: "reached",
  clientName: null,
  amountMinor: null,
  lostReason: null,
  clientIsNew: false,
  missing: null,
  day: null,
  ...e,
});

describe("proposalText", () => {
  it("escapes names and reasons, numbers several entries and asks for what is missing", () => {
    const text = proposalText(
      {
        entries: [
          entry({ clientName: "A<b>&C", clientIsNew: true }),
          entry({ kind: "deal", outcome: null, clientName: "Acme", missing: "amount" }),
          entry({ kind: "lost", outcome: null, clientName: "Beta", lostReason: "<дорого>" }),
        ],
        guessed: false,
        notes: ["currency"],
      },
      "ru",
    );
    expect(text).toContain("1. 📞 Звонок → дозвон · <b>A&lt;b&gt;&amp;C</b> (новый клиент)");
    expect(text).toContain("2. 💰 Сделка · <b>сумма?</b> · <b>Acme</b>");
    expect(text).toContain("<i>&lt;дорого&gt;</i>");
    expect(text).toContain("только в рублях");
    expect(text.endsWith("Чего-то не хватает: нажмите ✏️ и дополните.")).toBe(true);
  });

  it("says a guess is a guess", () => {
    const text = proposalText(
      { entries: [entry({ kind: "deal", outcome: null, amountMinor: 5_000_000 })], guessed: true, notes: [] },
      "en",
    );
    expect(text.split("\n")[0]).toBe("🤔 I'm not sure I understood. My closest guess:");
    expect(text.replace(/[\u00A0\u202F]/g, " ")).toContain("💰 Deal · 50 000 ₽");
  });
});
