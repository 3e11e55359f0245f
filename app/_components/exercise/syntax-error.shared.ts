import { parse } from 'acorn';

export type SyntaxLocation = { line: number; column: number; message: string };

/**
 * Where the first syntax error in a script is, 1-based like the sandbox's isolated-vm reports it.
 * The browser's `new Function` says what is wrong but not where; acorn parses the same script
 * grammar (no module syntax, no top-level return, as the sandbox evaluates it) and knows where.
 */
export function syntaxErrorLocation(code: string): SyntaxLocation | null {
  try {
    parse(code, { ecmaVersion: 'latest', sourceType: 'script' });
    return null;
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    if (!loc) return null;
    // acorn ends its message with "(line:column)", 0-based column.
    return { line: loc.line, column: loc.column + 1, message: (error as Error).message.replace(/ \(\d+:\d+\)$/, '') };
  }
}

export type EditorMarker = { line: number; column: number; message: string };

// graders/messages.ts words every located syntax error so, in Run's report and in Submit's.
const LOCATED = /^syntax error at line (\d+), column (\d+): (.*)$/s;

/** The syntax error a report's failed tests name, as a marker for the editor; null when none does. */
export function syntaxMarker(tests: readonly { passed: boolean; message?: string | null }[]): EditorMarker | null {
  for (const test of tests) {
    const m = !test.passed && test.message ? LOCATED.exec(test.message) : null;
    if (m) return { line: Number(m[1]), column: Number(m[2]), message: m[3] };
  }
  return null;
}
