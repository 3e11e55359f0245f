import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { formatAgreement, formatByKind, gradeLabelled, isAdversarial, LabelledAnswersSchema, summarise } from './agreement';
import { loadQuiz } from './load';

// `npm run quiz:agreement`: the short-answer grader against the labelled answers, per split and per
// kind of answer. Prints only; agreement.test.ts holds the thresholds.

const root = path.resolve(import.meta.dirname, '../..');
const fixture = process.argv[2] ?? path.join(root, 'tests/fixtures/quiz/labelled-answers.json');
const labelled = LabelledAnswersSchema.parse(JSON.parse(await readFile(fixture, 'utf8')));
const { quiz } = await loadQuiz(path.join(root, 'exercises/quizzes', `${labelled.quiz}.json`));

for (const split of ['holdout', 'tune'] as const) {
  const graded = gradeLabelled(
    quiz,
    labelled.answers.filter((a) => a.split === split),
  );
  const adversarial = summarise(graded.filter((g) => isAdversarial(g.answer)));
  console.log(`${formatAgreement(`${split} half`, summarise(graded))}\ngenerous adversarial answers: ${adversarial.generous}/${adversarial.total}\n`);
  console.log(`${formatByKind(graded)}\n`);
}
