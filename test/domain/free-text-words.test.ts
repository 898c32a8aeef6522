// NEEDS_A_LOOK: a message naming another day, a date or a moved meeting is confirmed, never
// stored unasked; an amount written with a decimal point is no date.
import { describe, expect, it } from "vitest";
import { needsALook, readFreeText } from "../../src/domain/free-text.js";
import { russianMorphology } from "../../src/services/russian-morphology.js";

const flagged = (text: string) => needsALook(text.toLowerCase());

describe("needsALook (NEEDS_A_LOOK with the amounts blanked)", () => {
  it("still flags dates, days and moved meetings", () => {
    for (const text of ["оплата к 12.12", "встреча на 10/12", "созвон на 10е", "вчера закрыл Ромашку", "перенесли встречу", "после нг"]) {
      expect(flagged(text), text).toBe(true);
    }
  });

  it("takes an amount with a decimal point for no date", () => {
    for (const text of [
      "закрыл сделку с Ромашкой на 1.5 млн",
      "сделка Ромашка 2.5 млн ₽",
      "Ромашка оплатила 12.5 тыс",
      "Ромашка 1.5 лям",
      "Acme paid 2.5 k",
      "Ромашка 7.5 руб",
    ]) {
      expect(flagged(text), text).toBe(false);
    }
  });

  it("lets a deal with '1.5 млн' be stored unasked, as with '1,5 млн'", () => {
    for (const text of ["закрыл сделку с Ромашкой на 1,5 млн", "закрыл сделку с Ромашкой на 1.5 млн"]) {
      const reading = readFreeText(text, ["Ромашка"], russianMorphology(), []);
      expect(reading.entries.map((e) => [e.kind, e.clientName, e.amountMinor])).toEqual([["deal", "Ромашка", 150_000_000]]);
      expect(reading.confident, text).toBe(true);
    }
  });
});
