import { afterEach, describe, expect, it } from "vitest";
import { type FakeTelegram, startFakeTelegram } from "./index.js";

let fake: FakeTelegram;
afterEach(async () => {
  await fake.close();
});

async function call(method: string, payload: Record<string, unknown> = {}): Promise<any> {
  const res = await fetch(`${fake.apiRoot}/bot${fake.token}/${method}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(payload),
  });
  return res.json();
}

const kinds = (updates: { update_id: number }[]) => updates.map((u) => Object.keys(u).find((k) => k !== "update_id"));

/** One update of each kind the tests use, in this order. */
function pushOneOfEach(f: FakeTelegram) {
  const ann = f.user(1, { first_name: "Ann" });
  const group = f.group(-10, "G");
  f.sendText(ann, f.privateChat(ann), "hi");
  f.editText(ann, f.privateChat(ann), 1, "hi!");
  f.inlineQuery(ann, "q");
  f.changeMember(group, ann, "left");
  f.channelPost({ id: -100500, type: "channel", title: "News" }, "post");
}

describe("allowed_updates, as Telegram honours it", () => {
  it("by default delivers every kind except chat_member (which must be asked for)", async () => {
    fake = await startFakeTelegram();
    pushOneOfEach(fake);
    const r = await call("getUpdates", { timeout: 0 });
    expect(kinds(r.result)).toEqual(["message", "edited_message", "inline_query", "channel_post"]);
  });

  it("delivers only the kinds asked for, and drops the rest for good", async () => {
    fake = await startFakeTelegram();
    // Telegram decides when the event happens, so the bot asks first.
    await call("getUpdates", { timeout: 0, allowed_updates: ["message", "chat_member"] });
    pushOneOfEach(fake);
    const r = await call("getUpdates", { timeout: 0, allowed_updates: ["message", "chat_member"] });
    expect(kinds(r.result)).toEqual(["message", "chat_member"]);
    // A later call with a wider list does not bring back what was dropped.
    const wider = ["message", "chat_member", "edited_message", "inline_query", "channel_post"];
    const again = await call("getUpdates", { timeout: 0, allowed_updates: wider });
    expect(kinds(again.result)).toEqual(["message", "chat_member"]);
  });

  it("remembers the last list when a call leaves it out", async () => {
    fake = await startFakeTelegram();
    await call("getUpdates", { timeout: 0, allowed_updates: ["callback_query"] });
    expect(fake.allowedUpdates()).toEqual(["callback_query"]);
    pushOneOfEach(fake);
    const r = await call("getUpdates", { timeout: 0 });
    expect(r.result).toEqual([]);
    // An empty list goes back to the default.
    await call("getUpdates", { timeout: 0, allowed_updates: [] });
    expect(fake.allowedUpdates()).toBeNull();
  });

  it("applies the list given to setWebhook to what is posted to the webhook", async () => {
    fake = await startFakeTelegram();
    const r = await call("setWebhook", { url: "http://127.0.0.1:1/hook", allowed_updates: ["message"] });
    expect(r.ok).toBe(true);
    expect((await call("getWebhookInfo")).result.allowed_updates).toEqual(["message"]);
    const ann = fake.user(1);
    const id = fake.inlineQuery(ann, "q");
    // Nothing listens at that URL: a post would fail, so `dropped` proves none was tried.
    const posted = await fake.postToWebhook("http://127.0.0.1:1/hook", fake.getUpdate(id)!);
    expect(posted).toEqual({ status: 0, body: "", dropped: true });
  });

  it("rejects a list it cannot read", async () => {
    fake = await startFakeTelegram();
    const form = new FormData();
    form.set("allowed_updates", "[not json");
    const res = await fetch(`${fake.apiRoot}/bot${fake.token}/getUpdates`, { method: "POST", body: form });
    const body = await res.json();
    expect(body).toMatchObject({ ok: false, error_code: 400 });
  });
});
