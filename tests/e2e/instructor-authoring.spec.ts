import { expect, test } from '@playwright/test';
import { DEMO_EMAILS, openDemoStaffArea, pasteIntoEditor, signedInPage } from './helpers';

// The instructor authors a new exercise in the browser (softplus), validates it (reference 100 %,
// stub less, both run in a sandbox process), publishes it, previews it as a student, puts it into
// a new published assignment; the demo student then solves and submits it and gets 100 %.
const SUFFIX = Date.now().toString(36);
const ID = `softplus-${SUFFIX}`;
const TITLE = `Implement softplus ${SUFFIX}`;
const STUB = `/** softplus(x) = log(1 + exp(x)), element-wise. */
function softplus(x) {
  return tf.zerosLike(x);
}
`;
const SOLUTION = `function softplus(x) {
  return tf.log(tf.add(tf.exp(x), 1));
}
`;
const REFERENCE = `function softplus(x) {
  return tf.softplus(x);
}
`;
const TESTS = `defineTests([
  { id: 'small', name: 'a small vector', visible: true, points: 1, seed: 1, inputs: ({ tf }) => [tf.tensor1d([-2, 0, 3])] },
  { id: 'batch', name: 'a random batch', visible: false, points: 1, seed: 9, inputs: ({ rng }) => [rng.normal([4, 3])] },
]);
`;
const HOUR = 3_600_000;
const utcLocal = (ms: number) => new Date(Math.floor(ms / 60_000) * 60_000).toISOString().slice(0, 16);

test('an instructor authors, validates, publishes and previews an exercise that a student then solves', async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  const instructor = await signedInPage(browser, DEMO_EMAILS.instructor);
  await instructor.setViewportSize({ width: 1400, height: 900 });
  const { courseId } = await openDemoStaffArea(instructor);
  await instructor.getByRole('link', { name: /^Exercises & quizzes/ }).click();

  await instructor.getByLabel('Id', { exact: true }).fill(ID);
  await instructor.getByLabel('Title', { exact: true }).fill(TITLE);
  await instructor.getByRole('button', { name: 'Create exercise' }).click();
  await expect(instructor).toHaveURL(new RegExp(`/staff/content/drafts/[0-9a-f-]{36}$`));

  // Metadata form and statement with its live Markdown + KaTeX preview.
  await instructor.getByLabel('Topic').fill('Activations');
  await instructor.getByLabel('Entry functions (comma-separated)').fill('softplus');
  await instructor.getByLabel('Entry functions (comma-separated)').blur();
  await instructor.getByLabel('statement.md source').fill('# Softplus\n\nReturn $\\log(1 + e^x)$ element-wise for a tensor `x`.\n');
  await expect(instructor.getByTestId('statement-preview').getByRole('heading', { name: 'Softplus' })).toBeVisible();
  await expect(instructor.getByTestId('statement-preview').locator('.katex').first()).toBeVisible();

  for (const [file, code] of [
    ['stub.js', STUB],
    ['reference.js', REFERENCE],
    ['tests.js', TESTS],
  ] as const) {
    await instructor.getByRole('tab', { name: file }).click();
    await pasteIntoEditor(instructor, instructor.locator(`[data-testid="monaco-ready"][data-file="${file}"]`), code);
  }

  // exercise.json is checked against the loader's schema as it is typed, and field names complete;
  // the JSON language worker answers (before, every request failed in the console).
  const consoleErrors: string[] = [];
  instructor.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  await instructor.getByRole('tab', { name: 'exercise.json' }).click();
  const json = instructor.locator('[data-testid="monaco-ready"][data-file="exercise.json"]');
  await json.locator('.view-lines').click();
  await instructor.keyboard.press('ControlOrMeta+Home');
  await instructor.keyboard.press('End');
  await instructor.keyboard.press('Enter');
  await instructor.keyboard.insertText('"timeLimit": 1,');
  await expect(json.locator('.squiggly-warning, .squiggly-error').first()).toBeVisible({ timeout: 30_000 });
  // F8: the next problem, with its message, in the editor's own peek widget.
  await instructor.keyboard.press('F8');
  await expect(json.locator('.marker-widget')).toContainText('Property timeLimit is not allowed');
  await instructor.screenshot({ path: testInfo.outputPath('exercise-json-schema.png') });
  await instructor.keyboard.press('Escape');
  await instructor.keyboard.press('ControlOrMeta+z');
  await instructor.keyboard.press('ControlOrMeta+z');
  await instructor.keyboard.press('ControlOrMeta+z');
  await expect(json.locator('.squiggly-warning, .squiggly-error')).toHaveCount(0, { timeout: 30_000 });
  await instructor.keyboard.press('ControlOrMeta+Home');
  await instructor.keyboard.press('End');
  await instructor.keyboard.press('Enter');
  await instructor.keyboard.press('Control+Space');
  await expect(instructor.locator('.monaco-editor .suggest-widget')).toContainText('tags', { timeout: 30_000 });
  await instructor.keyboard.press('Escape');
  await instructor.keyboard.press('ControlOrMeta+z');
  expect(consoleErrors.filter((e) => e.includes('Missing requestHandler'))).toEqual([]);

  const validateStarted = Date.now();
  await instructor.getByRole('button', { name: 'Validate' }).click();
  const outcome = instructor.getByTestId('authoring-outcome');
  await expect(outcome).toHaveAttribute('data-kind', 'valid', { timeout: 60_000 });
  console.log(`validate (reference + stub in a sandbox process): ${Date.now() - validateStarted} ms`);
  await expect(instructor.getByTestId('reference-score')).toHaveText('reference.js: 100 %');
  await expect(instructor.getByTestId('stub-score')).not.toHaveText('stub.js: 100 %');

  await instructor.getByRole('button', { name: 'Publish' }).click();
  await expect(outcome).toHaveAttribute('data-kind', 'published', { timeout: 60_000 });
  await expect(outcome).toContainText(`Published ${ID}: a new version is now current`);

  // Preview as student: the statement, the stub in the editor, Run; Submit is disabled.
  await instructor.getByRole('button', { name: 'Preview as student' }).click();
  await expect(instructor).toHaveURL(/\/preview$/);
  await expect(instructor.getByTestId('preview-banner')).toBeVisible();
  await expect(instructor.getByRole('heading', { name: 'Softplus', level: 1 })).toBeVisible();
  await expect(instructor.getByRole('button', { name: 'Submit' })).toBeDisabled();
  await expect(instructor.getByTestId('monaco-ready')).toContainText('tf.zerosLike', { timeout: 30_000 });
  await instructor.getByRole('button', { name: /Run visible tests/ }).click();
  const run = instructor.getByTestId('run-results');
  await expect(run).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await expect(run.getByTestId('test-result').filter({ hasText: 'a small vector' })).toHaveAttribute('data-passed', 'false');

  // The new exercise in a new assignment, published.
  await instructor.goto(`/courses/${courseId}/staff/assignments/new`);
  const assignmentTitle = `Softplus week ${SUFFIX}`;
  await instructor.getByLabel('Title').fill(assignmentTitle);
  await instructor.getByLabel('Opens').fill(utcLocal(Date.now() - HOUR));
  await instructor.getByLabel('Due').fill(utcLocal(Date.now() + 72 * HOUR));
  await instructor.getByRole('checkbox', { name: TITLE, exact: true }).check();
  await instructor.getByRole('button', { name: 'Save assignment' }).click();
  await expect(instructor).toHaveURL(new RegExp(`/courses/${courseId}/staff/assignments/[0-9a-f-]{36}$`));
  await instructor.getByRole('button', { name: 'Publish' }).click();
  await expect(instructor.getByTestId('published-state')).toHaveText('Published');
  await instructor.context().close();

  const student = await signedInPage(browser, DEMO_EMAILS.student);
  await student.goto(`/courses/${courseId}`);
  await student.getByRole('region', { name: assignmentTitle }).getByRole('link', { name: TITLE }).click();
  await expect(student.getByRole('heading', { name: 'Softplus', level: 1 })).toBeVisible();
  await pasteIntoEditor(student, student.getByTestId('monaco-ready'), SOLUTION);
  await student.getByRole('button', { name: 'Submit' }).click();
  await expect(student.getByTestId('submission-results')).toHaveAttribute('data-status', 'graded', { timeout: 60_000 });
  await expect(student.getByTestId('submission-score')).toContainText('100 %');
  await student.context().close();
});

