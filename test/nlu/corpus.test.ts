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
// separate author, until round 9; dev-11 was heldout-6, by a separate author, until round 10; dev-12 was heldout-7, by a separate
// author, until round 10). Held-out sets are never scored here.
/** The least share each development set must read right, field by field. */
interface Floors {
  exact: number;
  en: number;
  kind: number;
  outcome: number;
  amount: number;
  client: number;
  day: number;
  /** Share of messages with nothing to log read so; 1 unless a set's own floors say otherwise. */
  nothing?: number;
}
const TARGETS: Floors = { exact: 0.97, en: 0.95, kind: 0.98, outcome: 0.97, amount: 0.97, client: 0.97, day: 0.97 };
// dev-11 joined development in round 10 and dev-12 in round 11; each is held at the level round 11 reached (dev-11
// exact 0.963, under the targets' 0.97; dev-12 exact 0.990), so a change may not lower it.
const DEV_11: Floors = { exact: 0.96, en: 0.95, kind: 0.98, outcome: 0.98, amount: 0.975, client: 0.975, day: 0.985 };
const DEV_12: Floors = { exact: 0.985, en: 0.95, kind: 0.995, outcome: 0.995, amount: 0.995, client: 0.985, day: 0.995 };
// dev-13 joined development in round 11 (after its unseen score was read: 0.820): held at the level round 11 reached on
// it (exact 0.947; English 0.907, its labels naming some English clients in full where the text shortens them).
const DEV_13: Floors = { exact: 0.945, en: 0.905, kind: 0.975, outcome: 0.97, amount: 0.97, client: 0.95, day: 0.97 };
// dev-14 joined development in round 12 (after its unseen score was read: 0.831): held at the level round 13 reached on
// it (exact 0.891, 0.872 after round 12; English 0.85, its labels naming English clients in full where the text shortens or translates them;
// nothing-to-log 0.98, a complaint told with a count of calls read as a call).
const DEV_14: Floors = { exact: 0.885, en: 0.85, kind: 0.945, outcome: 0.935, amount: 0.955, client: 0.88, day: 0.96, nothing: 0.98 };
// dev-15 (the former heldout-9), dev-16 and dev-17 (heldout-10, two authors) and dev-18 and dev-19 (heldout-11, two
// authors) joined development in round 13, each after its unseen score was read; each is held at the level round 13
// reached on it. dev-16's English labels name English clients in full where the text shortens them; dev-18 keeps one
// nothing-to-log miss (a complaint told with a count of calls, as dev-14's).
const DEV_15: Floors = { exact: 0.935, en: 0.92, kind: 0.96, outcome: 0.945, amount: 0.975, client: 0.925, day: 0.97 };
const DEV_16: Floors = { exact: 0.9, en: 0.84, kind: 0.965, outcome: 0.955, amount: 0.995, client: 0.895, day: 0.975 };
const DEV_17: Floors = { exact: 0.925, en: 0.97, kind: 0.975, outcome: 0.935, amount: 0.995, client: 0.935, day: 0.98 };
const DEV_18: Floors = { exact: 0.945, en: 0.945, kind: 0.96, outcome: 0.955, amount: 0.995, client: 0.945, day: 0.96, nothing: 0.95 };
const DEV_19: Floors = { exact: 0.96, en: 0.97, kind: 0.99, outcome: 0.995, amount: 0.995, client: 0.95, day: 0.99 };
// dev-20 and dev-21 (heldout-12, two authors) and dev-22 and dev-23 (heldout-13) joined development in round 14, each
// after its unseen score was read, and are held at the level round 14 reached on them. dev-21 keeps one nothing-to-log
// miss (a complaint that nobody picks up, read as a call not reached).
const DEV_20: Floors = { exact: 0.935, en: 0.92, kind: 0.965, outcome: 0.935, amount: 0.95, client: 0.95, day: 0.965 };
const DEV_21: Floors = { exact: 0.905, en: 0.945, kind: 0.91, outcome: 0.82, amount: 0.995, client: 0.905, day: 0.92, nothing: 0.95 };
const DEV_22: Floors = { exact: 0.93, en: 0.97, kind: 0.99, outcome: 0.975, amount: 0.95, client: 0.935, day: 0.98 };
const DEV_23: Floors = { exact: 0.875, en: 0.945, kind: 0.965, outcome: 0.93, amount: 0.955, client: 0.865, day: 0.975 };
// dev-24 and dev-25 (heldout-14) joined development in round 15, a short one; dev-24's English labels name clients in
// full where the text shortens them, and it keeps one nothing-to-log miss (a proposal taken back: "ой, не отправил").
const DEV_24: Floors = { exact: 0.915, en: 0.81, kind: 0.98, outcome: 0.995, amount: 0.995, client: 0.92, day: 0.98, nothing: 0.95 };
const DEV_25: Floors = { exact: 0.895, en: 0.89, kind: 0.94, outcome: 0.92, amount: 0.995, client: 0.885, day: 0.94 };
// dev-26…dev-53 joined development in round 16, each after its unseen score with the round-15 reader (and, for every
// set but heldout-15's halves, with the round-16 reader as it stood) was read: heldout-15 (dev-26, dev-27), heldout-17
// (dev-28, dev-29), heldout-19…30 (dev-30…53), two halves each by separate authors. Each is held at the level round 16
// reached on it; dev-26 keeps one nothing-to-log miss (a meeting ahead named with a presentation to bring).
const DEV_26: Floors = { exact: 0.95, en: 1, kind: 0.98, outcome: 0.935, amount: 0.94, client: 0.98, day: 0.98, nothing: 0.955 };
const DEV_27: Floors = { exact: 0.97, en: 1, kind: 0.99, outcome: 1, amount: 1, client: 0.975, day: 1 };
const DEV_28: Floors = { exact: 0.88, en: 0.92, kind: 0.95, outcome: 0.935, amount: 0.915, client: 0.895, day: 0.95 };
const DEV_29: Floors = { exact: 0.96, en: 0.945, kind: 0.975, outcome: 1, amount: 0.95, client: 0.975, day: 0.99 };
const DEV_30: Floors = { exact: 0.965, en: 0.97, kind: 0.99, outcome: 0.955, amount: 1, client: 0.98, day: 0.99 };
const DEV_31: Floors = { exact: 0.95, en: 0.97, kind: 0.975, outcome: 0.93, amount: 1, client: 0.965, day: 0.98 };
const DEV_32: Floors = { exact: 0.95, en: 0.97, kind: 0.94, outcome: 0.955, amount: 1, client: 0.965, day: 0.975 };
const DEV_33: Floors = { exact: 0.925, en: 0.945, kind: 0.95, outcome: 0.955, amount: 1, client: 0.96, day: 0.975 };
const DEV_34: Floors = { exact: 0.965, en: 0.92, kind: 0.975, outcome: 0.975, amount: 1, client: 0.965, day: 0.975 };
const DEV_35: Floors = { exact: 0.945, en: 1, kind: 0.98, outcome: 0.975, amount: 0.955, client: 0.975, day: 0.99 };
const DEV_36: Floors = { exact: 0.945, en: 0.97, kind: 0.965, outcome: 1, amount: 1, client: 0.96, day: 0.975 };
const DEV_37: Floors = { exact: 0.94, en: 0.92, kind: 0.965, outcome: 0.905, amount: 1, client: 0.96, day: 0.975 };
const DEV_38: Floors = { exact: 0.97, en: 0.97, kind: 0.99, outcome: 1, amount: 1, client: 0.98, day: 0.99 };
const DEV_39: Floors = { exact: 0.93, en: 0.945, kind: 0.94, outcome: 0.87, amount: 0.95, client: 0.94, day: 0.94 };
const DEV_40: Floors = { exact: 0.97, en: 0.945, kind: 0.975, outcome: 0.98, amount: 1, client: 0.975, day: 0.99 };
const DEV_41: Floors = { exact: 0.98, en: 0.97, kind: 0.98, outcome: 0.975, amount: 0.95, client: 0.975, day: 0.98 };
const DEV_42: Floors = { exact: 0.98, en: 0.97, kind: 0.98, outcome: 0.975, amount: 1, client: 0.98, day: 0.99 };
const DEV_43: Floors = { exact: 0.94, en: 0.92, kind: 0.98, outcome: 0.94, amount: 0.95, client: 0.975, day: 0.99 };
const DEV_44: Floors = { exact: 0.93, en: 0.865, kind: 0.99, outcome: 0.955, amount: 1, client: 0.95, day: 0.99 };
const DEV_45: Floors = { exact: 0.94, en: 0.97, kind: 0.95, outcome: 1, amount: 1, client: 0.95, day: 0.965 };
const DEV_46: Floors = { exact: 0.96, en: 0.97, kind: 0.975, outcome: 0.96, amount: 1, client: 0.975, day: 0.98 };
const DEV_47: Floors = { exact: 0.985, en: 1, kind: 0.99, outcome: 0.955, amount: 1, client: 0.99, day: 0.99 };
const DEV_48: Floors = { exact: 0.91, en: 0.785, kind: 0.95, outcome: 0.88, amount: 0.955, client: 0.91, day: 0.95 };
const DEV_49: Floors = { exact: 0.94, en: 0.92, kind: 0.975, outcome: 0.935, amount: 1, client: 0.96, day: 0.975 };
const DEV_50: Floors = { exact: 0.925, en: 0.895, kind: 0.98, outcome: 0.93, amount: 1, client: 0.96, day: 0.99 };
const DEV_51: Floors = { exact: 0.92, en: 0.895, kind: 0.95, outcome: 1, amount: 0.905, client: 0.92, day: 0.96 };
const DEV_52: Floors = { exact: 0.96, en: 0.97, kind: 0.96, outcome: 0.98, amount: 1, client: 0.965, day: 0.975 };
const DEV_53: Floors = { exact: 0.905, en: 0.97, kind: 0.935, outcome: 0.895, amount: 0.95, client: 0.925, day: 0.945 };
const SETS: [string, Floors][] = [
  ...["dev-1", "dev-2", "dev-3", "dev-4", "dev-5", "dev-6", "dev-7", "dev-8", "dev-9", "dev-10"].map((n): [string, Floors] => [n, TARGETS]),
  ["dev-11", DEV_11],
  ["dev-12", DEV_12],
  ["dev-13", DEV_13],
  ["dev-14", DEV_14],
  ["dev-15", DEV_15],
  ["dev-16", DEV_16],
  ["dev-17", DEV_17],
  ["dev-18", DEV_18],
  ["dev-19", DEV_19],
  ["dev-20", DEV_20],
  ["dev-21", DEV_21],
  ["dev-22", DEV_22],
  ["dev-23", DEV_23],
  ["dev-24", DEV_24],
  ["dev-25", DEV_25],
  ["dev-26", DEV_26],
  ["dev-27", DEV_27],
  ["dev-28", DEV_28],
  ["dev-29", DEV_29],
  ["dev-30", DEV_30],
  ["dev-31", DEV_31],
  ["dev-32", DEV_32],
  ["dev-33", DEV_33],
  ["dev-34", DEV_34],
  ["dev-35", DEV_35],
  ["dev-36", DEV_36],
  ["dev-37", DEV_37],
  ["dev-38", DEV_38],
  ["dev-39", DEV_39],
  ["dev-40", DEV_40],
  ["dev-41", DEV_41],
  ["dev-42", DEV_42],
  ["dev-43", DEV_43],
  ["dev-44", DEV_44],
  ["dev-45", DEV_45],
  ["dev-46", DEV_46],
  ["dev-47", DEV_47],
  ["dev-48", DEV_48],
  ["dev-49", DEV_49],
  ["dev-50", DEV_50],
  ["dev-51", DEV_51],
  ["dev-52", DEV_52],
  ["dev-53", DEV_53],
];

describe("free-text reader on the development sets", () => {
  it.each(SETS)("%s: meets its floors, logs nothing from questions and plans, is never wrong with confidence", (name, floor) => {
    const corpus = loadCorpus(join(import.meta.dirname, `${name}.json`));
    const score = scoreCorpus(russianMorphology(), corpus);
    const report = score.failures.map((f) => `${f.text} → ${JSON.stringify(f.got)}`).join("\n");
    expect(score.exact_accuracy, report).toBeGreaterThanOrEqual(floor.exact);
    expect(score.exact_en, report).toBeGreaterThanOrEqual(floor.en);
    expect(score.kind_accuracy, report).toBeGreaterThanOrEqual(floor.kind);
    expect(score.outcome_accuracy, report).toBeGreaterThanOrEqual(floor.outcome);
    expect(score.amount_accuracy, report).toBeGreaterThanOrEqual(floor.amount);
    expect(score.client_accuracy, report).toBeGreaterThanOrEqual(floor.client);
    expect(score.day_accuracy, report).toBeGreaterThanOrEqual(floor.day);
    expect(score.nothing_accuracy, report).toBeGreaterThanOrEqual(floor.nothing ?? 1);
    expect(score.confident_wrong, report).toBe(0);
  });
});
