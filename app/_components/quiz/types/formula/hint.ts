// A cheap, client-side check while the student types. The server's parser (graders/quiz/types/formula/parse.ts,
// which pulls in mathjs and stays off the client) has the last word; these lists mirror its whitelist.
const FUNCTIONS = new Set(['max', 'min', 'sum', 'exp', 'log', 'ln', 'sqrt', 'abs', 'tanh', 'sigmoid', 'relu', 'pow']);
const CONSTANTS = new Set(['pi', 'e']);

export type FormulaHint = { ok: boolean; message: string };

export function formulaHint(text: string, variables: readonly string[]): FormulaHint | null {
  if (!text.trim()) return null;
  let depth = 0;
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')' && --depth < 0) return { ok: false, message: 'A “)” has no matching “(”.' };
  }
  if (depth > 0) return { ok: false, message: `${depth} “(” not closed yet.` };
  const bad = /[^A-Za-z0-9_.\s+\-*/^(),]/.exec(text);
  if (bad) return { ok: false, message: `“${bad[0]}” is not allowed; use + - * / ^ and parentheses.` };
  const names = new Set(text.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []);
  const unknown = [...names].filter((n) => !variables.includes(n) && !FUNCTIONS.has(n) && !CONSTANTS.has(n));
  if (unknown.length) return { ok: false, message: `Unknown name${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. Variables: ${variables.join(', ')}.` };
  if (/[+\-*/^,(]\s*$/.test(text)) return { ok: false, message: 'The formula ends with an operator.' };
  return { ok: true, message: 'Looks well-formed.' };
}
