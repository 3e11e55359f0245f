import { existsSync } from 'node:fs';
import { createGrader } from './grader';
import { validateQuizzes } from './quiz/validate';
import { validateAllExercises } from './validate';

// Exit 1 when any exercise is broken, so CI fails on bad content.
async function main(root = 'exercises'): Promise<number> {
  const { checks, loadErrors } = await validateAllExercises(root, createGrader());
  for (const err of loadErrors) console.log(`FAIL ${err.message}`);
  for (const check of checks) {
    const scores = check.referenceScore === undefined ? '' : ` (reference ${Math.round(check.referenceScore * 100)} %, stub ${Math.round((check.stubScore ?? 0) * 100)} %)`;
    console.log(`${check.problems.length ? 'FAIL' : 'ok  '} ${check.slug}${scores}`);
    for (const p of check.problems) console.log(`     ${p}`);
  }
  const failed = loadErrors.length + checks.filter((c) => c.problems.length).length;
  console.log(`${checks.length + loadErrors.length} exercise(s), ${failed} with problems`);
  const quizRoot = `${root}/quizzes`;
  const quizProblems = existsSync(quizRoot) ? await validateQuizzes(quizRoot) : [];
  for (const p of quizProblems) console.log(`FAIL quiz ${p}`);
  console.log(`quizzes: ${quizProblems.length} problem(s)`);
  return failed || quizProblems.length ? 1 : 0;
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(2);
  },
);
