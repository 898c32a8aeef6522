import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";

const TOKEN = "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const WEBHOOK = { BOT_TOKEN: TOKEN, BOT_MODE: "webhook", WEBHOOK_URL: "https://x.example/hook", WEBHOOK_SECRET: "s3cret" };

describe("loadConfig", () => {
  it("applies the documented defaults", () => {
    const c = loadConfig({ BOT_TOKEN: TOKEN });
    expect(c).toMatchObject({
      botToken: TOKEN,
      apiRoot: "https://api.telegram.org",
      databasePath: "./data/kpi-coach.db",
      mode: "polling",
      healthPort: undefined,
      backupDir: "data/backups",
      backupKeep: 7,
      miniappAuthMaxAgeS: 86400,
      defaultLocale: "ru",
      defaultTimezone: "Europe/Moscow",
      logLevel: "info",
    });
  });

  it("has webhook settings only in webhook mode", () => {
    const polling = loadConfig({ BOT_TOKEN: TOKEN, PORT: "9000", HEALTH_PORT: "9100" });
    expect(polling).toMatchObject({ mode: "polling", healthPort: 9100 });
    // PORT in polling mode serves the Mini App (when MINIAPP_URL is set); no webhook settings.
    expect(polling).toHaveProperty("port", 9000);
    expect(polling).not.toHaveProperty("webhookUrl");
    const webhook = loadConfig({ ...WEBHOOK, PORT: "9000", BACKUP_DIR: "/var/backups/kpi", BACKUP_KEEP: "0" });
    expect(webhook).toMatchObject({ mode: "webhook", webhookUrl: "https://x.example/hook", webhookSecret: "s3cret", port: 9000 });
    expect(webhook).toMatchObject({ backupDir: "/var/backups/kpi", backupKeep: 0 });
    expect(webhook).not.toHaveProperty("healthPort");
  });

  it("sends tables as rich messages unless RICH_MESSAGES=off, and names the right form of a bad value", () => {
    expect(loadConfig({ BOT_TOKEN: TOKEN }).richMessages).toBe("auto");
    expect(loadConfig({ BOT_TOKEN: TOKEN, RICH_MESSAGES: "off" }).richMessages).toBe("off");
    expect(() => loadConfig({ BOT_TOKEN: TOKEN, RICH_MESSAGES: "yes" })).toThrow(ConfigError);
    expect(() => loadConfig({ BOT_TOKEN: TOKEN, RICH_MESSAGES: "yes" })).toThrow('Invalid RICH_MESSAGES="yes": expected auto or off');
  });

  it("reads the Mini App's launch data age limit in seconds", () => {
    expect(loadConfig({ BOT_TOKEN: TOKEN, MINIAPP_AUTH_MAX_AGE: "3600" }).miniappAuthMaxAgeS).toBe(3600);
  });

  it("lists the values the log must never carry (the token, the webhook secret, the CRM key)", () => {
    expect(loadConfig(WEBHOOK).secrets).toEqual([TOKEN, "s3cret"]);
    expect(loadConfig({ BOT_TOKEN: TOKEN }).secrets).toEqual([TOKEN]);
    expect(loadConfig({}).secrets).toEqual([]);
    // The CRM credentials' key too: a log line must never carry it.
    expect(loadConfig({ BOT_TOKEN: TOKEN, CRM_SECRET_KEY: "0123456789abcdef0123" }).secrets).toEqual([TOKEN, "0123456789abcdef0123"]);
  });

  it("does not echo a bad secret back", () => {
    expect(() => loadConfig({ BOT_TOKEN: "123456:short-secret" })).toThrow(
      "Invalid BOT_TOKEN (value not shown): expected a token from @BotFather",
    );
    expect(() => loadConfig({ ...WEBHOOK, WEBHOOK_SECRET: "has space" })).toThrow("Invalid WEBHOOK_SECRET (value not shown)");
  });

  it("reads the CRM settings: poll interval, secret key, public origin without its trailing slash", () => {
    const c = loadConfig({
      BOT_TOKEN: TOKEN,
      CRM_POLL_SECONDS: "60",
      PUBLIC_URL: "https://kpi.example.com/",
      CRM_SECRET_KEY: "0123456789abcdef0123",
    });
    expect(c.crm).toEqual({
      pollSeconds: 60,
      publicUrl: "https://kpi.example.com",
      secretKey: "0123456789abcdef0123",
      allowInsecure: false,
    });
    expect(loadConfig({ BOT_TOKEN: TOKEN }).crm).toEqual({
      pollSeconds: 300,
      publicUrl: undefined,
      secretKey: undefined,
      allowInsecure: false,
    });
    expect(() => loadConfig({ BOT_TOKEN: TOKEN, CRM_POLL_SECONDS: "5" })).toThrow(/CRM_POLL_SECONDS/);
  });

  it("treats empty variables as unset and allows no token (demo mode)", () => {
    expect(loadConfig({ BOT_TOKEN: "", PORT: " " }).botToken).toBeUndefined();
  });

  it.each([
    [{ BOT_TOKEN: "nope" }, "Invalid BOT_TOKEN (value not shown): expected a token from @BotFather"],
    [{ BOT_TOKEN: TOKEN, HEALTH_PORT: "abc" }, 'Invalid HEALTH_PORT="abc": expected a TCP port number'],
    [{ BOT_TOKEN: TOKEN, BACKUP_KEEP: "-1" }, 'Invalid BACKUP_KEEP="-1": expected a whole number of backups to keep'],
    [{ ...WEBHOOK, PORT: "abc" }, 'Invalid PORT="abc": expected a TCP port number'],
    [{ ...WEBHOOK, PORT: "70000" }, 'Invalid PORT="70000"'],
    [{ BOT_TOKEN: TOKEN, BOT_MODE: "push" }, 'Invalid BOT_MODE="push": expected polling or webhook'],
    [{ BOT_TOKEN: TOKEN, DEFAULT_TIMEZONE: "Mars/Base" }, 'Invalid DEFAULT_TIMEZONE="Mars/Base": expected an IANA time zone'],
    [{ BOT_TOKEN: TOKEN, DEFAULT_LOCALE: "de" }, 'Invalid DEFAULT_LOCALE="de": expected ru or en'],
    [{ BOT_TOKEN: TOKEN, MINIAPP_AUTH_MAX_AGE: "1h" }, 'Invalid MINIAPP_AUTH_MAX_AGE="1h": expected a whole number of seconds'],
    [{ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: "not a url" }, "Invalid TELEGRAM_API_ROOT"],
    [{ BOT_TOKEN: TOKEN, BOT_MODE: "webhook" }, "WEBHOOK_URL is missing: expected the public https URL of this bot"],
    [{ BOT_TOKEN: TOKEN, BOT_MODE: "webhook", WEBHOOK_URL: "https://x.example/hook" }, "WEBHOOK_SECRET is missing"],
  ])("refuses %j with one line", (env, message) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(message);
    expect((error as Error).message).not.toContain("\n");
  });
});
