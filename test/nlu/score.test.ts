import { describe, expect, it } from "vitest";
import { sameReason } from "./score.js";

describe("sameReason (how the scorer compares a loss's reason with its label)", () => {
  it("accepts the same reason in other case, punctuation or ё", () => {
    expect(sameReason("Нет бюджета", "нет бюджета.")).toBe(true);
    expect(sameReason("дешевле у своих", "дешевле у своих")).toBe(true);
    expect(sameReason("пошёл к конкуренту", "пошел к конкуренту")).toBe(true);
  });

  it("accepts a reason with a few words around it that are no reason of their own", () => {
    expect(sameReason("дорого", "дорого им")).toBe(true);
    expect(sameReason("price", "on price")).toBe(true);
    expect(sameReason("нет бюджета", "сказали нет бюджета")).toBe(true);
    expect(sameReason("went with another vendor, cheaper", "went with another vendor")).toBe(true);
  });

  it("rejects a missing reason, another reason, or a fragment of a longer one", () => {
    expect(sameReason("дорого", null)).toBe(false);
    expect(sameReason("дорого", "сроки")).toBe(false);
    expect(sameReason("нет бюджета до весны и сроки горят", "сроки")).toBe(false);
    expect(sameReason("не устроили сроки поставки", "сроки не устроили")).toBe(false);
    expect(sameReason("дорого", "не дорого, а долго")).toBe(false);
  });
});
