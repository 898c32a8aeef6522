// Plural forms by the language's own rules (CLDR via Intl.PluralRules): Russian
// has one/few/many (1 звонок, 2 звонка, 5 звонков, 11 звонков, 21 звонок) and
// "other" for fractions (1,5 звонка); English has one/other.

import type { Locale } from "../../domain/locales.js";

export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const RULES: Record<Locale, Intl.PluralRules> = { ru: new Intl.PluralRules("ru"), en: new Intl.PluralRules("en") };

/** The word form for `n`: plural("ru", 21, { one: "звонок", few: "звонка", many: "звонков", other: "звонка" }) → "звонок". */
export function plural(locale: Locale, n: number, forms: PluralForms): string {
  return forms[RULES[locale].select(n)] ?? forms.other;
}
