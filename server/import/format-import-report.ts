import type { Labels } from '../layers/layer-definition.ts';
import type { ImportReport } from './import-file.ts';
import type { ImportIssue } from './import-issue.ts';

export type Language = keyof Labels;

/**
 * The report as text for a terminal: outcome, notes, the first `maxIssues` issues (feature number,
 * JSON pointer, code, message) and then a count per (code, pointer) so that 14,000 identical issues read
 * as one line.
 */
export function formatImportReport(report: ImportReport, language: Language, maxIssues = 20): string {
  const lines = [headline(report, language)];
  for (const note of report.notes) lines.push(`  · ${note[language]}`);
  if (report.issues.length === 0) {
    lines.push(...valueLines(report, language), ...unsetLines(report, language));
    return lines.join('\n');
  }
  lines.push('');
  for (const issue of report.issues.slice(0, maxIssues)) lines.push(`  ${formatIssue(issue, language)}`);
  const more = report.issues.length - maxIssues;
  if (more > 0) lines.push(`  … ${WORDS.more[language](more)}`);
  const groups = countByKind(report.issues);
  if (more > 0 || groups.some(([, count]) => count > 1)) {
    lines.push('', WORDS.summary[language]);
    for (const [kind, count] of groups) lines.push(`  ${String(count).padStart(7)} × ${kind}`);
  }
  return lines.join('\n');
}

export function formatIssue(issue: ImportIssue, language: Language): string {
  const where = issue.featureIndex === undefined ? WORDS.file[language] : `${WORDS.feature[language]} ${issue.featureIndex}`;
  const pointer = issue.pointer ? ` ${issue.pointer}` : '';
  const from = issue.attribute ? ` (${WORDS.attribute[language]} ${issue.attribute})` : '';
  const hint = issue.hint ? ` → ${issue.hint[language]}` : '';
  return `${where}${pointer} [${issue.code}] ${issue.message[language]}${from}${hint}`;
}

const number = (value: number, language: Language) => new Intl.NumberFormat(language === 'ar' ? 'ar-MA' : language).format(value);

/** Per attribute, each distinct value of a closed property and what it became; how many values the others had. */
function valueLines(report: ImportReport, language: Language): string[] {
  if (report.values.length === 0) return [];
  const lines: string[] = [WORDS.values[language]];
  for (const entry of report.values) {
    const head = `  ${entry.attribute} → ${entry.property}: `;
    const empty = entry.nulls > 0 ? `; ${WORDS.empty[language](number(entry.nulls, language))}` : '';
    if (entry.values.length > 0) {
      lines.push(`${head}${entry.values.map((value) => `${value.source} (${number(value.count, language)}) → ${value.isRefused ? '?' : JSON.stringify(value.result)}`).join(', ')}${empty}`);
    } else {
      lines.push(`${head}${WORDS.distinct[language](number(entry.distinct, language))}${empty}`);
    }
  }
  return lines;
}

/** The properties the file does not give: unknown (null), or the column's default, said aloud. */
function unsetLines(report: ImportReport, language: Language): string[] {
  if (report.unset.length === 0) return [];
  const lines: string[] = [WORDS.unset[language]];
  const unknown = report.unset.filter((entry) => entry.columnDefault === null);
  if (unknown.length > 0) lines.push(`  ${unknown.map((entry) => entry.property).join(', ')} → ${WORDS.unknown[language]}`);
  for (const entry of report.unset.filter((candidate) => candidate.columnDefault !== null)) lines.push(`  ${entry.property} → ${WORDS.columnDefault[language]} ${entry.columnDefault}`);
  return lines;
}

