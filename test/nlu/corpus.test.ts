import { describe, expect, it } from "vitest";
import { russianMorphology } from "../../src/services/russian-morphology.js";
import { loadCorpus, OWN_CORPUS_PATH } from "./corpus.js";
import { scoreCorpus } from "./score.js";

describe("free-text reader on the project's own corpus", () => {
  const corpus = loadCorpus(OWN_CORPUS_PATH);

  it("has at least 300 messages in both languages, several with more than one event", () => {
    expect(corpus.messages.length).toBeGreaterThanOrEqual(300);
    expect(corpus.messages.filter((c) => c.lang === "en").length).toBeGreaterThanOrEqual(60);
    expect(corpus.messages.filter((c) => c.events.length > 1).length).toBeGreaterThanOrEqual(20);
  });

  it("meets the accuracy targets per field", () => {
    const score = scoreCorpus(russianMorphology(), corpus);
    const report = score.failures.map((f) => `${f.text} → ${JSON.stringify(f.got)}`).join("\n");
    expect(score.kind_accuracy, report).toBeGreaterThanOrEqual(0.97);
    expect(score.amount_accuracy, report).toBeGreaterThanOrEqual(0.97);
    expect(score.client_accuracy, report).toBeGreaterThanOrEqual(0.95);
    expect(score.day_accuracy, report).toBeGreaterThanOrEqual(0.95);
    expect(score.exact_accuracy, report).toBeGreaterThanOrEqual(0.9);
  });
});
