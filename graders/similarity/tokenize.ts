/**
 * A small JavaScript tokenizer for similarity checks, not for parsing: it must never throw on a
 * half-written submission, so anything it does not recognise becomes a one-character token.
 * Output is already normalised: the tokens two copies share even after renaming and reformatting.
 */

const KEYWORDS = new Set(
  'async await break case catch class const continue default delete do else export extends false finally for function if import in instanceof let new null of return static super switch this throw true try typeof undefined var void while yield'.split(
    ' ',
  ),
);

// Longest first, so `===` is not read as `==` then `=`.
const OPERATORS = [
  '>>>=',
  '...',
  '===',
  '!==',
  '**=',
  '<<=',
  '>>=',
  '>>>',
  '&&=',
  '||=',
  '??=',
  '=>',
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '??',
  '?.',
  '++',
  '--',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '&=',
  '|=',
  '^=',
  '**',
  '<<',
  '>>',
];

const IDENT = /[A-Za-z_$][\w$]*/y;
const NUMBER = /(?:0[xXbBoO][\da-fA-F_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d+)?)n?/y;

/**
 * Tokens with names, literals and layout erased: a local name becomes `V`, a number `N`, a string or
 * template `S`. Keywords, operators and property names after `.` stay (`tf.matMul` vs `x.sum()` is
 * a real difference between two solutions; `dPos` vs `distancePositive` is not), as does `tf`.
 */
export function normalizedTokens(source: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  const n = source.length;
  while (i < n) {
    const c = source[i];
    if (/\s/.test(c)) {
      i++;
    } else if (source.startsWith('//', i)) {
      const end = source.indexOf('\n', i);
      i = end < 0 ? n : end;
    } else if (source.startsWith('/*', i)) {
      const end = source.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
    } else if (c === '"' || c === "'" || c === '`') {
      i = skipString(source, i, c);
      tokens.push('S');
    } else if (/[A-Za-z_$]/.test(c)) {
      IDENT.lastIndex = i;
      const word = IDENT.exec(source)![0];
      i += word.length;
      const afterDot = tokens.at(-1) === '.' || tokens.at(-1) === '?.';
      tokens.push(KEYWORDS.has(word) || afterDot || word === 'tf' ? word : 'V');
    } else if (/\d/.test(c) || (c === '.' && /\d/.test(source[i + 1] ?? ''))) {
      NUMBER.lastIndex = i;
      i += NUMBER.exec(source)?.[0].length || 1;
      tokens.push('N');
    } else {
      const op = OPERATORS.find((o) => source.startsWith(o, i)) ?? c;
      i += op.length;
      tokens.push(op);
    }
  }
  return tokens;
}

/** Index just past the closing quote; an unterminated string runs to the end. */
function skipString(source: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < source.length) {
    const c = source[i];
    if (c === '\\') i += 2;
    else if (c === quote) return i + 1;
    else if (quote !== '`' && c === '\n') return i;
    else i++;
  }
  return source.length;
}
