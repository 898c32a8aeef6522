import { describe, expect, it } from "vitest";
import { parseAmount } from "../../src/domain/amounts.js";
import { splitArgs } from "../../src/domain/command-args.js";
import { parseEntry, parseOutcome } from "../../src/domain/entry-parsing.js";
import { parsePeriod } from "../../src/domain/period-parsing.js";
import { parsePlanCommand, parsePlanPeriod } from "../../src/domain/plan-command.js";
import { parseDuration, parsePlanValue } from "../../src/domain/plans.js";
import { parseBuiltinReport } from "../../src/domain/report-definition.js";
import { parseSettingsCommand } from "../../src/domain/settings-command.js";
import { parseWorkdays } from "../../src/domain/team-settings.js";
import { parseMetricOn } from "../../src/presentation/i18n/metric-words.js";

/** Metrics as /plan reads them (every metric a plan can be set on). */
const parseMetric = parseMetricOn("plan");

/** Every name an object literal inherits: typed as a word, none may be taken for a known one. */
const INHERITED = [...new Set([...Object.getOwnPropertyNames(Object.prototype), "prototype", "__proto__", "length", "name"])];

describe("words typed by users never reach Object.prototype", () => {
  it.each(INHERITED)("%s is no outcome, weekday, metric, period or report", (word) => {
    expect(parseOutcome(word)).toBeNull();
    expect(parseWorkdays(word)).toBeNull();
    expect(parseWorkdays(`1-${word}`)).toBeNull();
    expect(parseMetric(word)).toBeNull();
    expect(parsePeriod(word)).toBeNull();
    expect(parsePlanPeriod(word)).toBeNull();
    expect(parseBuiltinReport(word)).toBeNull();
    expect(parseAmount(`5 ${word}`)).toEqual({ error: "format" });
    expect(typeof parseDuration(`5${word}`)).toBe("object");
    expect(parsePlanValue("lead_time", `5 ${word}`)).toHaveProperty("error");
    expect(splitArgs(`by ${word}`, parseMetric).by).toEqual({ metric: null, raw: word });
    expect(parsePlanCommand(`${word} 10 month`, parseMetric)).toEqual({ error: "metric", word });
    expect(parsePlanCommand(`calls 10 ${word}`, parseMetric)).toEqual({ error: "period", word });
    expect(parseSettingsCommand(`workdays ${word}`, parseMetric)).toEqual({ error: "bad_value", key: "workdays", value: word });
    expect(parseSettingsCommand(`summary_to ${word}`, parseMetric)).toHaveProperty("error", "bad_value");
    expect(parseSettingsCommand(`metric ${word}`, parseMetric)).toHaveProperty("error", "bad_value");
    expect(parseSettingsCommand(`${word} 1`, parseMetric)).toHaveProperty("error");
  });

  it.each(INHERITED)("/call %s Acme logs a reached call for the client the words name", (word) => {
    const parsed = parseEntry("call", `${word} Acme`);
    // Either a reached call for "<word> Acme" or a refusal as an unknown outcome: never a function as the outcome.
    if (parsed.ok) expect(parsed.entry).toMatchObject({ outcome: "reached", clientName: `${word} Acme` });
    else expect(parsed.error).toBe("unknown_outcome");
  });
});
