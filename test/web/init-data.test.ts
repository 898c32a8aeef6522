import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkInitData, signInitData } from "../../src/web/init-data.js";

const TOKEN = "123456:TEST-token-for-init-data-checks";
const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);
const authDate = String(NOW / 1000 - 60);
const user = JSON.stringify({ id: 42, first_name: "Ольга", language_code: "ru" });
const signed = signInitData({ query_id: "AAH", user, auth_date: authDate }, TOKEN);

describe("checkInitData", () => {
  it("accepts data signed with the bot's token and reads the user", () => {
    const r = checkInitData(signed, TOKEN, NOW);
    expect(r).toMatchObject({ ok: true, user: { id: 42, first_name: "Ольга" }, authDate: Number(authDate) });
  });

  it("matches the documented algorithm computed independently", async () => {
    const { createHmac } = await import("node:crypto");
    const fields = { auth_date: authDate, query_id: "AAH", user };
    const dataCheck = Object.entries(fields)
      .map(([k, v]) => `${k}=${v}`)
      .sort()
      .join("\n");
    const secret = createHmac("sha256", "WebAppData").update(TOKEN).digest();
    const hash = createHmac("sha256", secret).update(dataCheck).digest("hex");
    expect(new URLSearchParams(signed).get("hash")).toBe(hash);
  });

  it("refuses missing data, another bot's signature, a bad hash, stale data and data without a user", () => {
    expect(checkInitData("", TOKEN, NOW)).toEqual({ ok: false, reason: "missing" });
    expect(checkInitData(signed, "654321:ANOTHER-bot-token-xxxxxxxx", NOW)).toEqual({ ok: false, reason: "bad_hash" });
    expect(checkInitData(signed.replace(/hash=[0-9a-f]+/, "hash=abc"), TOKEN, NOW)).toEqual({ ok: false, reason: "bad_hash" });
    expect(checkInitData(signed, TOKEN, NOW + 25 * 3600 * 1000)).toEqual({ ok: false, reason: "expired" });
    expect(checkInitData(signed, TOKEN, NOW + 2 * 3600 * 1000, 3600)).toEqual({ ok: false, reason: "expired" });
    const noUser = signInitData({ auth_date: authDate }, TOKEN);
    expect(checkInitData(noUser, TOKEN, NOW)).toEqual({ ok: false, reason: "no_user" });
  });

  it("refuses any change to any signed field", () => {
    fc.assert(
      fc.property(fc.constantFrom("query_id", "user", "auth_date"), fc.string({ minLength: 1, maxLength: 12 }), (field, extra) => {
        const params = new URLSearchParams(signed);
        params.set(field, params.get(field)! + extra);
        return checkInitData(params.toString(), TOKEN, NOW).ok === false;
      }),
    );
  });
});
