import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from './language.ts';

/**
 * Every string shown to a person is in French, Arabic and English: each app's message module
 * (`*-messages.ts`, anywhere in client/) is found and checked here, so a new module is checked by itself.
 */

const CLIENT_DIR = join(import.meta.dirname, '..');
const ARABIC_SCRIPT = /[\u0600-\u06FF]/;

function messageModules(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return messageModules(path);
    return name.endsWith('-messages.ts') && name !== 'define-messages.ts' ? [path] : [];
  });
}

const PLURAL_CATEGORIES = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);

/** Plural forms (i18n/plural.ts) are one message whose categories differ by language: Arabic has six. */
function isPluralForms(value: object): value is { other: string } {
  const keys = Object.keys(value);
  return keys.includes('other') && keys.every((key) => PLURAL_CATEGORIES.has(key));
}

/** Every leaf of a dictionary as [path, text]; functions are called with sample arguments. */
function leaves(value: unknown, path: string): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'object' && value !== null && isPluralForms(value)) return [[path, value.other]];
  if (typeof value === 'function') return [[path, String((value as (...args: unknown[]) => unknown)('X', 'Y', 'Z'))]];
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, item]) => leaves(item, `${path}.${key}`));
  return [];
}

const modules = messageModules(CLIENT_DIR);

describe('message modules', () => {
  it('are found', () => {
    expect(modules.length).toBeGreaterThanOrEqual(5);
  });

  it.each(modules.map((path) => [relative(CLIENT_DIR, path), path]))('%s has every string in every language, none empty', async (_name, path) => {
    const exports = (await import(path)) as Record<string, unknown>;
    const sets = Object.entries(exports).filter(([name]) => name.endsWith('_MESSAGES'));
    expect(sets.length, 'a *-messages.ts module exports a *_MESSAGES set').toBeGreaterThan(0);
    for (const [name, set] of sets) {
      const byLanguage = set as Record<string, unknown>;
      const reference = leaves(byLanguage.fr, name).map(([leaf]) => leaf.replace(/^[^.]+/, '')).sort();
      for (const language of LANGUAGES) {
        const strings = leaves(byLanguage[language], name);
        expect(strings.map(([leaf]) => leaf.replace(/^[^.]+/, '')).sort(), `${name}.${language} has the keys of ${name}.fr`).toEqual(reference);
        for (const [leaf, text] of strings) expect(text.trim(), `${name}.${language}${leaf}`).not.toBe('');
      }
      // An Arabic string that differs from the French one is written in Arabic (not left in French or English).
      const french = new Map(leaves(byLanguage.fr, name));
      for (const [leaf, text] of leaves(byLanguage.ar, name)) {
        if (text !== french.get(leaf) && /[A-Za-z]{3}/.test(text)) expect(text, `${name}.ar${leaf}`).toMatch(ARABIC_SCRIPT);
      }
    }
  });
});
