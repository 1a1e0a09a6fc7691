import type { Labels } from '../layers/layer-definition.ts';
import { formatGtfsIssue } from './gtfs-issues.ts';
import type { GtfsImportReport } from './import-gtfs.ts';

type Language = keyof Labels;

function headline(report: GtfsImportReport, language: Language): string {
  const counts = report.rowCounts;
  const summary = `${counts.stops ?? 0} stops, ${counts.routes ?? 0} routes, ${counts.trips ?? 0} trips, ${counts.stop_times ?? 0} stop_times`;
  const seconds = (report.durationMs / 1000).toFixed(1);
  const total = report.issues.length + report.droppedIssues;
  const text: Record<GtfsImportReport['status'], Labels> = {
    imported: {
      fr: `Réseau GTFS importé depuis ${report.filePath} (${summary}) en ${seconds} s`,
      ar: `استُورد شبكة GTFS من ${report.filePath} (${summary}) في ${seconds} ث`,
      en: `Imported the GTFS feed ${report.filePath} (${summary}) in ${seconds} s`,
    },
    'dry-run': {
      fr: `Essai à blanc : ${report.filePath} s’importerait (${summary}) ; rien n’a été écrit`,
      ar: `تجربة: يمكن استيراد ${report.filePath} (${summary})؛ لم يُكتب شيء`,
      en: `Dry run: ${report.filePath} would import (${summary}); nothing was written`,
    },
    rejected: {
      fr: `Import refusé (${total} problème(s)) : rien n’a été écrit, le réseau précédent reste en place — ${report.filePath}`,
      ar: `رُفض الاستيراد (${total} مشكلة): لم يُكتب شيء وتبقى الشبكة السابقة — ${report.filePath}`,
      en: `Import refused (${total} issue(s)): nothing was written, the previous feed stays in place — ${report.filePath}`,
    },
  };
  return text[report.status][language];
}

/**
 * The report for a terminal: outcome, what changed on the map, the first `maxIssues` issues (file:line
 * field [code] message) and a count per (file, field, code) so that a million identical issues read as
 * one line.
 */
export function formatGtfsReport(report: GtfsImportReport, language: Language, maxIssues = 30): string {
  const lines = [headline(report, language)];
  for (const [layer, counts] of Object.entries(report.layers)) {
    lines.push(`  · ${layer}: +${counts.created} ~${counts.updated} -${counts.deleted}`);
  }
  if (report.unservedStops > 0) lines.push(`  · ${report.unservedStops} stop(s) served by no trip are left off the map`);
  if (report.issues.length === 0) return lines.join('\n');
  lines.push('');
  for (const issue of report.issues.slice(0, maxIssues)) lines.push(`  ${formatGtfsIssue(issue, language)}`);
  const groups = new Map<string, number>();
  for (const issue of report.issues) {
    const kind = `${issue.file} ${issue.field ?? ''} [${issue.code}]`;
    groups.set(kind, (groups.get(kind) ?? 0) + 1);
  }
  if (report.issues.length > maxIssues || report.droppedIssues > 0) {
    lines.push('');
    for (const [kind, count] of [...groups].sort((a, b) => b[1] - a[1])) lines.push(`  ${String(count).padStart(7)} × ${kind}`);
    if (report.droppedIssues > 0) lines.push(`  ${String(report.droppedIssues).padStart(7)} × …`);
  }
  return lines.join('\n');
}
