import { describe, expect, it } from "vitest";
import { foldText, matchesAll, searchWords } from "../../src/domain/search-text.js";

describe("search text", () => {
  it("folds case and ё, Cyrillic included", () => {
    expect(foldText("  ЁЛКА  Ещё Objections ")).toBe("елка еще objections");
    expect(searchWords("ЕЩЁ, скрипт!")).toEqual(["еще", "скрипт"]);
    expect(matchesAll(foldText("Скрипт: ещё раз"), searchWords("ЕЩЕ скрипт"))).toBe(true);
    expect(matchesAll(foldText("Скрипт"), searchWords("скрипт звонка"))).toBe(false);
  });
});
