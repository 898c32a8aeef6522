import { dirname, join } from "node:path";
import { z } from "zod";
import { LOCALES, type Locale } from "./domain/locales.js";

export type { Locale };

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const port = (what: string) => z.coerce.number(what).int().min(1).max(65535);

// Every variable is described once here; `.env.example` mirrors it.
const common = {
  BOT_TOKEN: z
    .string()
    .regex(/^\d+:[A-Za-z0-9_-]{20,}$/, "a token from @BotFather, like 123456:ABC-DEF…")
    .optional(),
  TELEGRAM_API_ROOT: z.url("an http(s) URL, e.g. https://api.telegram.org").default("https://api.telegram.org"),
  DATABASE_PATH: z.string().min(1, "a file path").default("./data/kpi-coach.db"),
  MINIAPP_URL: z
    .url("the Mini App page's public https URL, e.g. https://kpi.example.com/app")
    .refine((u) => u.startsWith("https://"), "an https URL (Telegram opens Mini Apps only over https)")
    .optional(),
  MINIAPP_AUTH_MAX_AGE: z.coerce
    .number("a whole number of seconds (Telegram's launch data older than this is refused)")
    .int()
    .min(60)
    .max(30 * 24 * 3600)
    .default(24 * 3600),
  BACKUP_DIR: z.string().min(1, "a folder path").optional(),
  BACKUP_KEEP: z.coerce.number("a whole number of backups to keep (0 turns daily backups off)").int().min(0).max(1000).default(7),
  DEFAULT_LOCALE: z.enum(LOCALES, "ru or en").default("ru"),
  DEFAULT_TIMEZONE: z.string().refine(isTimeZone, "an IANA time zone such as Europe/Moscow").default("Europe/Moscow"),
  HEAVY_REQUESTS_PER_MINUTE: z.coerce
    .number("a whole number of heavy requests (reports, rankings, exports) one person may make a minute")
    .int()
    .min(1)
    .max(10_000)
    .default(5),
  RICH_MESSAGES: z.enum(["auto", "off"], "auto or off").default("auto"),
  // CRM connectors (issue 21).
  CRM_SECRET_KEY: z.string().min(16, "at least 16 characters (a random secret; 64 hex characters is best)").optional(),
  CRM_POLL_SECONDS: z.coerce.number("a whole number of seconds between CRM reconciles").int().min(10).max(86_400).default(300),
  CRM_ALLOW_INSECURE: z.enum(["0", "1"], "0 or 1").default("0"),
  PUBLIC_URL: z
    .url("the bot's public https origin, e.g. https://kpi.example.com")
    .refine((u) => u.startsWith("https://") || u.startsWith("http://"), "an http(s) URL")
    .optional(),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], "one of fatal, error, warn, info, debug, trace, silent")
    .default("info"),
};

/**
 * Variables whose values must never reach a log or a message: the logger strips them
 * from every line it writes, and a bad value is not echoed back. A new secret goes here.
 */
const SECRET_VARIABLES = ["BOT_TOKEN", "WEBHOOK_SECRET", "CRM_SECRET_KEY"] as const;

// Webhook settings exist only in webhook mode; polling may open a health listener.
const schema = z.discriminatedUnion(
  "BOT_MODE",
  [
    z.object({
      ...common,
      BOT_MODE: z.literal("polling").default("polling"),
      HEALTH_PORT: port("a TCP port number").optional(),
      // Only used to serve the Mini App (MINIAPP_URL set).
      PORT: port("a TCP port number").default(8080),
    }),
    z.object({
      ...common,
      BOT_MODE: z.literal("webhook"),
      WEBHOOK_URL: z.url("the public https URL of this bot (needed when BOT_MODE=webhook)"),
      WEBHOOK_SECRET: z
        .string("1–256 characters of A–Z a–z 0–9 _ - (needed when BOT_MODE=webhook)")
        .regex(/^[A-Za-z0-9_-]{1,256}$/, "1–256 characters of A–Z a–z 0–9 _ -"),
      PORT: port("a TCP port number").default(8080),
    }),
  ],
  "polling or webhook",
);

