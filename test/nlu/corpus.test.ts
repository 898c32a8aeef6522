import { join } from "node:path";
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

// The development sets written from a sales day's situations (dev-5 was heldout-1 until round 5, dev-6 was heldout-2
// until round 6; dev-7 was written for round 6, English and nothing-to-log heavy; dev-8 was heldout-3, written by a
// separate author, until round 7; dev-9 was heldout-4, by a separate author, until round 8; dev-10 was heldout-5, by a
// separate author, until round 9; dev-11 was heldout-6, by a separate author, until round 10). Held-out sets are never kept here.
describe("free-text reader on the development sets", () => {
  it.each(["dev-1", "dev-2", "dev-3", "dev-4", "dev-5", "dev-6", "dev-7", "dev-8", "dev-9", "dev-10"])(
    "%s: meets the targets, logs nothing from questions and plans, is never wrong with confidence",
    (name) => {
      const corpus = loadCorpus(join(import.meta.dirname, `${name}.json`));
      const score = scoreCorpus(russianMorphology(), corpus);
      const report = score.failures.map((f) => `${f.text} → ${JSON.stringify(f.got)}`).join("\n");
      expect(score.exact_accuracy, report).toBeGreaterThanOrEqual(0.97);
      expect(score.exact_en, report).toBeGreaterThanOrEqual(0.95);
      expect(score.kind_accuracy, report).toBeGreaterThanOrEqual(0.98);
      expect(score.outcome_accuracy, report).toBeGreaterThanOrEqual(0.97);
      expect(score.amount_accuracy, report).toBeGreaterThanOrEqual(0.97);
      expect(score.client_accuracy, report).toBeGreaterThanOrEqual(0.97);
      expect(score.day_accuracy, report).toBeGreaterThanOrEqual(0.97);
      expect(score.nothing_accuracy, report).toBe(1);
      expect(score.confident_wrong, report).toBe(0);
    },
  );

  // dev-11 joined development in round 10 and does not yet reach the targets above: its floor is what round 10
  // reached (exact 0.918), so a change may not lower it, and it stores nothing wrong unasked and logs nothing from
  // questions and plans, like every other set. Raise these to the common targets once it gets there.
  it("dev-11: holds its round-10 scores, logs nothing from questions and plans, is never wrong with confidence", () => {
    const corpus = loadCorpus(join(import.meta.dirname, "dev-11.json"));
    const score = scoreCorpus(russianMorphology(), corpus);
    const report = score.failures.map((f) => `${f.text} → ${JSON.stringify(f.got)}`).join("\n");
    expect(score.exact_accuracy, report).toBeGreaterThanOrEqual(0.915);
    expect(score.exact_en, report).toBeGreaterThanOrEqual(0.95);
    expect(score.kind_accuracy, report).toBeGreaterThanOrEqual(0.95);
    expect(score.outcome_accuracy, report).toBeGreaterThanOrEqual(0.935);
    expect(score.amount_accuracy, report).toBeGreaterThanOrEqual(0.97);
    expect(score.client_accuracy, report).toBeGreaterThanOrEqual(0.945);
    expect(score.day_accuracy, report).toBeGreaterThanOrEqual(0.965);
    expect(score.nothing_accuracy, report).toBe(1);
    expect(score.confident_wrong, report).toBe(0);
  });
});
