// Property-based fuzzing of every parser behind a command's arguments, run directly
// (no Telegram): thousands of hostile inputs, none may throw or yield a malformed result.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_AMOUNT_MINOR, parseAmount, splitAmountAndRest } from "../../src/domain/amounts.js";
import { splitArgs } from "../../src/domain/command-args.js";
import { type EntryError, parseEntry } from "../../src/domain/entry-parsing.js";
import { METRIC_KEYS } from "../../src/domain/metrics.js";
import { parseMetricOn } from "../../src/presentation/i18n/metric-words.js";

const parseMetric = parseMetricOn("plan");

import { parsePeriod } from "../../src/domain/period-parsing.js";
import { resolvePeriod } from "../../src/domain/periods.js";
import { parsePlanCommand } from "../../src/domain/plan-command.js";
import { parseDuration, parsePlanValue } from "../../src/domain/plans.js";
import { parseBuiltinReport, validReportName } from "../../src/domain/report-definition.js";
import { mergeTeamSettings, parseSettingsCommand } from "../../src/domain/settings-command.js";
import { parseWorkdays, readTeamSettings, teamSettingsSchema } from "../../src/domain/team-settings.js";
import { ACTIVITY_KINDS, CALL_OUTCOMES } from "../../src/domain/types.js";
import { periodLabel } from "../../src/presentation/format/period-label.js";
import { echo, escapeHtml, fitHtml, visibleLength } from "../../src/presentation/html.js";
import { messages } from "../../src/presentation/i18n/index.js";
import { entryErrorText } from "../../src/presentation/views/entry-messages.js";
import { parseHtml } from "../fake-telegram/index.js";
import { nastyText, nastyWord } from "./arbitraries.js";

/** Valid for Telegram as an HTML message: it parses, and shows at most 4096 characters. */
function expectSendable(html: string): void {
  expect(() => parseHtml(html)).not.toThrow();
  expect(visibleLength(html)).toBeLessThanOrEqual(4096);
  expect(visibleLength(html)).toBeGreaterThan(0);
}

const ERRORS: EntryError[] = [
  "client_required",
  "client_too_long",
  "reason_too_long",
  "unknown_outcome",
  "amount_required",
  "amount_format",
  "amount_zero",
  "amount_negative",
  "amount_too_large",
];
const NOW = Date.UTC(2026, 10, 15, 9);

describe("entry arguments (every logging command)", () => {
  it.each(ACTIVITY_KINDS)("/%s: a well-formed entry or a refusal that Telegram accepts", (kind) => {
    fc.assert(
      fc.property(nastyText, (args) => {
        const parsed = parseEntry(kind, args);
        if (!parsed.ok) {
          expect(ERRORS).toContain(parsed.error);
          for (const locale of ["ru", "en"] as const) expectSendable(entryErrorText(messages[locale], kind, parsed.error, parsed.detail));
          return;
        }
        const e = parsed.entry;
        expect(e.kind).toBe(kind);
        if (e.clientName !== null) {
          expect(e.clientName.length).toBeGreaterThan(0);
          expect([...e.clientName].length).toBeLessThanOrEqual(200);
          expect(e.clientName).toBe(e.clientName.trim());
        }
        if (kind === "lead" || kind === "lost") expect(e.clientName).not.toBeNull();
        if (kind === "call") expect(CALL_OUTCOMES).toContain(e.outcome);
        else expect(e.outcome).toBeNull();
        if (kind === "deal") {
          expect(Number.isSafeInteger(e.amountMinor)).toBe(true);
          expect(e.amountMinor).toBeGreaterThan(0);
          expect(e.amountMinor).toBeLessThanOrEqual(MAX_AMOUNT_MINOR);
        } else expect(e.amountMinor).toBeNull();
        if (e.lostReason !== null) expect([...e.lostReason].length).toBeLessThanOrEqual(500);
      }),
      { numRuns: 800 },
    );
  });

  it("amounts: a positive whole number of kopecks up to the limit, or a reason", () => {
    fc.assert(
      fc.property(fc.oneof(nastyText, nastyWord), (text) => {
        const r = parseAmount(text);
        if ("error" in r) expect(["format", "zero", "negative", "too_large"]).toContain(r.error);
        else {
          expect(Number.isSafeInteger(r.minor)).toBe(true);
          expect(r.minor).toBeGreaterThan(0);
          expect(r.minor).toBeLessThanOrEqual(MAX_AMOUNT_MINOR);
        }
        const split = splitAmountAndRest(text);
        expect(typeof split.amountText).toBe("string");
      }),
      { numRuns: 1500 },
    );
  });

  it("plain whole rubles read back exactly", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000_000_000 }), (rub) => {
        expect(parseAmount(String(rub))).toEqual({ minor: rub * 100 });
      }),
      { numRuns: 500 },
    );
  });
});

