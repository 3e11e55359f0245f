import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { ContentError, describeJsonError, formatPath } from '../content/errors';
import { QuizSchema, type Quiz } from './schema';

export { ContentError } from '../content/errors';

export interface LoadedQuiz {
  /** File name without .json; must equal quiz.id so renaming a title never orphans attempts. */
  slug: string;
  file: string;
  quiz: Quiz;
  /** sha256 of the file (line endings normalised): attempts pin it so regrades are reproducible. */
  versionHash: string;
}

export async function loadQuiz(file: string): Promise<LoadedQuiz> {
  const name = path.basename(file);
  let text: string;
  try {
    // turbopackIgnore: a run-time path the build's file tracer must not follow (see content/load.ts).
    text = (await readFile(/* turbopackIgnore: true */ file, 'utf8')).replace(/\r\n?/g, '\n');
  } catch {
    throw new ContentError(name, '', 'file is missing or unreadable');
  }
  const quiz = parseQuizText(name, text);
  const slug = name.replace(/\.json$/, '');
  if (quiz.id !== slug) throw new ContentError(name, 'id', `"${quiz.id}" does not match the file name "${slug}"`);
  return { slug, file, quiz, versionHash: createHash('sha256').update(text).digest('hex') };
}

/** Every *.json under root; a broken file is reported in `errors` and skipped, never fatal. */
export async function loadAllQuizzes(root = 'exercises/quizzes'): Promise<{ quizzes: LoadedQuiz[]; errors: ContentError[] }> {
  const names = (await readdir(/* turbopackIgnore: true */ root)).filter((n) => n.endsWith('.json')).sort();
  const quizzes: LoadedQuiz[] = [];
  const errors: ContentError[] = [];
  for (const name of names) {
    try {
      quizzes.push(await loadQuiz(path.join(/* turbopackIgnore: true */ root, name)));
    } catch (err) {
      if (!(err instanceof ContentError)) throw err;
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
    throw new ContentError(name, '', describeJsonError(text, err as Error));
  }
  const parsed = QuizSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ContentError(name, formatPath(issue.path) || '(root)', issue.message);
  }
  return parsed.data;
}
