/** Arabic letters (the Arabic block and its presentation forms). */
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/;
/** Latin letters, accented ones included. */
const LATIN = /[A-Za-z\u00C0-\u024F]/;

type Script = 'latin' | 'arabic';

function scriptOf(word: string): Script | undefined {
  if (ARABIC.test(word)) return 'arabic';
  if (LATIN.test(word)) return 'latin';
  return undefined;
}

/**
 * Splits a name that holds both scripts, as OpenStreetMap's `name` often does in Morocco ("Boulevard du
 * Golan شارع الجولان"), into its Latin and its Arabic part. Words are taken whole; a word of neither
 * script (a number, a dash) goes with the word before it, or the word after it at the start
 * ("Rue 12 زنقة 12" -> "Rue 12" and "زنقة 12"). A part with no word of its script is null.
 */
export function splitByScript(text: string): { latin: string | null; arabic: string | null } {
  const words = text.trim().split(/\s+/).filter((word) => word !== '');
  const parts: Record<Script, string[]> = { latin: [], arabic: [] };
  let current: Script | undefined;
  let pending: string[] = [];
  for (const word of words) {
    const script = scriptOf(word);
    if (!script) {
      if (current) parts[current].push(word);
      else pending.push(word);
      continue;
    }
    parts[script].push(...pending, word);
    pending = [];
    current = script;
  }
  const join = (list: string[]) => {
    const joined = list.join(' ').replace(/^[\s\-–—/,;:]+|[\s\-–—/,;:]+$/g, '');
    return joined === '' ? null : joined;
  };
  return { latin: join(parts.latin), arabic: join(parts.arabic) };
}
