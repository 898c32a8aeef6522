import { describe, expect, it } from "vitest";
import { russianMorphology } from "../../src/services/russian-morphology.js";

const morph = russianMorphology();

describe("russianMorphology: an adjective's base form", () => {
  it("reads a form both masculine and neuter as masculine, as most names' nouns are", () => {
    expect(morph("уютным", ["ablt"])?.base).toBe("уютный");
    expect(morph("сибирском", ["loct"])?.base).toBe("сибирский");
    expect(morph("чистого", ["gent"])?.base).toBe("чистый");
  });

  it("keeps a feminine or plural form as it is", () => {
    expect(morph("северной", ["gent"])?.base).toBe("северная");
    expect(morph("зелёной", ["ablt"])?.base).toBe("зелёная");
    expect(morph("белыми", ["ablt"])?.base).toBe("белые");
  });
});
