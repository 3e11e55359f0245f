import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { QuizSchema, type Quiz } from './schema';

export interface LoadedQuiz {
  /** File name without .json; must equal quiz.id so renaming a title never orphans attempts. */
  slug: string;
  file: string;
  quiz: Quiz;
  /** sha256 of the file (line endings normalised): attempts pin it so regrades are reproducible. */
  versionHash: string;
}

/** A problem in a quiz file, located well enough for an author to fix it without guessing. */
export class QuizContentError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly detail: string,
  ) {
    super(field ? `${file}: ${field}: ${detail}` : `${file}: ${detail}`);
    this.name = 'QuizContentError';
  }
}

export async function loadQuiz(file: string): Promise<LoadedQuiz> {
  const name = path.basename(file);
  let text: string;
  try {
    text = (await readFile(file, 'utf8')).replace(/\r\n?/g, '\n');
  } catch {
    throw new QuizContentError(name, '', 'file is missing or unreadable');
  }
  const quiz = parseQuizText(name, text);
  const slug = name.replace(/\.json$/, '');
  if (quiz.id !== slug) throw new QuizContentError(name, 'id', `"${quiz.id}" does not match the file name "${slug}"`);
  return { slug, file, quiz, versionHash: createHash('sha256').update(text).digest('hex') };
}

/** Every *.json under root; a broken file is reported in `errors` and skipped, never fatal. */
export async function loadAllQuizzes(root = 'exercises/quizzes'): Promise<{ quizzes: LoadedQuiz[]; errors: QuizContentError[] }> {
  const names = (await readdir(root)).filter((n) => n.endsWith('.json')).sort();
  const quizzes: LoadedQuiz[] = [];
  const errors: QuizContentError[] = [];
  for (const name of names) {
    try {
      quizzes.push(await loadQuiz(path.join(root, name)));
    } catch (err) {
      if (!(err instanceof QuizContentError)) throw err;
      errors.push(err);
    }
  }
  return { quizzes, errors };
}

export function parseQuizText(name: string, text: string): Quiz {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new QuizContentError(name, '', jsonErrorWithLine(text, err as Error));
  }
  const parsed = QuizSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new QuizContentError(name, formatPath(issue.path) || '(root)', issue.message);
  }
  return parsed.data;
}

/** zod issue path → "questions[3].rubric[0].points". */
export function formatPath(segments: readonly PropertyKey[]): string {
  return segments.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

function jsonErrorWithLine(text: string, err: Error): string {
  const pos = /position (\d+)/.exec(err.message);
  const reason = err.message.replace(/ in JSON at position.*$/, '').replace(/^JSON\.parse: /, '');
  if (!pos) return `invalid JSON: ${reason}`;
  const before = text.slice(0, Number(pos[1]));
  const line = before.split('\n').length;
  const column = Number(pos[1]) - before.lastIndexOf('\n');
  return `invalid JSON at line ${line}, column ${column}: ${reason}`;
}
