import { dictionary } from '@zxcvbn-ts/language-common';

/** The 49,000 most common passwords of leaked lists (zxcvbn-ts's list), lower-cased; read on first use. */
let commonPasswords: ReadonlySet<string> | undefined;

/** Digits, punctuation, symbols and spaces around a password's core ("Casablanca2024!" -> "casablanca"). */
const DECORATION = /^[\p{N}\p{P}\p{S}\s]+|[\p{N}\p{P}\p{S}\s]+$/gu;

/**
 * Whether a password is one that guessing tries first: in the list of common passwords, as typed or
 * without the digits and signs people add around a word to pass length rules.
 */
export function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set(dictionary['passwords-common'].map((common) => common.toLowerCase()));
  const lowered = password.normalize('NFC').toLowerCase();
  const core = lowered.replace(DECORATION, '');
  return commonPasswords.has(lowered) || (core.length >= 4 && commonPasswords.has(core));
}
