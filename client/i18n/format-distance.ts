import { type Language, localeOf } from './language.ts';

/** A distance as people read it: metres under a kilometre, then kilometres with one decimal. */
export function formatDistance(metres: number, language: Language): string {
  const isKilometres = metres >= 1000;
  const value = isKilometres ? metres / 1000 : Math.round(metres);
  const unit = isKilometres ? 'kilometer' : 'meter';
  return new Intl.NumberFormat(localeOf(language), { style: 'unit', unit, maximumFractionDigits: isKilometres ? 1 : 0 }).format(value);
}
