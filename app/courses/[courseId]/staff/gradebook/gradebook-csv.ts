import type { Gradebook } from '@/db/queries/gradebook';
import { markdownToPlainText } from '@/app/_components/markdown/plain-text.shared';

/**
 * The gradebook as a CSV a spreadsheet opens cleanly and an LMS imports (columns documented in
 * README.md): titles as plain text (a spreadsheet cannot typeset $x_t$), UTF-8 with a BOM so Excel does not guess Latin-1, CRLF and RFC 4180 quoting, '.' decimals
 * with no thousands separators, one row per student. An item with nothing to count is an empty cell
 * (no grade), not 0, so an import does not overwrite a grade the LMS already has.
 */
export function gradebookCsv(book: Gradebook): string {
  const header = [
    'Student name',
    'Email',
    ...book.items.map((item) => `${markdownToPlainText(item.assignmentTitle)} — ${markdownToPlainText(item.title)} (${formatNumber(item.points)})`),
    `Total (${formatNumber(book.maxTotal)})`,
  ].map(textCell);
  const rows = book.rows.map((row) => [
    textCell(row.student.name),
    textCell(row.student.email),
    ...row.cells.map((cell) => (cell.final === null ? '' : formatNumber(cell.final))),
    formatNumber(row.total),
  ]);
  return '\uFEFF' + [header, ...rows].map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}

/**
 * Names are typed by students: a cell starting with = + - @ (or a tab/CR) would run as a formula in
 * Excel or Sheets, so it gets a leading apostrophe, the spreadsheets' own "this is text" marker.
 */
function textCell(value: string): string {
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${guarded.replace(/"/g, '""')}"`;
}

// Scores carry at most four decimals (see db/queries/scores.ts), so String() never switches to exponents.
function formatNumber(x: number): string {
  return String(Math.round(x * 10_000) / 10_000);
}
