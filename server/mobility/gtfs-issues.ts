import type { Labels } from '../layers/layer-definition.ts';

/** Why a feed is refused; each names the file, line and field it concerns (when there is one). */
export type GtfsIssueCode =
  | 'not-a-zip'
  | 'missing-file'
  | 'no-calendar'
  | 'csv-syntax'
  | 'missing-field'
  | 'missing-value'
  | 'bad-number'
  | 'bad-time'
  | 'bad-date'
  | 'bad-coordinate'
  | 'bad-colour'
  | 'bad-value'
  | 'duplicate-id'
  | 'unknown-reference'
  | 'time-order'
  | 'too-few-stops'
  | 'database-rule';

/**
 * One problem found in a feed. `line` is the 1-based line of the CSV file (the header is line 1);
 * `value` is the offending text, cut to 80 characters.
 */
export interface GtfsIssue {
  file: string;
  line?: number;
  field?: string;
  code: GtfsIssueCode;
  value?: string;
  /** For unknown-reference: the file the value should name a record of. */
  target?: string;
}

/** Issues past this many are counted, not kept: a feed broken everywhere needs one fix, not a million lines. */
export const MAX_KEPT_ISSUES = 500;

/** Collects issues up to MAX_KEPT_ISSUES, counting the rest. */
export class IssueList {
  readonly issues: GtfsIssue[] = [];
  dropped = 0;

  add(issue: GtfsIssue): void {
    if (this.issues.length < MAX_KEPT_ISSUES) {
      this.issues.push(issue.value === undefined ? issue : { ...issue, value: issue.value.slice(0, 80) });
    } else {
      this.dropped += 1;
    }
  }

  get count(): number {
    return this.issues.length + this.dropped;
  }
}

type Describe = (issue: GtfsIssue) => Labels;
const quoted = (value: string | undefined) => `"${value ?? ''}"`;

const MESSAGES: Record<GtfsIssueCode, Describe> = {
  'not-a-zip': () => ({ fr: 'le fichier n’est pas une archive ZIP lisible', ar: 'الملف ليس أرشيف ZIP مقروءا', en: 'the file is not a readable ZIP archive' }),
  'missing-file': (i) => ({ fr: `fichier obligatoire absent : ${i.file}`, ar: `ملف إلزامي غائب: ${i.file}`, en: `required file missing: ${i.file}` }),
  'no-calendar': () => ({
    fr: 'ni calendar.txt ni calendar_dates.txt : aucun jour de service',
    ar: 'لا يوجد calendar.txt ولا calendar_dates.txt: لا أيام خدمة',
    en: 'neither calendar.txt nor calendar_dates.txt: no service days',
  }),
  'csv-syntax': (i) => ({ fr: `CSV mal formé : ${i.value}`, ar: `CSV غير سليم: ${i.value}`, en: `malformed CSV: ${i.value}` }),
  'missing-field': (i) => ({ fr: `colonne obligatoire absente : ${i.field}`, ar: `عمود إلزامي غائب: ${i.field}`, en: `required column missing: ${i.field}` }),
  'missing-value': (i) => ({ fr: `valeur obligatoire vide : ${i.field}`, ar: `قيمة إلزامية فارغة: ${i.field}`, en: `required value empty: ${i.field}` }),
  'bad-number': (i) => ({ fr: `nombre invalide ${quoted(i.value)}`, ar: `عدد غير صالح ${quoted(i.value)}`, en: `invalid number ${quoted(i.value)}` }),
  'bad-time': (i) => ({
    fr: `heure invalide ${quoted(i.value)} (HH:MM:SS attendu)`,
    ar: `وقت غير صالح ${quoted(i.value)} (المتوقع HH:MM:SS)`,
    en: `invalid time ${quoted(i.value)} (expected HH:MM:SS)`,
  }),
  'bad-date': (i) => ({
    fr: `date invalide ${quoted(i.value)} (AAAAMMJJ attendu)`,
    ar: `تاريخ غير صالح ${quoted(i.value)} (المتوقع YYYYMMDD)`,
    en: `invalid date ${quoted(i.value)} (expected YYYYMMDD)`,
  }),
  'bad-coordinate': (i) => ({
    fr: `coordonnée invalide ${quoted(i.value)} (degrés WGS 84, hors 0,0)`,
    ar: `إحداثية غير صالحة ${quoted(i.value)} (درجات WGS 84، غير 0,0)`,
    en: `invalid coordinate ${quoted(i.value)} (WGS 84 degrees, not 0,0)`,
  }),
  'bad-colour': (i) => ({
    fr: `couleur invalide ${quoted(i.value)} (6 chiffres hexadécimaux)`,
    ar: `لون غير صالح ${quoted(i.value)} (6 أرقام سداسية عشرية)`,
    en: `invalid colour ${quoted(i.value)} (6 hexadecimal digits)`,
  }),
  'bad-value': (i) => ({ fr: `valeur non permise ${quoted(i.value)}`, ar: `قيمة غير مسموح بها ${quoted(i.value)}`, en: `value not allowed ${quoted(i.value)}` }),
  'duplicate-id': (i) => ({ fr: `identifiant en double ${quoted(i.value)}`, ar: `معرف مكرر ${quoted(i.value)}`, en: `duplicate id ${quoted(i.value)}` }),
  'unknown-reference': (i) => ({
    fr: `${quoted(i.value)} ne correspond à aucun enregistrement de ${i.target}`,
    ar: `${quoted(i.value)} لا يطابق أي سجل في ${i.target}`,
    en: `${quoted(i.value)} matches no record of ${i.target}`,
  }),
  'time-order': (i) => ({
    fr: `heure ${quoted(i.value)} antérieure à l’arrêt précédent ou à l’arrivée`,
    ar: `الوقت ${quoted(i.value)} أسبق من الموقف السابق أو من الوصول`,
    en: `time ${quoted(i.value)} earlier than the previous stop or than the arrival`,
  }),
  'too-few-stops': (i) => ({
    fr: `le voyage ${quoted(i.value)} a moins de deux arrêts dans stop_times.txt`,
    ar: `الرحلة ${quoted(i.value)} لها أقل من موقفين في stop_times.txt`,
    en: `trip ${quoted(i.value)} has fewer than two stops in stop_times.txt`,
  }),
  'database-rule': (i) => ({
    fr: `refusé par une règle de la base de données : ${i.value}`,
    ar: `رفضته قاعدة في قاعدة البيانات: ${i.value}`,
    en: `refused by a database rule: ${i.value}`,
  }),
};

/** The issue's message in French, Arabic and English. */
export function describeGtfsIssue(issue: GtfsIssue): Labels {
  return MESSAGES[issue.code](issue);
}

/** "stops.txt:14 stop_lat [bad-coordinate] invalid coordinate "91.2" …" in one language. */
export function formatGtfsIssue(issue: GtfsIssue, language: keyof Labels): string {
  const where = [issue.file + (issue.line === undefined ? '' : `:${issue.line}`), issue.field].filter(Boolean).join(' ');
  return `${where} [${issue.code}] ${describeGtfsIssue(issue)[language]}`;
}
