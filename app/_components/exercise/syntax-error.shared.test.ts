import { describe, expect, it } from 'vitest';
import { failureMessage } from '@/graders/messages';
import type { LoadedExercise } from '@/graders/content/load';
import { syntaxErrorLocation, syntaxMarker } from './syntax-error.shared';

// Written as a student would break the stub: the positions are where V8 (the sandbox) puts them.
const CASES: [string, string, { line: number; column: number }][] = [
  ['a stray brace on line 1', '}\nfunction f(a) {\n  return a;\n}\n', { line: 1, column: 1 }],
  ['an extra brace in the middle', 'function f(a) {\n  const b = a.add(1);\n  return b;\n}}\nconst c = 2;\n', { line: 4, column: 2 }],
  ['a missing closing brace at the end', 'function f(a) {\n  return a.mul(2);\n', { line: 3, column: 1 }],
  ['an unterminated string at the end', 'function f(a) {\n  return "abc;\n}', { line: 2, column: 10 }],
];

describe('syntax error location (Run, in the browser worker)', () => {
  it.each(CASES)('%s', (_, code, where) => {
    expect(syntaxErrorLocation(code)).toMatchObject(where);
  });

  it('finds none in valid code, and flags a top-level return as the sandbox does', () => {
    expect(syntaxErrorLocation('function f(a) {\n  return a;\n}\n')).toBeNull();
    expect(syntaxErrorLocation('const x = 1;\nreturn x;\n')).toMatchObject({ line: 2, column: 1 });
  });

  it('reads the marker back from the report line graders/messages.ts writes', () => {
    const exercise = { meta: { limits: { timeMsPerTest: 1000, timeMsPerJob: 5000, memoryMb: 64 } } } as LoadedExercise;
    const message = failureMessage({ kind: 'syntax', message: "Unexpected token '}'", line: 4, column: 2 }, exercise);
    expect(message).toBe("syntax error at line 4, column 2: Unexpected token '}'");
    expect(
      syntaxMarker([
        { passed: true, message: '' },
        { passed: false, message },
      ]),
    ).toEqual({ line: 4, column: 2, message: "Unexpected token '}'" });
    expect(syntaxMarker([{ passed: false, message: 'expected 1, got 2' }])).toBeNull();
  });
});
