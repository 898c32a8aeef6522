import { describe, expect, it } from "vitest";
import { russianMorphology } from "../../src/services/russian-morphology.js";
import type { Corpus } from "./corpus.js";
import { sameReason, scoreCorpus } from "./score.js";

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

describe("scoreCorpus with the team's memory", () => {
  const corpus: Corpus = {
    known_clients: [],
    messages: [
      {
        id: "m1",
        lang: "en",
        text: "new inbound lead from the website: Northgate Logistics",
        events: [{ kind: "lead", outcome: null, client: "Northgate Logistics", amount: null, day: null, reason: null }],
      },
      {
        id: "m2",
        lang: "en",
        text: "called Northgate, no answer",
        events: [{ kind: "call", outcome: "noanswer", client: "Northgate Logistics", amount: null, day: null, reason: null }],
      },
    ],
  };

  it("reads a later message against the clients labelled before it, as the bot reads against logged entries", () => {
    const without = scoreCorpus(russianMorphology(), corpus);
    const withMemory = scoreCorpus(russianMorphology(), corpus, { memory: true });
    expect(without.failures.map((f) => f.id)).toEqual(["m2"]);
    expect(withMemory.failures).toEqual([]);
    expect(withMemory.client_accuracy).toBe(1);
  });

  it("never lets a message see its own label", () => {
    const first = scoreCorpus(russianMorphology(), { known_clients: [], messages: [corpus.messages[1]!] }, { memory: true });
    expect(first.client_accuracy).toBe(0);
  });
});
