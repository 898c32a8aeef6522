// The real entry point as `npm start` runs it: config errors, the command menu,
// serving updates, and a clean exit on SIGTERM.
import { spawn } from "node:child_process";
import { mkdtempSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { type FakeTelegram, startFakeTelegram } from "../fake-telegram/index.js";
import { TOKEN, visibleText } from "../support/harness.js";

const MAIN = fileURLToPath(new URL("../../src/main.ts", import.meta.url));
// tsx's loader by absolute URL: the child runs in a temporary folder with no node_modules.
const TSX = new URL("../../node_modules/tsx/dist/loader.mjs", import.meta.url).href;

function start(env: Record<string, string>, cwd = mkdtempSync(join(tmpdir(), "kpi-proc-"))) {
  const child = spawn(process.execPath, ["--import", TSX, MAIN], {
    cwd,
    env: { PATH: process.env["PATH"] ?? "", NODE_PATH: "", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

let fake: FakeTelegram | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe("npm start", () => {
  it("exits with code 2 and one line naming a bad variable", async () => {
    const p = start({ BOT_TOKEN: TOKEN, DEFAULT_TIMEZONE: "Europe/Atlantis" });
    expect(await p.exited).toBe(2);
    expect(p.err().trim()).toBe('Invalid DEFAULT_TIMEZONE="Europe/Atlantis": expected an IANA time zone such as Europe/Moscow');
    expect(p.out()).toBe("");
  });

  it("registers the command menu, serves updates, and stops cleanly on SIGTERM", async () => {
    fake = await startFakeTelegram({ token: TOKEN });
    const p = start({ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, DATABASE_PATH: "./db/bot.db" });
    const user = fake.user(7, { first_name: "Ann", language_code: "en" });
    // Long polls are recorded when answered; deleteWebhook is the last call before polling starts.
    await fake.waitForCall((c) => c.method === "deleteWebhook", { timeoutMs: 15_000 });
    const menus = fake.calls.filter((c) => c.method === "setMyCommands");
    expect(menus).toHaveLength(9);
    const groupAdminsRu = menus.find((c) => c.payload["scope"]?.type === "all_chat_administrators" && c.payload["language_code"] === "ru")!;
    expect(groupAdminsRu.payload["commands"].map((c: { command: string }) => c.command)).toContain("setup");
    const privateEn = menus.find((c) => c.payload["scope"]?.type === "all_private_chats" && c.payload["language_code"] === "en")!;
    expect(privateEn.payload["commands"].find((c: { command: string }) => c.command === "deal").description).toBe(
      "Won deal <amount> [client]",
    );

    const after = fake.mark();
    fake.sendText(user, fake.privateChat(user), "/start");
    const reply = await fake.waitForMessage(user.id, undefined, { after, timeoutMs: 10_000 });
    expect(visibleText(reply)).toContain("I am KPI Coach");

    const stopAt = Date.now();
    p.child.kill("SIGTERM");
    expect(await p.exited).toBe(0);
    expect(Date.now() - stopAt).toBeLessThan(5000);
    expect(p.out()).toContain('"msg":"stopped"');
  });

  it("serves a webhook: checks the secret and ignores a redelivered update", async () => {
    fake = await startFakeTelegram({ token: TOKEN });
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const p = start({
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: fake.apiRoot,
      DATABASE_PATH: "./bot.db",
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://bot.example/hook",
      WEBHOOK_SECRET: "s3cret_token",
      PORT: String(port),
      LOG_LEVEL: "warn",
    });
    const hook = await fake.waitForCall((c) => c.method === "setWebhook", { timeoutMs: 15_000 });
    expect(hook.payload).toMatchObject({ url: "https://bot.example/hook", secret_token: "s3cret_token" });
    const url = `http://127.0.0.1:${port}/`;
    const user = fake.user(8, { first_name: "Bea", language_code: "ru" });
    const id = fake.sendText(user, fake.privateChat(user), "/start");
    const update = fake.getUpdate(id)!;

    expect((await fake.postToWebhook(url, update, "wrong")).status).toBe(401);
    expect((await fake.postToWebhook(url, update, "s3cret_token")).status).toBe(200);
    expect((await fake.postToWebhook(url, update, "s3cret_token")).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    const replies = fake.messagesTo(user.id);
    expect(replies).toHaveLength(1);
    expect(visibleText(replies[0]!)).toContain("Я KPI Coach");

    p.child.kill("SIGINT");
    expect(await p.exited).toBe(0);
  });

  it("serves the Mini App on PORT in polling mode when MINIAPP_URL is set, and sets the menu button", async () => {
    fake = await startFakeTelegram({ token: TOKEN });
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const url = "https://kpi.example/app";
    const p = start({
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: fake.apiRoot,
      DATABASE_PATH: "./db/bot.db",
      MINIAPP_URL: url,
      PORT: String(port),
    });
    const deadline = Date.now() + 20_000;
    while (!p.out().includes("http server listening") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const page = await fetch(`http://127.0.0.1:${port}/app`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const script = /src="(\/app\/assets\/app\.js\?v=[0-9a-f]+)"/.exec(html)![1]!;
    const js = await fetch(`http://127.0.0.1:${port}${script}`);
    expect(js.status).toBe(200);
    expect(js.headers.get("cache-control")).toContain("immutable");
    expect((await js.text()).length).toBeGreaterThan(10_000);
    expect((await fetch(`http://127.0.0.1:${port}/app/api/team`)).status).toBe(401);
    const menu = fake.calls.find((c) => c.method === "setChatMenuButton")!;
    expect(menu.payload["menu_button"]).toMatchObject({ type: "web_app", web_app: { url } });
    p.child.kill("SIGTERM");
    expect(await p.exited).toBe(0);
  });

  it("PUBLIC_URL makes the polling bot listen on PORT for CRM webhooks; the CRM key file is generated 0600 and only its path logged", async () => {
    fake = await startFakeTelegram({ token: TOKEN });
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const cwd = mkdtempSync(join(tmpdir(), "kpi-proc-"));
    const p = start(
      {
        BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: fake.apiRoot,
        DATABASE_PATH: "./db/bot.db",
        PUBLIC_URL: "https://kpi.example.com",
        PORT: String(port),
      },
      cwd,
    );
    const deadline = Date.now() + 20_000;
    while (!p.out().includes("http server listening") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBeLessThan(600);
    expect((await fetch(`http://127.0.0.1:${port}/crm/amocrm/not-a-connection-secret`, { method: "POST", body: "a=1" })).status).toBe(404);
    const keyFile = join(cwd, "db", "crm-secret.key");
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(p.out()).toContain("generated a CRM credentials key file");
    expect(p.out()).toContain("crm-secret.key");
    p.child.kill("SIGTERM");
    expect(await p.exited).toBe(0);
  });
});
