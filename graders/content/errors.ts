/** A problem in an exercise folder, located well enough for an author to fix it without guessing. */
export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly detail: string,
  ) {
    super(field ? `${file}: ${field}: ${detail}` : `${file}: ${detail}`);
    this.name = 'ContentError';
  }
}

/** zod issue path → "limits.memoryMb" / "cases[2].points". */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

/** JSON.parse's "… at position 123" → "invalid JSON at line 5, column 9: …", which an author can find. */
export function describeJsonError(text: string, err: Error): string {
  const pos = /position (\d+)/.exec(err.message);
  const reason = err.message.replace(/ in JSON at position.*$/, '').replace(/^JSON\.parse: /, '');
  if (!pos) return `invalid JSON: ${reason}`;
  const before = text.slice(0, Number(pos[1]));
  const line = before.split('\n').length;
  const column = Number(pos[1]) - before.lastIndexOf('\n');
  return `invalid JSON at line ${line}, column ${column}: ${reason}`;
}
