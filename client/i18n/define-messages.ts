import { useI18n } from './i18n-context.tsx';
import type { Language } from './language.ts';

/**
 * The strings of one part of the interface (an app, the shell, the shared panels) in the three languages.
 * The type of the French dictionary is the reference: TypeScript refuses a dictionary that misses a key, so
 * nothing reaches a person untranslated.
 */
export type MessageSet<Messages> = Readonly<Record<Language, Messages>>;

/** The strings of a message set in the current interface language. */
export function useMessages<Messages>(set: MessageSet<Messages>): Messages {
  return set[useI18n().language];
}