interface CommonConfig {
  botToken: string | undefined;
  apiRoot: string;
  databasePath: string;
  /** Where automatic and `npm run backup` copies go. */
  backupDir: string;
  /** Automatic daily backups kept (0: none are made). */
  backupKeep: number;
  /** The Mini App page's public URL (what @BotFather is given); set: the bot serves it. */
  miniappUrl: string | undefined;
  /** How old the Mini App's launch data (initData's auth_date) may be, seconds. */
  miniappAuthMaxAgeS: number;
  defaultLocale: Locale;
  defaultTimezone: string;
  /** auto: tables go as rich messages (native tables) where Telegram takes them; off: always the `<pre>` layout. */
  richMessages: "auto" | "off";
  logLevel: string;
  /** Reports, rankings, exports and Mini App views one person may ask for in a minute. */
  heavyRequestsPerMinute: number;
  /** The values of SECRET_VARIABLES that are set: never logged. */
  secrets: readonly string[];
  crm: CrmConfig;
}

export interface CrmConfig {
  /** Key material for credentials at rest; unset: a key file is generated beside the database. */
  secretKey: string | undefined;
  /** Seconds between reconciles of each CRM connection from its stored cursor. */
  pollSeconds: number;
  /** Test-only: lets a CRM address be plain http (black-box tests against local fakes). */
  allowInsecure: boolean;
  /** The bot's public origin (no trailing slash): CRM webhooks arrive under it; set, the HTTP server listens in polling mode too. */
  publicUrl: string | undefined;
}

export interface PollingConfig extends CommonConfig {
  mode: "polling";
  /** A small HTTP listener for GET /healthz, when set. */
  healthPort: number | undefined;
  /** Where the Mini App is served (when `miniappUrl` is set); /healthz answers there too. */
  port: number;
}

export interface WebhookConfig extends CommonConfig {
  mode: "webhook";
  webhookUrl: string;
  webhookSecret: string;
  /** Local port of the webhook server (which also answers GET /healthz). */
  port: number;
}

export type Config = PollingConfig | WebhookConfig;

/** Thrown for a bad environment; `message` is the one line to print. */
export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined>): Config {
  // Empty strings in .env mean "not set", as most people expect.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const parsed = schema.safeParse({ BOT_MODE: "polling", ...cleaned });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? "environment");
    const given = cleaned[name];
    const shown = (SECRET_VARIABLES as readonly string[]).includes(name) ? " (value not shown)" : `=${JSON.stringify(given?.slice(0, 60))}`;
    throw new ConfigError(
      given === undefined ? `${name} is missing: expected ${issue.message}` : `Invalid ${name}${shown}: expected ${issue.message}`,
    );
  }
  const e = parsed.data;
  const base: CommonConfig = {
    botToken: e.BOT_TOKEN,
    apiRoot: e.TELEGRAM_API_ROOT.replace(/\/+$/, ""),
    databasePath: e.DATABASE_PATH,
    // Next to the database by default, so one folder holds everything to carry over.
    backupDir: e.BACKUP_DIR ?? join(dirname(e.DATABASE_PATH), "backups"),
    backupKeep: e.BACKUP_KEEP,
    miniappUrl: e.MINIAPP_URL,
    miniappAuthMaxAgeS: e.MINIAPP_AUTH_MAX_AGE,
    defaultLocale: e.DEFAULT_LOCALE,
    defaultTimezone: e.DEFAULT_TIMEZONE,
    richMessages: e.RICH_MESSAGES,
    logLevel: e.LOG_LEVEL,
    heavyRequestsPerMinute: e.HEAVY_REQUESTS_PER_MINUTE,
    secrets: SECRET_VARIABLES.flatMap((name) => cleaned[name] ?? []),
    crm: {
      secretKey: e.CRM_SECRET_KEY,
      pollSeconds: e.CRM_POLL_SECONDS,
      allowInsecure: e.CRM_ALLOW_INSECURE === "1",
      publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ""),
    },
  };
  return e.BOT_MODE === "webhook"
    ? { ...base, mode: "webhook", webhookUrl: e.WEBHOOK_URL, webhookSecret: e.WEBHOOK_SECRET, port: e.PORT }
    : { ...base, mode: "polling", healthPort: e.HEALTH_PORT, port: e.PORT };
}
