// The logger strips every configured secret from whatever it writes: messages, URLs, stacks, causes, nested objects.
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../src/logger.js";

const TOKEN = "123456:AAH-secret_part-of-the-token";
const ODD = 'odd"secret\\with/quotes';

function capture() {
  let text = "";
  const destination = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  });
  return { destination, text: () => text };
}

describe("createLogger", () => {
  it("writes no secret in any shape, wherever it sits in the line", () => {
    const out = capture();
    const logger = createLogger("info", { secrets: [TOKEN, ODD], destination: out.destination });
    const url = `https://api.telegram.org/bot${TOKEN}/sendMessage`;
    const cause = new Error(`request to ${url} failed, reason: socket hang up`);
    const err = new Error("Network request for 'sendMessage' failed!", { cause });
    Object.assign(err, { error: cause, request: { url, headers: { authorization: `Bearer ${ODD}` } } });
    logger.error({ err, http: String(cause) }, "update failed");
    logger.warn({ nested: { deeper: [{ url: encodeURIComponent(url) }] } }, `retrying ${url}`);
    logger.child({ api: url }).info({ odd: ODD }, "child");
    logger.info(`bare message with ${TOKEN}`);

    const text = out.text();
    expect(text.split("\n").filter(Boolean)).toHaveLength(4);
    for (const shape of [TOKEN, encodeURIComponent(TOKEN), ODD, JSON.stringify(ODD).slice(1, -1)]) expect(text).not.toContain(shape);
    // What is around the secrets is kept, so the line still says what happened.
    expect(text).toContain("socket hang up");
    expect(text).toContain("https://api.telegram.org/bot[REDACTED]/sendMessage");
    expect(text).toContain("Bearer [REDACTED]");
    for (const line of text.split("\n").filter(Boolean)) expect(() => JSON.parse(line)).not.toThrow();
  });

  it("leaves lines alone when no secret is configured", () => {
    const out = capture();
    createLogger("info", { destination: out.destination }).info({ url: "https://example.org/x" }, "plain");
    expect(JSON.parse(out.text())).toMatchObject({ url: "https://example.org/x", msg: "plain" });
  });
});
