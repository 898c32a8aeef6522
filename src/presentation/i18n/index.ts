import { isLocale, type Locale } from "../../domain/locales.js";
import { en, type Messages } from "./en.js";
import { ru } from "./ru.js";

export type { Messages };
export const messages: Record<Locale, Messages> = { ru, en };

// Telegram reports the app language; these read Russian comfortably.
const RUSSIAN_READERS = new Set(["ru", "uk", "be", "kk", "ky", "uz", "tg", "hy", "az"]);

/** The reply language: the user's explicit choice, else their Telegram language, else the default. */
export function pickLocale(choice: unknown, languageCode: string | null | undefined, fallback: Locale): Locale {
  if (isLocale(choice)) return choice;
  if (!languageCode) return fallback;
  const base = languageCode.toLowerCase().split("-")[0]!;
  return RUSSIAN_READERS.has(base) ? "ru" : "en";
}
