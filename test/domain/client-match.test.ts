import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lookupKnown, matchKnownAt, prepareKnownClients, sameName, withinOneEdit } from "../../src/domain/client-match.js";

describe("tolerant matching of known clients", () => {
  const known = prepareKnownClients(["Альфа-Трейд", "ООО «Север»", "СтройМаркет", "ТехноПарк", "Атлант", "Полюс", "Альфа Банк"]);
  const at = (text: string) => {
    const words = text.toLocaleLowerCase("ru").split(" ");
    return (
      matchKnownAt(
        words,
        words.map(() => null),
        0,
        known,
      )?.client.name ?? null
    );
  };

  it("ignores case, hyphens, spaces, case endings and legal forms", () => {
    expect(at("альфа трейд")).toBe("Альфа-Трейд");
    expect(at("альфатрейду")).toBe("Альфа-Трейд");
    expect(at("техно парк")).toBe("ТехноПарк");
    expect(at("севером")).toBe("ООО «Север»");
    expect(lookupKnown("ооо север", known)?.name).toBe("ООО «Север»");
  });

  it("forgives one typo in a long name and reads a transliteration, but not a different word", () => {
    expect(at("стромаркет")).toBe("СтройМаркет");
    expect(at("atlant")).toBe("Атлант");
    expect(at("полтора")).toBeNull();
    expect(sameName("полюса", null, "полюс")).toBe(true);
    expect(sameName("поляна", null, "полюс")).toBe(false);
  });

  it("reads a Latin name typed in Cyrillic by its sound, with a case ending, but not a word sharing a few consonants", () => {
    expect(sameName("нордикфудс", null, "nordicfoods")).toBe(true);
    expect(sameName("нордикфудсу", null, "nordicfoods")).toBe(true);
    expect(sameName("брайтлэбс", null, "brightlabs")).toBe(true);
    // "конца" sounds "knts" like "contoso": four consonants are too few to tell.
    expect(sameName("конца", null, "contoso")).toBe(false);
    expect(sameName("нордикс", null, "nordicfoods")).toBe(false);
  });

  it("reads a client's people by a suffix on its name", () => {
    const clients = prepareKnownClients(["Гранит", "Кедр"]);
    const words = ["к", "гранитчикам"];
    expect(matchKnownAt(words, [null, null], 1, clients)?.client.name).toBe("Гранит");
    expect(matchKnownAt(["кедровцы"], [null], 0, clients)?.client.name).toBe("Кедр");
    expect(matchKnownAt(["кедровый"], [null], 0, clients)).toBeNull();
  });

  it("takes a first word only when no other client shares it", () => {
    // "Альфа" begins both Альфа-Трейд and Альфа Банк: no guess.
    expect(at("альфу")).toBeNull();
    const one = prepareKnownClients(["Альфа-Трейд"]);
    expect(matchKnownAt(["альфу"], [null], 0, one)?.client.name).toBe("Альфа-Трейд");
  });

  it("matches a phrase the team taught", () => {
    const taught = prepareKnownClients(["Альфа-Трейд"], [{ phrase: "ат", name: "Альфа-Трейд" }]);
    expect(matchKnownAt(["ат"], [null], 0, taught)?.client.name).toBe("Альфа-Трейд");
  });
});

/** The optimal string alignment distance by its table, as the matcher computed it before withinOneEdit. */
function osaDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  return d[a.length]![b.length]!;
}

describe("withinOneEdit", () => {
  it("reads a typo, a letter added or dropped and two letters swapped as one edit, and two edits as more", () => {
    expect(withinOneEdit("строймаркет", "строймаркет")).toBe(true);
    expect(withinOneEdit("стромаркет", "строймаркет")).toBe(true);
    expect(withinOneEdit("строймаркетт", "строймаркет")).toBe(true);
    expect(withinOneEdit("стройамркет", "строймаркет")).toBe(true);
    expect(withinOneEdit("строймаркед", "строймаркет")).toBe(true);
    expect(withinOneEdit("стромаркед", "строймаркет")).toBe(false);
    expect(withinOneEdit("аб", "ба")).toBe(true);
    expect(withinOneEdit("абв", "вба")).toBe(false);
  });

  it("agrees with the optimal string alignment distance on any pair of words", () => {
    const word = fc.string({ unit: fc.constantFrom("а", "б", "в", "о"), maxLength: 7 });
    fc.assert(
      fc.property(word, word, (a, b) => withinOneEdit(a, b) === osaDistance(a, b) <= 1),
      { numRuns: 5000 },
    );
    // Pairs one edit apart are rare among random ones: every single edit of a word, too.
    fc.assert(
      fc.property(word, fc.nat(8), fc.constantFrom("а", "б", "в", "о"), fc.constantFrom("sub", "ins", "del", "swap"), (a, at, ch, op) => {
        const i = Math.min(at, a.length);
        const b =
          op === "sub"
            ? a.slice(0, i) + ch + a.slice(i + 1)
            : op === "ins"
              ? a.slice(0, i) + ch + a.slice(i)
              : op === "del"
                ? a.slice(0, i) + a.slice(i + 1)
                : a.slice(0, i) + (a[i + 1] ?? "") + (a[i] ?? "") + a.slice(i + 2);
        return withinOneEdit(a, b) === osaDistance(a, b) <= 1;
      }),
      { numRuns: 5000 },
    );
  });
});

describe("prepareKnownClients", () => {
  it("prepares a list once and a changed list again", () => {
    const first = prepareKnownClients(["Альфа-Трейд", "Полюс"]);
    expect(prepareKnownClients(["Альфа-Трейд", "Полюс"])).toBe(first);
    const grown = prepareKnownClients(["Альфа-Трейд", "Полюс", "Атлант"]);
    expect(grown).not.toBe(first);
    expect(grown.all.map((c) => c.name).sort()).toEqual(["Альфа-Трейд", "Атлант", "Полюс"]);
    const taught = prepareKnownClients(["Альфа-Трейд", "Полюс"], [{ phrase: "альфа", name: "Альфа-Трейд" }]);
    expect(taught).not.toBe(first);
  });
});