test('an instructor writes a quiz, sees its problems by field, publishes it and previews it as a student', async ({ browser }) => {
  const instructor = await signedInPage(browser, DEMO_EMAILS.instructor);
  const { courseId } = await openDemoStaffArea(instructor);
  await instructor.goto(`/courses/${courseId}/staff/content`);
  const quizId = `activations-${SUFFIX}`;
  await instructor.getByLabel('Quiz id').fill(quizId);
  await instructor.getByLabel('Quiz title').fill(`Activations ${SUFFIX}`);
  await instructor.getByRole('button', { name: 'Create quiz' }).click();
  await expect(instructor).toHaveURL(/\/staff\/content\/drafts\/[0-9a-f-]{36}$/);

  const quiz = {
    id: quizId,
    title: `Activations ${SUFFIX}`,
    reviewThreshold: 0.6,
    concepts: [{ id: 'softplus', title: 'Softplus' }],
    questions: [
      {
        id: 'softplus-limit',
        type: 'single',
        concept: 'softplus',
        points: 1,
        prompt: 'For large positive $x$, softplus behaves like which function?',
        options: [
          { id: 'identity', text: 'the identity $x$', correct: true },
          { id: 'zero', text: 'the constant $0$', correct: true },
        ],
      },
    ],
  };
  const editor = instructor.locator('[data-testid="monaco-ready"][data-file="quiz.json"]');
  await pasteIntoEditor(instructor, editor, JSON.stringify(quiz, null, 2));
  await instructor.getByRole('button', { name: 'Validate' }).click();
  const outcome = instructor.getByTestId('authoring-outcome');
  await expect(outcome).toHaveAttribute('data-kind', 'problems');
  await expect(instructor.getByTestId('authoring-problems')).toContainText('quiz.json · questions[0].options: a single-choice question needs exactly one correct option, found 2');

  quiz.questions[0].options[1].correct = false;
  await pasteIntoEditor(instructor, editor, JSON.stringify(quiz, null, 2));
  await instructor.getByRole('button', { name: 'Publish' }).click();
  await expect(outcome).toHaveAttribute('data-kind', 'quiz-published');
  await expect(outcome).toContainText(`Published ${quizId}: a new version is now current`);

  await instructor.getByRole('button', { name: 'Preview as student' }).click();
  await expect(instructor).toHaveURL(/\/preview$/);
  const preview = instructor.getByTestId('quiz-preview');
  await expect(preview.getByRole('heading', { name: `Activations ${SUFFIX}` })).toBeVisible();
  await expect(preview).toContainText('softplus behaves like which function?');
  await expect(preview.getByRole('radio')).toHaveCount(2);
  await expect(preview.getByRole('radio').first()).toBeDisabled();
  await instructor.context().close();
});
