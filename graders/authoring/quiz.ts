import { createHash } from 'node:crypto';
import { ContentError } from '../content/errors';
import { parseQuizText } from '../quiz/load';
import type { Quiz } from '../quiz/schema';
import { validateQuiz } from '../quiz/validate';
import { problemFromText, type AuthoringProblem } from './protocol';

/** A quiz draft holds one file under this name; on disk it is exercises/quizzes/<id>.json. */
export const QUIZ_FILE = 'quiz.json';

/**
 * The checks `npm run validate-exercises` makes on a quiz file (schema, then the graders' own:
 * model answers score full marks, reference formulas check). Quizzes hold data, not code, so
 * this runs in the server's process.
 */
export function checkQuizText(text: string): { quiz: Quiz; versionHash: string } | { problems: AuthoringProblem[] } {
  const normalised = text.replace(/\r\n?/g, '\n');
  let quiz: Quiz;
  try {
    quiz = parseQuizText(QUIZ_FILE, normalised);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    return { problems: [{ file: error.file, field: error.field, message: error.detail }] };
  }
  const problems = validateQuiz(quiz).map((p) => ({ ...problemFromText(p), file: QUIZ_FILE }));
  if (problems.length) return { problems };
  return { quiz, versionHash: createHash('sha256').update(normalised).digest('hex') };
}

/** A small quiz that validates as it is, for the author to rewrite. */
export function newQuizText(id: string, title: string): string {
  const quiz = {
    id,
    title,
    reviewThreshold: 0.6,
    concepts: [{ id: 'softplus', title: 'Softplus' }],
    questions: [
      {
        id: 'softplus-range',
        type: 'single',
        concept: 'softplus',
        points: 1,
        prompt: 'What is the range of $\\operatorname{softplus}(x) = \\log(1 + e^x)$?',
        options: [
          { id: 'positive', text: '$(0, \\infty)$', correct: true },
          { id: 'unit', text: '$(0, 1)$' },
          { id: 'all', text: '$(-\\infty, \\infty)$' },
        ],
      },
    ],
  };
  return `${JSON.stringify(quiz, null, 2)}\n`;
}
