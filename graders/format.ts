import type { GradeReport } from './report';

/** The report as a terminal table, for the CLI. */
export function formatReport(report: GradeReport, title: string): string {
  const lines = [`${title} — ${report.status === 'error' ? 'ERROR' : `${report.points}/${report.maxPoints} points (${Math.round(report.score * 100)} %)`} in ${report.durationMs} ms`];
  if (report.error) lines.push(`error: ${report.error}`);
  const width = Math.max(4, ...report.tests.map((t) => t.name.length));
  for (const t of report.tests) {
    const mark = t.passed ? 'PASS' : 'FAIL';
    const pts = `${t.points}/${t.maxPoints}`.padStart(7);
    lines.push(`  ${mark} ${pts}  ${t.name.padEnd(width)}  ${t.visible ? '' : '(hidden) '}${t.passed ? '' : t.message}`);
    if (!t.passed && t.expected !== undefined) lines.push(`${' '.repeat(17)}expected ${t.expected}`, `${' '.repeat(17)}actual   ${t.actual ?? '—'}`);
  }
  if (report.logs.length) lines.push('console output:', ...report.logs.map((l) => `  | ${l}`));
  if (report.logsTruncated) lines.push('  | … (console output truncated)');
  return lines.join('\n');
}
