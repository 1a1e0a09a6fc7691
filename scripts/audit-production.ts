import { spawnSync } from 'node:child_process';

/**
 * npm run audit:production: `npm audit` of the production dependencies (what the server runs and the
 * browser loads); any high or critical advisory fails (exit 1), naming the packages. A registry that
 * serves no audit endpoint (a mirror) cannot be asked: that is said plainly and does not fail the run,
 * unless AUDIT_REQUIRED=1.
 */
interface AuditReport {
  vulnerabilities?: Record<string, { severity: string; via: unknown[] }>;
  metadata?: { vulnerabilities: Record<string, number> };
  statusCode?: number;
  uri?: string;
  message?: string;
}

const result = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
let report: AuditReport;
try {
  report = JSON.parse(result.stdout) as AuditReport;
} catch {
  console.error(`[audit] npm audit gave no report:\n${result.stderr}`);
  process.exit(1);
}
if (!report.metadata) {
  const reason = report.message ?? `exit ${result.status}`;
  console.warn(`[audit] production dependencies NOT checked: the registry answered ${reason}`);
  process.exit(process.env.AUDIT_REQUIRED === '1' ? 1 : 0);
}
const severe = Object.entries(report.vulnerabilities ?? {}).filter(([, found]) => found.severity === 'high' || found.severity === 'critical');
const counts = Object.entries(report.metadata.vulnerabilities).filter(([, count]) => count > 0).map(([severity, count]) => `${count} ${severity}`).join(', ');
console.log(`[audit] production dependencies: ${counts || 'no known vulnerability'}`);
if (severe.length > 0) {
  for (const [name, found] of severe) console.error(`[audit] ${found.severity}: ${name}`);
  process.exit(1);
}
