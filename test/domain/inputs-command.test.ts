import { describe, expect, it } from "vitest";
import { type InputRow, inputFor, parseInputMonth } from "../../src/domain/business-inputs.js";
import { parseEntry } from "../../src/domain/entry-parsing.js";
import { parseInputsCommand } from "../../src/domain/inputs-command.js";

const NOW = "2026-11";
const K = 100_000;

describe("parseInputsCommand", () => {
  it("reads each one-line form, the month defaulting to the current one", () => {
    expect(parseInputsCommand("market 12m", NOW)).toEqual({ kind: "market", value: 12_000 * K, month: "2026-11", username: null });
    expect(parseInputsCommand("margin 30% 10.2026", NOW)).toEqual({ kind: "margin", value: 30, month: "2026-10", username: null });
    expect(parseInputsCommand("costs @ivan 150 тыс ноябрь", NOW)).toEqual({
      kind: "costs",
      value: 150 * K,
      month: "2026-11",
      username: "ivan",
    });
    expect(parseInputsCommand("overhead 50k last month", NOW)).toEqual({
      kind: "overhead",
      value: 50 * K,
      month: "2026-10",
      username: null,
    });
    expect(parseInputsCommand("рынок 1,5 млн прошлый месяц", NOW)).toMatchObject({ kind: "market", value: 1_500 * K, month: "2026-10" });
    expect(parseInputsCommand("overhead 0", NOW)).toMatchObject({ value: 0 });
  });

  it("refuses negatives, margins over 100 %, far months, unknown kinds and costs without a manager", () => {
    expect(parseInputsCommand("costs @ivan -150k", NOW)).toMatchObject({ error: "value", reason: "negative" });
    expect(parseInputsCommand("margin 120%", NOW)).toMatchObject({ error: "value", reason: "percent_range" });
    expect(parseInputsCommand("market 12m 01.2027", NOW)).toMatchObject({ error: "month", reason: "future" });
    expect(parseInputsCommand("market 12m 13.2026", NOW)).toMatchObject({ error: "month", reason: "format" });
    expect(parseInputsCommand("market abc", NOW)).toMatchObject({ error: "value", reason: "format" });
    expect(parseInputsCommand("profit 5", NOW)).toEqual({ error: "kind", word: "profit" });
    expect(parseInputsCommand("costs 150k", NOW)).toEqual({ error: "username" });
    expect(parseInputsCommand("market", NOW)).toMatchObject({ error: "value" });
  });
});

describe("parseInputMonth", () => {
  it("reads numbers, names and relative words; a name is the latest such month up to next month", () => {
    expect(parseInputMonth("2026-09", NOW)).toEqual({ month: "2026-09" });
    expect(parseInputMonth("декабрь", NOW)).toEqual({ month: "2026-12" }); // next month is allowed
    expect(parseInputMonth("January", NOW)).toEqual({ month: "2026-01" });
    expect(parseInputMonth("next month", "2026-12")).toEqual({ month: "2027-01" });
    expect(parseInputMonth("прошлый месяц", "2026-01")).toEqual({ month: "2025-12" });
    expect(parseInputMonth("02.2027", NOW)).toEqual({ error: "future" });
    expect(parseInputMonth("когда-нибудь", NOW)).toEqual({ error: "format" });
  });
});

describe("inputFor", () => {
  it("takes the latest set for the newest month up to the one asked", () => {
    const rows: InputRow[] = [
      { id: 1, kind: "market", month: "2026-09", userId: null, value: 1, setAt: 10 },
      { id: 2, kind: "market", month: "2026-11", userId: null, value: 2, setAt: 5 },
      { id: 3, kind: "market", month: "2026-11", userId: null, value: 3, setAt: 20 },
      { id: 4, kind: "costs", month: "2026-09", userId: 7, value: 9, setAt: 1 },
    ];
    expect(inputFor(rows, "market", "2026-08")).toBeNull();
    expect(inputFor(rows, "market", "2026-10")).toBe(1);
    expect(inputFor(rows, "market", "2027-03")).toBe(3);
    expect(inputFor(rows, "costs", "2026-12", 7)).toBe(9);
    expect(inputFor(rows, "costs", "2026-12", 8)).toBeNull();
  });
});

describe("a deal's own margin", () => {
  it("is read off the end of /deal and kept out of the client", () => {
    const r = parseEntry("deal", "120k Acme margin 35%");
    expect(r).toEqual({ ok: true, entry: expect.objectContaining({ amountMinor: 120 * K, clientName: "Acme", marginPct: 35 }) });
    expect(parseEntry("deal", "120k ООО Ромашка маржа 27,5 %")).toMatchObject({
      ok: true,
      entry: { clientName: "ООО Ромашка", marginPct: 27.5 },
    });
    expect(parseEntry("deal", "120k Acme margin 135%")).toMatchObject({ ok: false, error: "margin_range" });
    // Without it, nothing changes.
    expect(parseEntry("deal", "50k Acme")).toEqual({ ok: true, entry: expect.not.objectContaining({ marginPct: expect.anything() }) });
  });
});
