import { expect, it } from 'vitest';
import type { ItemScore } from '@/db/queries/scores';
import { gradebookCsv } from './gradebook-csv';

const cell = (final: number | null): ItemScore => ({ userId: 'u', itemId: 'i', raw: final, penalty: 0, final, best: final, overridden: false, late: false, attempts: 1, pendingReview: false });

it('defuses every formula prefix, keeps line breaks inside quotes and writes plain decimals', () => {
  const csv = gradebookCsv({
    items: [{ itemId: 'i', assignmentId: 'a', assignmentTitle: '+Week', title: 'Loss, "v2"', kind: 'exercise', points: 1234.5 }],
    rows: ['=1+1', '+SUM(A1)', '-2', '@cmd', 'Multi\nline'].map((name, n) => ({
      student: { userId: `u${n}`, name, email: `${n}@x.test` },
      cells: [cell(n === 0 ? null : 1000.125)],
      total: n === 0 ? 0 : 1000.125,
    })),
    maxTotal: 1234.5,
  });
  const lines = csv.slice(1).split('\r\n');
  expect(lines[0]).toBe(`"Student name","Email","'+Week — Loss, ""v2"" (1234.5)","Total (1234.5)"`);
  expect(lines.slice(1, 5).map((l) => l.split(',')[0])).toEqual([`"'=1+1"`, `"'+SUM(A1)"`, `"'-2"`, `"'@cmd"`]);
  expect(lines[1]).toBe(`"'=1+1","0@x.test",,0`);
  expect(lines[2].endsWith(',1000.125,1000.125')).toBe(true);
  expect(csv).toContain('"Multi\nline","4@x.test"');
});

it('writes titles as plain text: the TeX of inline math, no Markdown markers', () => {
  const csv = gradebookCsv({
    items: [{ itemId: 'i', assignmentId: 'a', assignmentTitle: 'Week **2**', title: 'DDPM reverse step: from $x_t$ to $x_{t-1}$', kind: 'exercise', points: 10 }],
    rows: [],
    maxTotal: 10,
  });
  expect(csv.slice(1).split('\r\n')[0]).toBe('"Student name","Email","Week 2 — DDPM reverse step: from x_t to x_{t-1} (10)","Total (10)"');
});
