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
  if (report.issues.length === 0) return lines.join('\n');
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
  return `${where}${pointer} [${issue.code}] ${issue.message[language]}${from}`;
}

function headline(report: ImportReport, language: Language): string {
  const source = `${report.filePath}${report.format ? ` (${report.format}, ${report.featureCount})` : ''}`;
  const text: Record<ImportReport['status'], Labels> = {
    imported: {
      fr: `${report.rowCount} objet(s) importé(s) dans ${report.layerId} depuis ${source}`,
      ar: `استُورد ${report.rowCount} كائن إلى ${report.layerId} من ${source}`,
      en: `Imported ${report.rowCount} feature(s) into ${report.layerId} from ${source}`,
    },
    'dry-run': {
      fr: `Essai à blanc : ${report.rowCount} objet(s) seraient importés dans ${report.layerId} depuis ${source} ; rien n’a été écrit`,
      ar: `تجربة: سيُستورد ${report.rowCount} كائن إلى ${report.layerId} من ${source}؛ لم يُكتب شيء`,
      en: `Dry run: ${report.rowCount} feature(s) would be imported into ${report.layerId} from ${source}; nothing was written`,
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
  more: {
    fr: (count: number) => `et ${count} autre(s)`,
    ar: (count: number) => `و ${count} أخرى`,
    en: (count: number) => `and ${count} more`,
  },
} as const;
