import { describe, expect, it } from "vitest";
import { clip, fitHtml, visibleLength } from "../../src/presentation/html.js";

describe("clip and fitHtml count as Telegram does (UTF-16 code units)", () => {
  it("clips a line of emoji outside the BMP to the limit, never inside a surrogate pair", () => {
    const clipped = clip("𐀀".repeat(5000), 1024);
    expect(clipped.length).toBeLessThanOrEqual(1024);
    expect(clipped.endsWith("𐀀…")).toBe(true);
    expect(clip("ab", 2)).toBe("ab");
    expect(clip("abc", 2)).toBe("a…");
  });

  it("fits one huge line of emoji into a message", () => {
    const html = fitHtml("👍".repeat(4000));
    expect(visibleLength(html)).toBeLessThanOrEqual(4096);
  });
});
