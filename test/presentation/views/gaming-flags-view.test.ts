import { describe, expect, it } from "vitest";
import type { GamingFlag } from "../../../src/db/repositories/gaming-flags.js";
import type { FlagDetail, FlagKind } from "../../../src/domain/gaming-flags.js";
import { describeFlag, flagLine, MAX_LISTED, renderFlagList } from "../../../src/presentation/views/gaming-flags-view.js";

const at = (iso: string) => Date.parse(iso);
function flag(kind: FlagKind, detail: Partial<FlagDetail>, more: Partial<GamingFlag> = {}): GamingFlag {
  return {
    id: 1,
    teamId: 1,
    kind,
    userId: 5,
    day: "2026-11-24",
    entryIds: [],
    detail: { count: 1, firstAt: at("2026-11-24T07:00:00Z"), lastAt: at("2026-11-24T07:00:00Z"), ...detail },
    status: "open",
    createdAt: 0,
    resolvedBy: null,
    resolvedAt: null,
    ...more,
  };
}
const plain = (s: string) => s.replace(/[\u00A0\u202F]/g, " ");

describe("flag texts", () => {
  it("says what each detector found, in the team's clock, in both languages", () => {
    const msk = "Europe/Moscow";
    const burst = flag("burst", { count: 22, firstAt: at("2026-11-24T07:00:00Z"), lastAt: at("2026-11-24T07:01:30Z") });
    expect(describeFlag(burst, msk, "ru")).toBe("22 записи с 10:00 до 10:01");
    expect(describeFlag(burst, "UTC", "en")).toBe("22 entries between 07:00 and 07:01");
    const dup = flag("duplicate", { count: 2, entryKind: "deal", clients: ["<Acme>"] });
    expect(describeFlag(dup, msk, "ru")).toBe("2 записи повторяются (Сделка · &lt;Acme&gt;), 10:00–10:00");
    expect(describeFlag(flag("night", { count: 5 }), msk, "ru")).toBe("5 записей в 10:00");
    const calls = flag("calls", { count: 61, calls: 61, median: 20.5, conversion: 1.6 });
    expect(plain(describeFlag(calls, msk, "ru"))).toBe("61 звонок при медиане остальных 20,5, конверсия звонков 1,6%");
    expect(describeFlag(calls, msk, "en")).toBe("61 calls against the others' median of 20.5, call conversion 1.6%");
    const deals = flag("no_history", { count: 2, clients: ["Acme", "Beta"] });
    expect(describeFlag(deals, msk, "en")).toBe("2 deals with nothing logged for the client before: Acme, Beta");
  });

  it("shows how a resolved flag was resolved, and lists at most MAX_LISTED", () => {
    const voided = flag("burst", { count: 21 }, { status: "voided", resolvedBy: 9 });
    expect(flagLine({ flag: voided, name: "Иван", resolver: "Ольга" }, 2, "Europe/Moscow", "ru")).toBe(
      "2. ⚡ Всплеск · <b>Иван</b> · 24.11\n    21 запись в 10:00\n    ✖ записи аннулированы (Ольга)",
    );
    const rows = Array.from({ length: MAX_LISTED + 3 }, (_, i) => ({ flag: flag("night", {}, { id: i + 1 }), name: `N${i}` }));
    const html = renderFlagList(rows, null, true, "UTC", "en");
    expect(html).toContain(`${MAX_LISTED}. 🌙 At night · <b>N${MAX_LISTED - 1}</b>`);
    expect(html).not.toContain(`${MAX_LISTED + 1}. 🌙`);
    expect(html).toContain("…and 3 more.");
    expect(renderFlagList([], null, false, "UTC", "en")).toBe(
      "🚩 <b>Open flags</b>\n\n✅ No open flags.\n\nFlag detection is off; turn it on with <code>/settings flags on</code>.",
    );
  });
});
