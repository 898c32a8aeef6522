import { MAX_BACKDATE_DAYS } from "./backdating.js";
import { parseFlagSettings } from "./gaming-flags.js";
import { isLocale } from "./locales.js";
import type { MetricParser } from "./metrics.js";
import { parseDuration } from "./plans.js";
import {
  clockTime,
  MAX_ACTIVE_CUSTOMER_DAYS,
  MIN_ACTIVE_CUSTOMER_DAYS,
  parseWorkdays,
  type TeamSettings,
  type UserSettings,
} from "./team-settings.js";
import { isValidTimeZone } from "./time.js";

export type SettingsChange =
  | { scope: "team"; patch: Partial<TeamSettings>; timezone?: string }
  | { scope: "user"; patch: Partial<UserSettings> };

export type SettingsError = { error: "unknown_key"; key: string } | { error: "bad_value"; key: string; value: string };

const DEST = new Map<string, ("head" | "group")[]>([
  ["head", ["head"]],
  ["руководителю", ["head"]],
  ["group", ["group"]],
  ["группа", ["group"]],
  ["группу", ["group"]],
  ["both", ["head", "group"]],
  ["оба", ["head", "group"]],
  ["off", []],
  ["выкл", []],
]);
const ON = new Set(["on", "yes", "вкл", "да", "1", "true"]);
const OFF = new Set(["off", "no", "выкл", "нет", "0", "false"]);

const time = (v: string) => (clockTime.safeParse(v).success ? v : null);
const range = (v: string) => {
  const m = /^(\d{2}:\d{2})\s*[-–]\s*(\d{2}:\d{2})$/.exec(v);
  return m && time(m[1]!) && time(m[2]!) ? ([m[1]!, m[2]!] as const) : null;
};
const flag = (v: string) => (ON.has(v.toLowerCase()) ? true : OFF.has(v.toLowerCase()) ? false : null);

/**
 * `/settings <key> <value>`: one change, validated. `threadId` is the forum
 * topic the command was sent in (for `topic here`); `parseMetric` reads the
 * leaderboard metric (its words are in the i18n files).
 */
