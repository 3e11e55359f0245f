import { expect, test } from '@playwright/test';
import { DEMO_COURSE_TITLE, DEMO_EMAILS, openDemoStaffArea, signedInPage } from './helpers';

// A VAE answer that gets some tests wrong, so the regrade has a partial score to reproduce.
const PARTLY_WRONG = `function reparameterize(mu, logVar, eps) { return tf.add(mu, tf.mul(tf.exp(tf.mul(0.5, logVar)), eps)); }
function klToStandardNormal(mu, logVar) { return tf.sum(mu, 1); }`;
const EXERCISE_TITLE = 'VAE: reparameterization trick and KL to the prior';

test('a grader starts a regrade of one student, watches it finish, and the instructor accepts it', async ({ browser }) => {
  // The student submits through the same endpoint the exercise page uses.
  const student = await signedInPage(browser, DEMO_EMAILS.student);
  await student.getByRole('link', { name: new RegExp(DEMO_COURSE_TITLE.replace(/[()]/g, '\\$&')) }).click();
  const itemId = (await student.getByRole('link', { name: EXERCISE_TITLE }).getAttribute('href'))!.split('/').pop();
  // Origin as the page's own fetch sends it: the JSON routes refuse requests that do not come from the site.
  const submitted = await student.request.post('/api/submissions', { data: { itemId, code: PARTLY_WRONG }, headers: { origin: new URL(student.url()).origin } });
  expect(submitted.status()).toBe(201);
  const { submissionId } = (await submitted.json()) as { submissionId: string };
  await expect.poll(async () => ((await (await student.request.get(`/api/submissions/${submissionId}`)).json()) as { status: string }).status, { timeout: 60_000 }).toBe('graded');

  const grader = await signedInPage(browser, DEMO_EMAILS.grader);
  const { courseId } = await openDemoStaffArea(grader);
  await grader.goto(`/courses/${courseId}/staff/regrades?exercise=vae-reparameterization`);
  await expect(grader.getByLabel('Exercise')).toHaveValue('vae-reparameterization');
  const studentOption = grader.locator('#regrade-student option', { hasText: DEMO_EMAILS.student });
  await grader.getByLabel('Students').selectOption((await studentOption.getAttribute('value'))!);
  const started = Date.now();
  await grader.getByRole('button', { name: 'Start regrade' }).click();
  await expect(grader.getByText(/^Regrading \d+ submissions?\.$/)).toBeVisible();

  const run = grader.getByRole('listitem', { name: `Regrade of ${EXERCISE_TITLE} for Sam Student` }).first();
  // The page refreshes itself while the run is going; same code, same version: nothing changes.
  await expect(run.getByTestId('regrade-status')).toContainText('Ready to review', { timeout: 60_000 });
  console.log(`regrade of one student's submissions ready in the UI after ${Date.now() - started} ms`);
  const [done, total] = (await run.getByTestId('regrade-progress').textContent())!.split('/').map((n) => Number(n.trim()));
  expect(done).toBe(total);
  await expect(run.getByTestId('regrade-summary')).toContainText(`0 of ${total} score`);
  // Graders may start regrades; only instructors decide them.
  await expect(run.getByRole('button', { name: /Accept|Discard/ })).toHaveCount(0);

  const instructor = await signedInPage(browser, DEMO_EMAILS.instructor);
  await instructor.goto(`/courses/${courseId}/staff/regrades`);
  const pending = instructor.getByRole('listitem', { name: `Regrade of ${EXERCISE_TITLE} for Sam Student` }).first();
  await pending.getByRole('button', { name: 'Accept new scores' }).click();
  await expect(pending.getByTestId('regrade-status')).toContainText('Accepted');
  await expect(pending.getByRole('button', { name: /Accept|Discard/ })).toHaveCount(0);
});
