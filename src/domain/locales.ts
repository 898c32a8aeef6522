// The languages the bot speaks: the one list the schema, settings, i18n and the
// command menu derive from.

export const LOCALES = ["ru", "en"] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return (LOCALES as readonly unknown[]).includes(value);
}
