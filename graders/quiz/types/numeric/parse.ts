import type { NumericQuestion } from './schema';

// Accepts what people type for a number: "0.2", "0.20", ".2", "2e-1", "0,2" (decimal comma), with or
// without the question's units text after it. Anything else is an error the student can act on.

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

export type NumericParse = { ok: true; value: number } | { ok: false; error: string };

export function parseNumericAnswer(raw: string | number, units?: string): NumericParse {
  if (typeof raw === 'number') return Number.isFinite(raw) ? { ok: true, value: raw } : { ok: false, error: 'type a finite number' };
  let text = raw.trim().replace(/\s+/g, ' ');
  if (units) {
    const unitsText = units.trim().toLowerCase();
    if (text.toLowerCase().endsWith(unitsText)) text = text.slice(0, text.length - unitsText.length).trim();
  }
  if (/^[+-]?\d+,\d+$/.test(text)) text = text.replace(',', '.');
  if (!NUMBER.test(text)) {
    const shown = raw.trim().slice(0, 40);
    return { ok: false, error: `could not read "${shown}" as a number${units ? ` (in ${units})` : ''}; write it like 0.25 or 2.5e-1` };
  }
  return { ok: true, value: Number(text) };
}

export function withinTolerance(question: NumericQuestion, expected: number, value: number): boolean {
  const diff = Math.abs(value - expected);
  return diff <= (question.absTol ?? 0) || diff <= (question.relTol ?? 0) * Math.abs(expected);
}