function countsText(report: ImportReport, language: Language): string {
  const counts = report.counts ?? { created: 0, updated: 0, unchanged: 0, deleted: 0, derived: 0 };
  const parts = {
    fr: [`${counts.created} créé(s)`, `${counts.updated} modifié(s)`, `${counts.unchanged} inchangé(s)`, `${counts.deleted} retiré(s)`],
    ar: [`${counts.created} أُنشئ`, `${counts.updated} عُدّل`, `${counts.unchanged} بلا تغيير`, `${counts.deleted} حُذف`],
    en: [`${counts.created} created`, `${counts.updated} updated`, `${counts.unchanged} unchanged`, `${counts.deleted} deleted`],
  }[language];
  const unkeyed = counts.unkeyed ? { fr: ` ; ${counts.unkeyed} objet(s) de la couche sans cette clé laissé(s) tel(s) quel(s)`, ar: `؛ ${counts.unkeyed} كائن من الطبقة بلا هذا المفتاح تُرك كما هو`, en: `; ${counts.unkeyed} feature(s) of the layer without this key left as they are` }[language] : '';
  const derived = counts.derived > 0 ? { fr: ` (dont ${counts.derived} zone(s) parente(s) dérivée(s))`, ar: ` (منها ${counts.derived} منطقة أم مشتقة)`, en: ` (of which ${counts.derived} derived parent(s))` }[language] : '';
  return `${parts.join(', ')}${derived}${unkeyed}`;
}

function headline(report: ImportReport, language: Language): string {
  const source = `${report.filePath}${report.format ? ` (${report.format}, ${report.featureCount})` : ''}`;
  const counts = countsText(report, language);
  const text: Record<ImportReport['status'], Labels> = {
    imported: {
      fr: `Import dans ${report.layerId} depuis ${source} : ${counts}`,
      ar: `استيراد إلى ${report.layerId} من ${source}: ${counts}`,
      en: `Imported into ${report.layerId} from ${source}: ${counts}`,
    },
    'dry-run': {
      fr: `Essai à blanc dans ${report.layerId} depuis ${source} : ${counts} ; rien n’a été écrit`,
      ar: `تجربة في ${report.layerId} من ${source}: ${counts}؛ لم يُكتب شيء`,
      en: `Dry run into ${report.layerId} from ${source}: ${counts}; nothing was written`,
    },
    rejected: {
      fr: `Import refusé (${report.issues.length} problème(s)) : rien n’a été écrit dans ${report.layerId} — ${source}`,
      ar: `رُفض الاستيراد (${report.issues.length} مشكلة): لم يُكتب شيء في ${report.layerId} — ${source}`,
      en: `Import refused (${report.issues.length} issue(s)): nothing was written to ${report.layerId} — ${source}`,
    },
  };
  return text[report.status][language];
}

/** (code pointer) → count, most frequent first. Feature numbers are left out so identical issues group. */
function countByKind(issues: readonly ImportIssue[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const issue of issues) {
    const kind = `${issue.code}${issue.pointer ? ` ${issue.pointer.replace(/\/\d+(?=\/|$)/g, '/*')}` : ''}`;
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]);
}

const WORDS = {
  file: { fr: 'fichier', ar: 'الملف', en: 'file' },
  feature: { fr: 'objet', ar: 'الكائن', en: 'feature' },
  attribute: { fr: 'attribut', ar: 'الخاصية', en: 'attribute' },
  summary: { fr: 'Récapitulatif :', ar: 'ملخص:', en: 'Summary:' },
  values: { fr: 'Valeurs (attribut → propriété : valeur (nombre) → devenue) :', ar: 'القيم (الخاصية → الخاصية في الطبقة: القيمة (العدد) → ما صارت إليه):', en: 'Values (attribute → property: value (count) → became):' },
  unset: { fr: 'Absentes du fichier :', ar: 'غائبة عن الملف:', en: 'Not in the file:' },
  unknown: { fr: 'inconnu (vide)', ar: 'غير معروف (فارغ)', en: 'unknown (null)' },
  columnDefault: { fr: 'valeur par défaut de la colonne :', ar: 'القيمة الافتراضية للعمود:', en: 'the column’s default:' },
  empty: {
    fr: (count: string) => `${count} vide(s), laissé(s) inconnu(s)`,
    ar: (count: string) => `${count} فارغ، تُرك غير معروف`,
    en: (count: string) => `${count} empty, left unknown`,
  },
  distinct: {
    fr: (count: string) => `${count} valeur(s) distincte(s)`,
    ar: (count: string) => `${count} قيمة مختلفة`,
    en: (count: string) => `${count} distinct value(s)`,
  },
  more: {
    fr: (count: number) => `et ${count} autre(s)`,
    ar: (count: number) => `و ${count} أخرى`,
    en: (count: number) => `and ${count} more`,
  },
} as const;
