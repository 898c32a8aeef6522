import { z } from "zod";

const LOCALES = ["ru", "en"] as const;
export type Locale = (typeof LOCALES)[number];

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

// Every variable is described once here; `.env.example` mirrors it.
const schema = z
  .object({
    BOT_TOKEN: z
      .string()
      .regex(/^\d+:[A-Za-z0-9_-]{20,}$/, "a token from @BotFather, like 123456:ABC-DEF…")
      .optional(),
    TELEGRAM_API_ROOT: z.url("an http(s) URL, e.g. https://api.telegram.org").default("https://api.telegram.org"),
    DATABASE_PATH: z.string().min(1, "a file path").default("./data/kpi-coach.db"),
    BOT_MODE: z.enum(["polling", "webhook"], "polling or webhook").default("polling"),
    WEBHOOK_URL: z.url("a public https URL that Telegram can reach").optional(),
    WEBHOOK_SECRET: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,256}$/, "1–256 characters of A–Z a–z 0–9 _ -")
      .optional(),
    MINIAPP_URL: z
      .url("the Mini App page's public https URL, e.g. https://kpi.example.com/app")
      .refine((u) => u.startsWith("https://"), "an https URL (Telegram opens Mini Apps only over https)")
      .optional(),
    PORT: z.coerce.number("a TCP port number").int().min(1).max(65535).default(8080),
    DEFAULT_LOCALE: z.enum(LOCALES, "ru or en").default("ru"),
    DEFAULT_TIMEZONE: z.string().refine(isTimeZone, "an IANA time zone such as Europe/Moscow").default("Europe/Moscow"),
    LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], "one of fatal, error, warn, info, debug, trace, silent")
      .default("info"),
  })
  .superRefine((env, ctx) => {
    if (env.BOT_MODE !== "webhook") return;
    if (!env.WEBHOOK_URL)
      ctx.addIssue({ code: "custom", path: ["WEBHOOK_URL"], message: "the public https URL of this bot (needed when BOT_MODE=webhook)" });
    if (!env.WEBHOOK_SECRET)
      ctx.addIssue({
        code: "custom",
        path: ["WEBHOOK_SECRET"],
        message: "1–256 characters of A–Z a–z 0–9 _ - (needed when BOT_MODE=webhook)",
      });
  });

export interface Config {
  botToken: string | undefined;
  apiRoot: string;
  databasePath: string;
  mode: "polling" | "webhook";
  webhookUrl: string | undefined;
  webhookSecret: string | undefined;
  /** The Mini App page's public URL (what @BotFather is given); set: the bot serves it. */
  miniappUrl: string | undefined;
  port: number;
  defaultLocale: Locale;
  defaultTimezone: string;
  logLevel: string;
}

/** Thrown for a bad environment; `message` is the one line to print. */
export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined>): Config {
  // Empty strings in .env mean "not set", as most people expect.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? "environment");
    const given = cleaned[name];
    throw new ConfigError(
      given === undefined
        ? `${name} is missing: expected ${issue.message}`
        : `Invalid ${name}=${JSON.stringify(given.slice(0, 60))}: expected ${issue.message}`,
    );
  }
  const e = parsed.data;
  return {
    botToken: e.BOT_TOKEN,
    apiRoot: e.TELEGRAM_API_ROOT.replace(/\/+$/, ""),
    databasePath: e.DATABASE_PATH,
    mode: e.BOT_MODE,
    webhookUrl: e.WEBHOOK_URL,
    webhookSecret: e.WEBHOOK_SECRET,
    miniappUrl: e.MINIAPP_URL,
    port: e.PORT,
    defaultLocale: e.DEFAULT_LOCALE,
    defaultTimezone: e.DEFAULT_TIMEZONE,
    logLevel: e.LOG_LEVEL,
  };
}