describe("periods, metrics, plans, reports and settings", () => {
  it("periods: absurd dates give null or a real period in any zone", () => {
    const zones = ["Europe/Moscow", "Asia/Kamchatka", "America/Los_Angeles", "Pacific/Kiritimati"];
    fc.assert(
      fc.property(fc.oneof(nastyText, nastyWord), fc.constantFrom(...zones), fc.integer({ min: 1, max: 7 }), (text, tz, weekStart) => {
        const spec = parsePeriod(text);
        if (!spec) return;
        const p = resolvePeriod(spec, NOW, tz, { weekStart });
        expect(Number.isFinite(p.from) && Number.isFinite(p.to)).toBe(true);
        expect(p.from).toBeLessThan(p.to);
        expect(periodLabel(p, "ru").length).toBeGreaterThan(0);
      }),
      { numRuns: 1500 },
    );
  });

  it("/plan arguments: a known metric and period, or a refusal naming the word", () => {
    fc.assert(
      fc.property(nastyText, (text) => {
        const r = parsePlanCommand(text, parseMetric);
        if ("error" in r) {
          if (r.error !== "usage") expect(text).toContain(r.word);
          return;
        }
        expect(METRIC_KEYS).toContain(r.metric);
        expect(["day", "week", "month", "quarter"]).toContain(r.period);
        const v = parsePlanValue(r.metric, r.valueText);
        if ("value" in v) expect(Number.isFinite(v.value) && v.value > 0).toBe(true);
        if ("relativePercent" in v) expect(Number.isFinite(v.relativePercent) && v.relativePercent > -100).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it("metric, report, duration, workday and grouping words never reach the prototype or throw", () => {
    fc.assert(
      fc.property(fc.oneof(nastyWord, nastyText), (w) => {
        const m = parseMetric(w);
        if (m !== null) expect(METRIC_KEYS).toContain(m);
        const b = parseBuiltinReport(w);
        if (b !== null) expect(typeof b).toBe("string");
        expect(typeof validReportName(w)).toBe("boolean");
        const d = parseDuration(w);
        if (typeof d === "number") expect(Number.isFinite(d) && d > 0).toBe(true);
        const days = parseWorkdays(w);
        if (days) for (const x of days) expect(Number.isInteger(x) && x >= 1 && x <= 7).toBe(true);
        const args = splitArgs(w, parseMetric);
        if (args.by?.metric) expect(METRIC_KEYS).toContain(args.by.metric);
      }),
      { numRuns: 1500 },
    );
  });

  it("/settings: an accepted change always leaves valid settings; anything else is refused", () => {
    const keys = fc.constantFrom(
      "timezone",
      "summary",
      "evening",
      "weekly",
      "nudge_time",
      "checks",
      "workdays",
      "дни",
      "summary_to",
      "alerts_to",
      "topic",
      "leadtime",
      "stuck",
      "drop",
      "quiet",
      "metric",
      "language",
      "nudge",
      "alerts",
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.tuple(keys, nastyText).map(([k, v]) => `${k} ${v}`),
          nastyText,
        ),
        fc.option(fc.nat()),
        (text, thread) => {
          const r = parseSettingsCommand(text, parseMetric, thread ?? undefined);
          if ("error" in r) {
            expect(["unknown_key", "bad_value"]).toContain(r.error);
            return;
          }
          if (r.scope === "team") {
            const merged = mergeTeamSettings(readTeamSettings({}), r.patch);
            expect(teamSettingsSchema.safeParse(merged).success).toBe(true);
          }
        },
      ),
      { numRuns: 1500 },
    );
  });
});

describe("what is echoed back", () => {
  it("any user text, escaped and clipped or fitted, is a message Telegram accepts", () => {
    fc.assert(
      fc.property(nastyText, (text) => {
        expectSendable(`⚠️ «${echo(text)}»`);
        const fitted = fitHtml(`<b>${escapeHtml(text)}</b>\n${escapeHtml(text)}`);
        expect(() => parseHtml(fitted)).not.toThrow();
        expect(visibleLength(fitted)).toBeLessThanOrEqual(4096);
      }),
      { numRuns: 1000 },
    );
  });
});
