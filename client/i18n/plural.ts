import { type Language, localeOf } from './language.ts';

/**
 * Plural forms by CLDR category. Arabic has six (zero, one, two, few, many, other); French and English use
 * one and other (French "one" also covers 0). `other` is required: it is the form every category falls back to.
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const rulesByLanguage = new Map<Language, Intl.PluralRules>();

function rulesOf(language: Language): Intl.PluralRules {
  let rules = rulesByLanguage.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(localeOf(language));
    rulesByLanguage.set(language, rules);
  }
  return rules;
}

/**
 * The form of a count in the language, with `{count}` replaced by the count written in the language's
 * digits and grouping ("3 arrêts", "11 محطة", "محطتان").
 */
export function plural(language: Language, count: number, forms: PluralForms): string {
  const form = forms[rulesOf(language).select(count)] ?? forms.other;
  return form.replace('{count}', new Intl.NumberFormat(localeOf(language)).format(count));
}
