// Property-based fuzzing of /bonus's arguments: rules and months, run directly.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_BONUS_MINOR } from "../../src/domain/bonus.js";
import { bonusKindParser, parseBonusCommand } from "../../src/domain/bonus-command.js";
import { METRIC_KEYS } from "../../src/domain/metrics.js";
import { parseMonth } from "../../src/domain/month-parsing.js";
import { parseMetricOn } from "../../src/presentation/i18n/metric-words.js";
import { nastyText, nastyWord } from "./arbitraries.js";

const kinds = bonusKindParser({ over_plan: ["сверх_плана"], big_deal: ["крупная_сделка"], plan_hit: ["план"] });
const kindWord = fc.constantFrom("over_plan", "big_deal", "plan_hit", "план", "constructor", "__proto__");
const moneyish = fc.constantFrom("300k", "10 000", "-5k", "0", "1,5 млн", "100m", "101m", "50,000", "5%", "");

describe("/bonus arguments", () => {
  it("a rule has a known kind and in-range values, or the refusal names what was typed", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          nastyText,
          fc.tuple(kindWord, fc.oneof(nastyWord, moneyish), fc.oneof(nastyWord, moneyish)).map((p) => p.join(" ")),
          fc.tuple(kindWord, fc.constantFrom("deals", "выручка", "lost", "toString"), moneyish).map((p) => p.join(" ")),
        ),
        (text) => {
          const r = parseBonusCommand(text, kinds, parseMetricOn("plan"));
          if ("error" in r) {
            if (r.error !== "usage") expect(text).toContain(r.word);
            return;
          }
          const p = r.params;
          if (p.kind === "over_plan") expect(p.percentBp > 0 && p.percentBp <= 10_000 && Number.isInteger(p.percentBp)).toBe(true);
          if (p.kind !== "over_plan")
            expect(p.amountMinor > 0 && p.amountMinor <= MAX_BONUS_MINOR && Number.isInteger(p.amountMinor)).toBe(true);
          if (p.kind === "big_deal") expect(p.thresholdMinor > 0 && p.thresholdMinor <= MAX_BONUS_MINOR).toBe(true);
          if (p.kind === "plan_hit") expect(METRIC_KEYS).toContain(p.metric);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it("a month is a real month that has begun, or a refusal", () => {
    fc.assert(
      fc.property(nastyText, (text) => {
        const r = parseMonth(text, "2026-11-29");
        if ("error" in r) return;
        expect(Number.isInteger(r.month) && r.month >= 1 && r.month <= 12).toBe(true);
        expect(r.year * 12 + r.month).toBeLessThanOrEqual(2026 * 12 + 11);
        expect(r.year).toBeGreaterThanOrEqual(2000);
      }),
      { numRuns: 1000 },
    );
  });
});
