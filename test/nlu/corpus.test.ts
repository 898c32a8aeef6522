import { describe, expect, it } from "vitest";
import { russianMorphology } from "../../src/services/russian-morphology.js";
import { CORPUS } from "./corpus.js";
import { scoreCorpus } from "./score.js";

describe("free-text reader on the hand-written corpus", () => {
  it("has at least 300 messages in both languages, several with more than one event", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(300);
    expect(CORPUS.filter((c) => c.lang === "en").length).toBeGreaterThanOrEqual(60);
    expect(CORPUS.filter((c) => c.expected.length > 1).length).toBeGreaterThanOrEqual(20);
  });

  it("meets the accuracy targets per field", () => {
    const score = scoreCorpus(russianMorphology());
    const report = score.failures.map((f) => `${f.text} → ${JSON.stringify(f.got)}`).join("\n");
    expect(score.kind_accuracy, report).toBeGreaterThanOrEqual(0.97);
    expect(score.amount_accuracy, report).toBeGreaterThanOrEqual(0.97);
    expect(score.client_accuracy, report).toBeGreaterThanOrEqual(0.95);
    expect(score.exact_accuracy, report).toBeGreaterThanOrEqual(0.9);
  });
});
