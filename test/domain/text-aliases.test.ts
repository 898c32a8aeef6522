import { describe, expect, it } from "vitest";
import { aliasesFromCorrection, aliasPhrase } from "../../src/domain/text-aliases.js";

const read = { kind: "call" as const, clientName: "АТ", amountMinor: null };
const phrases = { client: "АТ", kind: "воркшоп", amount: null };

describe("aliasesFromCorrection", () => {
  it("remembers each changed field by the words it was read from", () => {
    expect(
      aliasesFromCorrection({ read, phrases, stored: { kind: "presentation", clientName: "Альфа-Трейд", amountMinor: null } }),
    ).toEqual([
      { field: "kind", phrase: "воркшоп", value: "presentation" },
      { field: "client", phrase: "ат", value: "Альфа-Трейд" },
    ]);
  });

  it("teaches nothing when nothing changed, or a field was read from no words", () => {
    expect(aliasesFromCorrection({ read, phrases, stored: { ...read, clientName: "ат" } })).toEqual([]);
    expect(
      aliasesFromCorrection({
        read: { kind: "deal", clientName: null, amountMinor: null },
        phrases: { client: null, kind: "сделка", amount: null },
        stored: { kind: "deal", clientName: "Вега", amountMinor: 10_000_000 },
      }),
    ).toEqual([]);
  });

  it("remembers a corrected amount by its slang", () => {
    expect(
      aliasesFromCorrection({
        read: { kind: "deal", clientName: "Вега", amountMinor: null },
        phrases: { client: "Вегу", kind: "закрыл", amount: "полтос" },
        stored: { kind: "deal", clientName: "Вега", amountMinor: 5_000_000 },
      }),
    ).toEqual([{ field: "amount", phrase: "полтос", value: "5000000" }]);
  });

  it("normalises a phrase: case, ё, spaces, quotes and edge punctuation", () => {
    expect(aliasPhrase("  «Альфа   Трёйд», ")).toBe("альфа трейд");
  });
});
