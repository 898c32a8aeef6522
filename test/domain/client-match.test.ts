import { describe, expect, it } from "vitest";
import { lookupKnown, matchKnownAt, prepareKnownClients, sameName } from "../../src/domain/client-match.js";

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
