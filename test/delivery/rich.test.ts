import { GrammyError } from "grammy";
import { describe, expect, it } from "vitest";
import { isRichRefusal, type RichGate, richOrHtml } from "../../src/delivery/rich.js";

const apiError = (error_code: number, description: string, parameters = {}) =>
  new GrammyError("call failed", { ok: false, error_code, description, parameters }, "sendRichMessage", {});

function gate(allowed = true): RichGate & { refusals: string[] } {
  const refusals: string[] = [];
  return { refusals, allowed: () => allowed, refused: (_id, reason) => void refusals.push(reason) };
}

const RICH = { blocks: [{ type: "paragraph" as const, text: "x" }] };

describe("rich or HTML", () => {
  it("sends rich where allowed; on a refusal remembers the chat and sends HTML", async () => {
    const g = gate();
    expect(
      await richOrHtml(
        g,
        1,
        RICH,
        async () => "rich",
        async () => "html",
      ),
    ).toBe("rich");
    const refused = await richOrHtml(
      g,
      1,
      RICH,
      async () => {
        throw apiError(404, "Not Found: method not found");
      },
      async () => "html",
    );
    expect(refused).toBe("html");
    expect(g.refusals).toEqual(["404: Not Found: method not found"]);
  });

  it("sends HTML only when the gate says no or there is no rich form", async () => {
    let tried = false;
    const rich = async () => {
      tried = true;
      return "rich";
    };
    expect(await richOrHtml(gate(false), 1, RICH, rich, async () => "html")).toBe("html");
    expect(await richOrHtml(gate(), 1, null, rich, async () => "html")).toBe("html");
    expect(tried).toBe(false);
  });

  it("is not fooled by errors that are not about the rich form", () => {
    expect(isRichRefusal(apiError(400, "Bad Request: RICH_TABLE_TOO_WIDE"))).toBe(true);
    expect(isRichRefusal(apiError(403, "Forbidden: bot was blocked by the user"))).toBe(false);
    expect(isRichRefusal(apiError(429, "Too Many Requests", { retry_after: 3 }))).toBe(false);
    expect(isRichRefusal(apiError(400, "Bad Request: group chat was upgraded", { migrate_to_chat_id: -100 }))).toBe(false);
    expect(isRichRefusal(apiError(400, "Bad Request: EPHEMERAL_RECEIVER_INVALID"))).toBe(false);
    expect(isRichRefusal(new Error("network"))).toBe(false);
  });

  it("rethrows what is not a refusal, without remembering the chat", async () => {
    const g = gate();
    await expect(
      richOrHtml(
        g,
        1,
        RICH,
        async () => {
          throw apiError(400, "Bad Request: message is not modified");
        },
        async () => "html",
      ),
    ).rejects.toThrow(/not modified/);
    await expect(
      richOrHtml(
        g,
        1,
        RICH,
        async () => {
          throw apiError(403, "Forbidden: bot was kicked from the group chat");
        },
        async () => "html",
      ),
    ).rejects.toThrow(/kicked/);
    expect(g.refusals).toEqual([]);
  });
});
