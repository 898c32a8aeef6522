import { describe, expect, it } from "vitest";
import { amoCallOutcome, bitrixCallOutcome, effectiveSources, looksLikeSecret, suggestMember } from "../../src/domain/crm.js";

describe("call outcomes", () => {
  it.each([
    [4, 0, "reached"],
    [4, 120, "reached"],
    [6, 0, "noanswer"],
    [7, 15, "noanswer"], // busy, whatever the line's seconds
    [1, 30, "noanswer"], // left a message
    [undefined, 40, "reached"],
    [undefined, 0, "noanswer"],
    [null, undefined, "noanswer"],
  ] as const)("amoCRM status %s, %s s → %s", (status, duration, outcome) => {
    expect(amoCallOutcome(status, duration)).toBe(outcome);
  });

  it("Bitrix24: a call that lasted, or code 200, is reached", () => {
    expect(bitrixCallOutcome(45, "200")).toBe("reached");
    expect(bitrixCallOutcome(0, "304")).toBe("noanswer");
    expect(bitrixCallOutcome(0, "200")).toBe("reached");
    expect(bitrixCallOutcome(12, "486")).toBe("reached");
  });
});

describe("sources", () => {
  it("chat for every kind without a CRM; calls and deals from the CRM by default; the head's choice wins", () => {
    expect(Object.values(effectiveSources(false, { call: "crm" }))).toEqual(Array(7).fill("chat"));
    const s = effectiveSources(true, { meeting: "crm", deal: "chat" });
    expect(s).toEqual({ call: "crm", meeting: "crm", proposal: "chat", presentation: "chat", lead: "chat", deal: "chat", lost: "chat" });
  });
});

describe("suggestMember", () => {
  const team = [
    { userId: 1, firstName: "Иван", lastName: "Петров", username: "ivan_p" },
    { userId: 2, firstName: "Иван", lastName: null, username: null },
    { userId: 3, firstName: "Ольга", lastName: null, username: "olga" },
    { userId: 4, firstName: "Алёна", lastName: "Ким", username: null },
  ];
  it("by the e-mail's name, then the full name, then a unique first name; nobody when ambiguous", () => {
    expect(suggestMember("Whoever", "ivan_p@firm.ru", team)).toBe(1);
    expect(suggestMember("Петров Иван", null, team)).toBe(1);
    expect(suggestMember("Ольга Смирнова", "o.smirnova@firm.ru", team)).toBe(3);
    expect(suggestMember("Алена Ким", null, team)).toBe(4); // ё and е are one letter here
    expect(suggestMember("Иван Сидоров", null, team)).toBeNull();
    expect(suggestMember("Пётр", null, team)).toBeNull();
  });
});

describe("looksLikeSecret", () => {
  it.each([
    ["eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJl", true],
    ["https://firm.bitrix24.ru/rest/1/abc123def456/", true],
    ["a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8", true],
    ["звонок Ромашка", false],
    ["https://firm.amocrm.ru", false],
    ["Ромашка-Лютик-Василёк-Одуванчик-Клевер", false],
    ["0f8b5c1e", false],
  ])("%s → %s", (text, secret) => {
    expect(looksLikeSecret(text)).toBe(secret);
  });
});
