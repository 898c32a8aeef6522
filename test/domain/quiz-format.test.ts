import { describe, expect, it } from "vitest";
import { extractTags, parseQuiz, quizPercent } from "../../src/domain/quiz-format.js";

describe("parseQuiz", () => {
  it("reads questions, options, the correct one, explanations and tags", () => {
    const r = parseQuiz(
      "Возражения #Objections #call_conversion",
      "? Что первым?\n- Скидка\n+ Уточнить\n! Критерии\n\n? Когда КП?\n+ Сразу\n- Потом",
    );
    expect(r).toEqual({
      ok: true,
      quiz: {
        name: "Возражения",
        tags: ["objections", "call_conversion"],
        questions: [
          { question: "Что первым?", options: ["Скидка", "Уточнить"], correct: 1, explanation: "Критерии" },
          { question: "Когда КП?", options: ["Сразу", "Потом"], correct: 0, explanation: null },
        ],
      },
    });
  });

  it("names the line of each broken limit (the command is line 1)", () => {
    const body = [
      `? ${"x".repeat(301)}`, // line 2
      "+ a",
      `- ${"y".repeat(101)}`, // line 4
      `! ${"z".repeat(201)}`, // line 5
      "",
      "? one option", // line 7
      "+ only",
      "",
      "? two right", // line 10
      "+ a",
      "+ b", // line 12
      "",
      "? none right", // line 14
      "- a",
      "- b",
      "",
      "oops", // line 18
      "? eleven", // line 19
      ...Array.from({ length: 11 }, (_, i) => `${i === 0 ? "+" : "-"} o${i}`), // options on lines 20..30
    ].join("\n");
    const r = parseQuiz("Name", body);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.line, e.code])).toEqual([
      [2, "question_too_long"],
      [4, "option_too_long"],
      [5, "explanation_too_long"],
      [7, "too_few_options"],
      [12, "several_correct"],
      [14, "no_correct"],
      [18, "unknown_line"],
      [30, "too_many_options"],
    ]);
  });

  it("accepts exactly Telegram's limits", () => {
    const r = parseQuiz("N", `? ${"q".repeat(300)}\n+ ${"o".repeat(100)}\n- b\n! ${"e".repeat(200)}`);
    expect(r.ok).toBe(true);
  });

  it("needs a name and at least one question", () => {
    const r = parseQuiz("#tag", "");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.code)).toEqual(["no_name"]);
    const r2 = parseQuiz("Name", "");
    expect(!r2.ok && r2.errors[0]!.code).toBe("no_questions");
    const r3 = parseQuiz("Name", "+ a\n- b");
    expect(!r3.ok && r3.errors.map((e) => [e.line, e.code])).toEqual([
      [2, "option_before_question"],
      [3, "option_before_question"],
    ]);
  });

  it("folds tags (case, ё) and scores", () => {
    expect(extractTags("#Ёжик #ежик #Scripts")).toEqual(["ежик", "scripts"]);
    expect(quizPercent(2, 3)).toBe(67);
    expect(quizPercent(0, 0)).toBe(0);
  });
});
