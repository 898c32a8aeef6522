import { describe, expect, it } from "vitest";
import { MAX_CLIENT_LENGTH, parseEntry } from "../../src/domain/entry-parsing.js";

describe("parseEntry", () => {
  it("reads a call's outcome in English and Russian, defaulting to reached", () => {
    expect(parseEntry("call", "")).toEqual({
      ok: true,
      entry: expect.objectContaining({ kind: "call", outcome: "reached", clientName: null }),
    });
    expect(parseEntry("call", "meeting Acme Corp")).toEqual({
      ok: true,
      entry: expect.objectContaining({ outcome: "meeting", clientName: "Acme Corp" }),
    });
    expect(parseEntry("call", "недозвон ООО  Ромашка")).toEqual({
      ok: true,
      entry: expect.objectContaining({ outcome: "noanswer", clientName: "ООО Ромашка" }),
    });
    expect(parseEntry("call", "Встреча Вектор")).toEqual({
      ok: true,
      entry: expect.objectContaining({ outcome: "meeting", clientName: "Вектор" }),
    });
    expect(parseEntry("call", "дозвон")).toEqual({ ok: true, entry: expect.objectContaining({ outcome: "reached", clientName: null }) });
    expect(parseEntry("call", "Acme")).toEqual({ ok: true, entry: expect.objectContaining({ outcome: "reached", clientName: "Acme" }) });
  });

  it("refuses outcomes it does not know instead of reading them as a client", () => {
    expect(parseEntry("call", "busy Acme")).toEqual({ ok: false, error: "unknown_outcome", detail: "busy" });
    expect(parseEntry("call", "meetng Acme")).toEqual({ ok: false, error: "unknown_outcome", detail: "meetng" });
    expect(parseEntry("call", "недозвонн")).toEqual({ ok: false, error: "unknown_outcome", detail: "недозвонн" });
  });

  it("requires a client for leads and losses and limits its length", () => {
    expect(parseEntry("lead", "  ")).toEqual({ ok: false, error: "client_required" });
    expect(parseEntry("lost", "")).toEqual({ ok: false, error: "client_required" });
    expect(parseEntry("lead", "x".repeat(MAX_CLIENT_LENGTH))).toMatchObject({ ok: true });
    expect(parseEntry("lead", "x".repeat(MAX_CLIENT_LENGTH + 1))).toEqual({ ok: false, error: "client_too_long" });
    expect(parseEntry("meeting", "y".repeat(201))).toEqual({ ok: false, error: "client_too_long" });
  });

  it("splits a loss into client and reason on a dash", () => {
    expect(parseEntry("lost", "Вектор — дорого")).toEqual({
      ok: true,
      entry: expect.objectContaining({ clientName: "Вектор", lostReason: "дорого" }),
    });
    expect(parseEntry("lost", "Acme - chose a competitor")).toEqual({
      ok: true,
      entry: expect.objectContaining({ clientName: "Acme", lostReason: "chose a competitor" }),
    });
    expect(parseEntry("lost", "Альфа-Трейд")).toEqual({
      ok: true,
      entry: expect.objectContaining({ clientName: "Альфа-Трейд", lostReason: null }),
    });
  });

  it("parses a deal's amount in every accepted form, with the client after it", () => {
    const deal = (args: string) => {
      const r = parseEntry("deal", args);
      return r.ok ? [r.entry.amountMinor, r.entry.clientName] : r.error;
    };
    expect(deal("50000")).toEqual([5_000_000, null]);
    expect(deal("50 000 Ромашка")).toEqual([5_000_000, "Ромашка"]);
    expect(deal("50k Acme")).toEqual([5_000_000, "Acme"]);
    expect(deal("1.5m")).toEqual([150_000_000, null]);
    expect(deal("50 тыс ООО Вектор")).toEqual([5_000_000, "ООО Вектор"]);
    expect(deal("1,5 млн ₽ Альфа")).toEqual([150_000_000, "Альфа"]);
    expect(deal("75 000 руб Бета")).toEqual([7_500_000, "Бета"]);
  });

  it("refuses bad amounts with a reason", () => {
    expect(parseEntry("deal", "")).toEqual({ ok: false, error: "amount_required" });
    expect(parseEntry("deal", "abc Acme")).toMatchObject({ ok: false, error: "amount_format", detail: "abc" });
    expect(parseEntry("deal", "0 Acme")).toMatchObject({ ok: false, error: "amount_zero" });
    expect(parseEntry("deal", "-500 Acme")).toMatchObject({ ok: false, error: "amount_negative" });
    expect(parseEntry("deal", "2000000000000 Acme")).toMatchObject({ ok: false, error: "amount_too_large" });
  });
});
