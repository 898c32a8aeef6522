import { describe, expect, it } from "vitest";
import { visibleLength, visibleText } from "../../src/delivery/html-text.js";
import { planParts } from "../../src/delivery/parts.js";

const photo = { data: Buffer.from([1, 2, 3]), filename: "chart.png" };

describe("caption length and photo split", () => {
  it("measures what Telegram shows: no tags, decoded entities, trimmed", () => {
    expect(visibleText('  <b>Итог</b> &lt;5&gt; &amp; <a href="https://x.y/?a=1&amp;b=>">ссылка</a>&#33;\n')).toBe("Итог <5> & ссылка!");
    expect(visibleLength("<i>😀</i>")).toBe(2); // UTF-16 units, as the Bot API counts
  });

  it("keeps a caption of 1024 visible chars even if its HTML is longer", () => {
    const html = `<b>${"a".repeat(1000)}</b>${"&amp;".repeat(24)}`;
    expect(html.length).toBeGreaterThan(1024);
    expect(planParts({ chatId: -1, html, photo })).toEqual([{ kind: "photo", photo, caption: html }]);
  });

  it("splits a longer caption into the bare photo followed by the text", () => {
    const html = "x".repeat(1025);
    expect(planParts({ chatId: -1, html, photo })).toEqual([
      { kind: "photo", photo },
      { kind: "text", html },
    ]);
    expect(planParts({ chatId: -1, html: " ", photo })).toEqual([{ kind: "photo", photo }]);
    expect(planParts({ chatId: -1, html })).toEqual([{ kind: "text", html }]);
  });
});
