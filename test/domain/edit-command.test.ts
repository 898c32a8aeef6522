import { describe, expect, it } from "vitest";
import { parseEditCommand, parseVoidCommand } from "../../src/domain/edit-command.js";

describe("/edit and /void arguments", () => {
  it("reads the menu, a picked entry and one-line changes in Russian and English", () => {
    expect(parseEditCommand("")).toEqual({ kind: "menu" });
    expect(parseEditCommand("#12")).toEqual({ kind: "pick", id: 12 });
    expect(parseEditCommand("amount 60k")).toEqual({
      kind: "change",
      target: "last",
      value: { field: "amount", amountMinor: 6_000_000 },
      reason: null,
    });
    expect(parseEditCommand("сумма 1,5 млн")).toMatchObject({ value: { field: "amount", amountMinor: 150_000_000 } });
    expect(parseEditCommand("клиент ООО «Ромашка»")).toMatchObject({
      target: "last",
      value: { field: "client", clientName: "ООО «Ромашка»" },
    });
    expect(parseEditCommand("outcome meeting")).toMatchObject({ value: { field: "outcome", outcome: "meeting" } });
    expect(parseEditCommand("#7 итог недозвон")).toMatchObject({ target: { id: 7 }, value: { field: "outcome", outcome: "noanswer" } });
    expect(parseEditCommand("12 amount 5k")).toMatchObject({ target: { id: 12 } });
  });

  it("takes a reason after a dash (for an amount or outcome also the words after it)", () => {
    expect(parseEditCommand("#3 client Acme Corp — опечатка")).toEqual({
      kind: "change",
      target: { id: 3 },
      value: { field: "client", clientName: "Acme Corp" },
      reason: "опечатка",
    });
    expect(parseEditCommand("#3 amount 45k скидка по договору")).toMatchObject({ reason: "скидка по договору" });
    expect(parseEditCommand("#3 outcome встреча — перепутал")).toMatchObject({ reason: "перепутал" });
  });

  it("names what is wrong", () => {
    expect(parseEditCommand("colour red")).toEqual({ error: "field", word: "colour" });
    expect(parseEditCommand("constructor x")).toEqual({ error: "field", word: "constructor" });
    expect(parseEditCommand("amount abc")).toEqual({ error: "amount", detail: "abc" });
    expect(parseEditCommand("amount 0")).toMatchObject({ error: "amount" });
    expect(parseEditCommand("amount -5k")).toMatchObject({ error: "amount" });
    expect(parseEditCommand("outcome busy")).toEqual({ error: "outcome", word: "busy" });
    expect(parseEditCommand("client")).toEqual({ error: "client_required" });
    expect(parseEditCommand(`client ${"x".repeat(201)}`)).toEqual({ error: "client_too_long" });
    expect(parseEditCommand(`#1 client A — ${"y".repeat(501)}`)).toEqual({ error: "reason_too_long" });
  });

  it("/void needs an id and a reason", () => {
    expect(parseVoidCommand("#12 дубль")).toEqual({ id: 12, reason: "дубль" });
    expect(parseVoidCommand("12 — duplicate entry")).toEqual({ id: 12, reason: "duplicate entry" });
    expect(parseVoidCommand("#12")).toEqual({ error: "reason_required" });
    expect(parseVoidCommand("дубль")).toEqual({ error: "form" });
    expect(parseVoidCommand("")).toEqual({ error: "form" });
  });
});
