/**
 * A short-lived child process that validates one exercise from in-memory files: the author's
 * reference.js and tests.js run in sandbox isolates here, never in the web server's process.
 * If V8 or isolated-vm dies on hostile content, only this process goes.
 */
import { ContentError, parseExerciseFiles } from '../content/load';
import { createGrader } from '../grader';
import { validateExercise } from '../validate';
import { problemFromText, type ExerciseValidation, type ValidationRequest } from './protocol';

async function validate({ files, folder }: ValidationRequest): Promise<ExerciseValidation> {
  let exercise;
  try {
    exercise = parseExerciseFiles(files, folder);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    return { problems: [{ file: error.file, field: error.field, message: error.detail }], versionHash: null, reference: null, stub: null };
  }
  const grader = createGrader({ concurrency: 1, warmIsolates: 0 });
  try {
    const check = await validateExercise(exercise, grader);
    return {
      problems: check.problems.map(problemFromText),
      versionHash: exercise.versionHash,
      reference: check.reports?.reference ?? null,
      stub: check.reports?.stub ?? null,
    };
  } finally {
    grader.close();
  }
}

process.once('message', (request: ValidationRequest) => {
  validate(request)
    .then((result) => process.send!(result, () => process.exit(0)))
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      process.send!({ problems: [{ file: '', field: '', message: `validation failed: ${message}` }], versionHash: null, reference: null, stub: null }, () => process.exit(0));
    });
});
process.on('disconnect', () => process.exit(0));
