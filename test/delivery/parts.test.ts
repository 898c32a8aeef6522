import { describe, expect, it } from "vitest";
import { visibleLength, visibleText } from "../../src/delivery/html-text.js";
import { createDelivery } from "../../src/delivery/index.js";
import { planParts } from "../../src/delivery/parts.js";
import { FakeClock } from "./fake-clock.js";
import { stubApi } from "./stub-api.js";

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

describe("a part that reached the chat", () => {
  it("is reported with its message id before the next part is sent and before the message settles", async () => {
    const clock = new FakeClock();
    const stub = stubApi(clock);
    const delivery = createDelivery(stub.api, { now: clock.now, sleep: clock.sleep });
    const seen: string[] = [];
    const long = "x".repeat(1100);
    const settled = delivery.send({
      chatId: -5,
      html: long,
      photo,
      onPartSent: (id, part) => seen.push(`part ${part}: message ${id} after ${stub.sends.length} sends`),
    });
    const outcome = await settled;
    seen.push("settled");
    expect(outcome).toEqual({ status: "sent", chatId: -5, messageIds: [1, 2] });
    expect(seen).toEqual(["part 0: message 1 after 1 sends", "part 1: message 2 after 2 sends", "settled"]);
  });

  it("is not reported when Telegram refused it", async () => {
    const clock = new FakeClock();
    const stub = stubApi(clock, () => ({ error_code: 400, description: "Bad Request: chat not found" }));
    const delivery = createDelivery(stub.api, { now: clock.now, sleep: clock.sleep });
    const seen: number[] = [];
    const outcome = await delivery.send({ chatId: 7, html: "Привет", onPartSent: (id) => seen.push(id) });
    expect(outcome.status).toBe("failed");
    expect(seen).toEqual([]);
  });
});
