import type { GtfsFeed, GtfsTranslation } from './gtfs-model.ts';

/** A name in casa-sig's two first languages. */
export interface BilingualName {
  fr: string;
  ar: string;
}

/** The primary subtag of a BCP 47 tag, lower case: "ar-MA" -> "ar". */
function primaryLanguage(tag: string | undefined): string | undefined {
  return tag?.split(/[-_]/)[0]?.toLowerCase();
}

/**
 * Finds translations (translations.txt) of a field: by record id (and sub id), or by the field's value,
 * which GTFS allows for names shared by many records.
 */
export class GtfsTranslator {
  readonly #byRecord = new Map<string, string>();
  readonly #byValue = new Map<string, string>();
  /** The language of untranslated text: feed_info.feed_lang, else the first agency's agency_lang. */
  readonly feedLanguage: string | undefined;

  constructor(feed: Pick<GtfsFeed, 'translations' | 'feedInfo' | 'agencies'>) {
    this.feedLanguage = primaryLanguage(feed.feedInfo?.feed_lang || feed.agencies[0]?.lang);
    for (const entry of feed.translations) this.#index(entry);
  }

  #index(entry: GtfsTranslation): void {
    const language = primaryLanguage(entry.language);
    if (entry.recordId !== undefined) {
      this.#byRecord.set([entry.tableName, entry.fieldName, language, entry.recordId, entry.recordSubId ?? ''].join('\u0000'), entry.translation);
    } else if (entry.fieldValue !== undefined) {
      this.#byValue.set([entry.tableName, entry.fieldName, language, entry.fieldValue].join('\u0000'), entry.translation);
    }
  }

  /** The text in `language`: a translation, or the text itself when the feed is written in that language. */
  translate(table: string, field: string, language: string, recordId: string, text: string | undefined, subId = ''): string | undefined {
    const byRecord = this.#byRecord.get([table, field, language, recordId, subId].join('\u0000'));
    if (byRecord !== undefined) return byRecord;
    if (text === undefined) return undefined;
    return this.#byValue.get([table, field, language, text].join('\u0000')) ?? (this.feedLanguage === language ? text : undefined);
  }

  /**
   * French and Arabic names of a record; a language the feed does not give falls back to the other one,
   * then to the text as written, so a name is never empty.
   */
  bilingual(table: string, field: string, recordId: string, text: string | undefined): BilingualName | undefined {
    const fr = this.translate(table, field, 'fr', recordId, text);
    const ar = this.translate(table, field, 'ar', recordId, text);
    const fallback = fr ?? ar ?? text;
    if (fallback === undefined) return undefined;
    return { fr: fr ?? fallback, ar: ar ?? fallback };
  }
}