export function parseSettingsCommand(text: string, parseMetric: MetricParser, threadId?: number): SettingsChange | SettingsError {
  const [rawKey = "", ...rest] = text.trim().split(/\s+/);
  const key = rawKey.toLowerCase();
  const value = rest.join(" ");
  const bad = { error: "bad_value" as const, key, value };
  switch (key) {
    case "timezone":
    case "tz":
    case "часовой_пояс":
      return isValidTimeZone(value) && value.includes("/") ? { scope: "team", patch: {}, timezone: value } : bad;
    case "summary":
    case "evening":
    case "weekly":
    case "nudge_time": {
      const t = time(value);
      if (t) return { scope: "team", patch: { [key === "nudge_time" ? "nudgeTime" : `${key}Time`]: t } as Partial<TeamSettings> };
      const f = flag(value);
      if (f !== null && key !== "nudge_time")
        return { scope: "team", patch: { enabled: { [key]: f } } as unknown as Partial<TeamSettings> };
      return bad;
    }
    case "checks": {
      const r = range(value);
      if (r) return { scope: "team", patch: { checksFrom: r[0], checksTo: r[1] } };
      const f = flag(value);
      return f === null ? bad : { scope: "team", patch: { enabled: { alerts: f } } as unknown as Partial<TeamSettings> };
    }
    case "alerts": {
      const f = flag(value);
      return f === null ? bad : { scope: "team", patch: { enabled: { alerts: f } } as unknown as Partial<TeamSettings> };
    }
    case "workdays":
    case "дни": {
      const days = parseWorkdays(value);
      return days ? { scope: "team", patch: { workdays: days } } : bad;
    }
    case "summary_to":
    case "leaderboard_to":
    case "alerts_to": {
      const d = DEST.get(value.toLowerCase());
      if (!d) return bad;
      const field = key === "summary_to" ? "summaryTo" : key === "leaderboard_to" ? "leaderboardTo" : "alertsTo";
      return { scope: "team", patch: { [field]: d } as Partial<TeamSettings> };
    }
    case "topic": {
      const v = value.toLowerCase();
      if (v === "off" || v === "выкл") return { scope: "team", patch: { topicId: null } };
      if (v === "here" || v === "здесь") return threadId ? { scope: "team", patch: { topicId: threadId } } : bad;
      return /^\d{1,10}$/.test(v) && Number(v) > 0 ? { scope: "team", patch: { topicId: Number(v) } } : bad;
    }
    case "leadtime": {
      const ms = parseDuration(value);
      return typeof ms === "number" && ms >= 3_600_000 && ms <= 30 * 86_400_000
        ? { scope: "team", patch: { leadNewHours: ms / 3_600_000 } }
        : bad;
    }
    case "stuck": {
      const days = /^\d{1,3}$/.test(value) ? Number(value) : null;
      return days && days >= 1 && days <= 365 ? { scope: "team", patch: { stuckDays: days } } : bad;
    }
    case "drop": {
      const p = /^\d{1,2}$/.test(value.replace("%", "")) ? Number(value.replace("%", "")) : null;
      return p && p >= 1 && p <= 99 ? { scope: "team", patch: { conversionDropPoints: p } } : bad;
    }
    case "quiet": {
      if (["off", "выкл"].includes(value.toLowerCase())) return { scope: "team", patch: { quietFrom: null, quietTo: null } };
      const r = range(value);
      return r ? { scope: "team", patch: { quietFrom: r[0], quietTo: r[1] } } : bad;
    }
    case "metric":
    case "метрика": {
      const m = parseMetric(value);
      return m ? { scope: "team", patch: { mainMetric: m } } : bad;
    }
    case "nudge_to": {
      const v = value.toLowerCase();
      if (["private", "личка", "лично"].includes(v)) return { scope: "team", patch: { nudgeTo: "private" } };
      if (["group", "группа", "в группу"].includes(v)) return { scope: "team", patch: { nudgeTo: "group" } };
      return bad;
    }
    case "leaderboard":
    case "рейтинг": {
      const v = value.toLowerCase();
      if (["fair", "честный", "честно"].includes(v)) return { scope: "team", patch: { leaderboardMode: "fair" } };
      if (["plain", "обычный", "обычно"].includes(v)) return { scope: "team", patch: { leaderboardMode: "plain" } };
      return bad;
    }
    case "autolog":
    case "автозапись": {
      const f = flag(value);
      return f === null ? bad : { scope: "team", patch: { autoLog: f } };
    }
    case "flags":
    case "флаги": {
      const f = parseFlagSettings(value);
      return f ? { scope: "team", patch: { flags: f } as unknown as Partial<TeamSettings> } : bad;
    }
    case "backdate":
    case "задним_числом": {
      const days = /^\d{1,2}$/.test(value) ? Number(value) : null;
      return days !== null && days <= MAX_BACKDATE_DAYS ? { scope: "team", patch: { backdateDays: days } } : bad;
    }
    case "customers":
    case "клиенты": {
      const days = /^\d{1,3}$/.test(value) ? Number(value) : null;
      return days !== null && days >= MIN_ACTIVE_CUSTOMER_DAYS && days <= MAX_ACTIVE_CUSTOMER_DAYS
        ? { scope: "team", patch: { activeCustomerDays: days } }
        : bad;
    }
    case "language":
    case "язык": {
      const v = value.toLowerCase();
      if (v === "auto" || v === "авто") return { scope: "user", patch: { language: null } };
      return isLocale(v) ? { scope: "user", patch: { language: v } } : bad;
    }
    case "nudge": {
      const f = flag(value);
      if (f !== null) return { scope: "user", patch: { nudge: f } };
      return time(value) ? { scope: "team", patch: { nudgeTime: value } } : bad;
    }
    case "coaching":
    case "разбор": {
      const f = flag(value);
      return f === null ? bad : { scope: "user", patch: { coaching: f } };
    }
    default:
      return { error: "unknown_key", key };
  }
}

/** Applies a team patch (merging the enabled flags) to current settings. */
export function mergeTeamSettings(current: TeamSettings, patch: Partial<TeamSettings>): TeamSettings {
  return {
    ...current,
    ...patch,
    enabled: { ...current.enabled, ...(patch.enabled ?? {}) },
    flags: { ...current.flags, ...(patch.flags ?? {}) },
  };
}
