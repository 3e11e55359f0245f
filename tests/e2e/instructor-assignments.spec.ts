import { expect, test } from '@playwright/test';
import { DEMO_COURSE_TITLE, DEMO_EMAILS, openDemoStaffArea, signedInPage } from './helpers';

// The instructor builds an assignment from the library (triplet loss + the concepts quiz), with
// deadlines and a late policy, publishes it and extends the demo student's due date; the student
// then finds it on the course home, items in the chosen order, due on the extended date, and submits
// triplet loss, whose score waits for that date. Unpublishing at the end hides it again.
const TITLE = `Week 9: metric learning recap (e2e ${Date.now().toString(36)})`;
const QUIZ_TITLE = 'Concepts: generative models and self-supervised learning';
const HOUR = 3_600_000;

// The demo course keeps the default time zone, UTC, so a datetime-local value is its UTC wall time.
const utcLocal = (ms: number) => new Date(Math.floor(ms / 60_000) * 60_000).toISOString().slice(0, 16);

test('an instructor creates, publishes and extends an assignment that the student then sees', async ({ browser }, testInfo) => {
  const now = Date.now();
  const extended = utcLocal(now + 150 * HOUR);
  const instructor = await signedInPage(browser, DEMO_EMAILS.instructor);
  const { courseId } = await openDemoStaffArea(instructor);
  await instructor.getByRole('link', { name: /^Assignments/ }).click();
  await instructor.getByRole('link', { name: 'New assignment' }).click();
  await expect(instructor.getByTestId('course-time-zone')).toHaveText('UTC');

  await instructor.getByLabel('Title').fill(TITLE);
  await instructor.getByLabel('Description (Markdown)').fill('Revisit **triplet margins** before the concepts quiz.');
  await instructor.getByLabel('Opens').fill(utcLocal(now - 24 * HOUR));
  await instructor.getByLabel('Due').fill(utcLocal(now + 72 * HOUR));
  await instructor.getByLabel('Hard close').fill(utcLocal(now + 240 * HOUR));
  await instructor.getByLabel('Late penalty per day (%)').fill('10');
  await instructor.getByRole('checkbox', { name: 'Triplet loss', exact: true }).check();
  await instructor.getByRole('checkbox', { name: QUIZ_TITLE, exact: true }).check();
  await instructor.getByLabel('Points for Triplet loss').fill('20');
  await instructor.getByLabel(`Max attempts for ${QUIZ_TITLE}`).fill('2');
  await instructor.getByLabel(`Feedback for ${QUIZ_TITLE}`).selectOption('after_due');
  await instructor.getByLabel('Feedback for Triplet loss').selectOption('after_due');
  await instructor.getByRole('button', { name: `Move ${QUIZ_TITLE} up` }).click();
  await expect(instructor.getByTestId('assignment-item').first()).toContainText(QUIZ_TITLE);

  const saveStarted = Date.now();
  await instructor.getByRole('button', { name: 'Save assignment' }).click();
  await expect(instructor).toHaveURL(new RegExp(`/courses/${courseId}/staff/assignments/[0-9a-f-]{36}$`));
  console.log(`create assignment: ${Date.now() - saveStarted} ms from click to the edit page`);
  await expect(instructor.getByRole('heading', { name: TITLE })).toBeVisible();
  // The saved values come back from the database: order, points, attempts, feedback, policy.
  await expect(instructor.getByTestId('assignment-item').first()).toContainText(QUIZ_TITLE);
  await expect(instructor.getByLabel('Points for Triplet loss')).toHaveValue('20');
  await expect(instructor.getByLabel(`Max attempts for ${QUIZ_TITLE}`)).toHaveValue('2');
  await expect(instructor.getByLabel(`Feedback for ${QUIZ_TITLE}`)).toHaveValue('after_due');
  await expect(instructor.getByLabel('Late penalty per day (%)')).toHaveValue('10');
  await expect(instructor.getByTestId('published-state')).toContainText('Draft');

  // Deadlines out of order are refused with the field named; the typed value stays for correcting.
  const early = utcLocal(now + 48 * HOUR);
  await instructor.getByLabel('Hard close').fill(early);
  await instructor.getByRole('button', { name: 'Save assignment' }).click();
  await expect(instructor.getByText('The hard close cannot be before the due date.')).toBeVisible();
  await expect(instructor.getByLabel('Hard close')).toHaveValue(early);

  await instructor.getByRole('button', { name: 'Publish' }).click();
  await expect(instructor.getByTestId('published-state')).toHaveText('Published');

  await instructor.getByLabel('Student').selectOption({ label: `Sam Student (${DEMO_EMAILS.student})` });
  await instructor.getByLabel('New due date (UTC)').fill(extended);
  await instructor.getByRole('button', { name: 'Grant extension' }).click();
  await expect(instructor.getByTestId('extension-row').filter({ hasText: DEMO_EMAILS.student })).toBeVisible();

  await instructor.getByRole('link', { name: `${DEMO_COURSE_TITLE} · Assignments` }).click();
  const row = instructor.getByTestId('assignment-row').filter({ hasText: TITLE });
  await expect(row).toContainText('Published');
  await expect(row.getByRole('cell').nth(4)).toHaveText('2');

  const student = await signedInPage(browser, DEMO_EMAILS.student);
  await student.goto(`/courses/${courseId}`);
  const section = student.getByRole('region', { name: TITLE });
  await expect(section.getByTestId('course-item')).toHaveCount(2);
  await expect(section.getByTestId('course-item').first()).toContainText(QUIZ_TITLE);
  await expect(section.getByTestId('course-item').nth(1)).toContainText('Triplet loss');
  await expect(section.getByTestId('course-item').nth(1)).toContainText('20 pts');
  await expect(section).toContainText('(your extension)');
  await expect(section.locator('strong', { hasText: 'triplet margins' })).toBeVisible();
  await expect(section.locator('time').first()).toHaveAttribute('datetime', `${extended}:00.000Z`);

  // Feedback after the due date: the student's submission is graded, but its score and hidden tests wait.
  await section.getByRole('link', { name: 'Triplet loss' }).click();
  await expect(student.getByTestId('feedback-held')).toContainText('Scores and hidden-test results from');
  await student.getByRole('button', { name: 'Submit' }).click();
  await expect(student.getByTestId('submission-held')).toContainText('shown after the due date', { timeout: 30_000 });
  await expect(student.getByTestId('submission-report').getByTestId('test-result').filter({ hasText: 'hidden' })).toHaveCount(0);
  await expect(student.getByTestId('history-score').first()).toHaveText('graded · score after the due date');
  await student.screenshot({ path: testInfo.outputPath('feedback-after-due.png'), fullPage: true });
  await student.goto(`/courses/${courseId}`);
  await expect(section.getByTestId('item-status').nth(1)).toHaveText('submitted · score after the due date');

  // Unpublishing hides it again, which also leaves the demo course's item links unambiguous for the other specs.
  await row.getByRole('link', { name: TITLE }).click();
  await instructor.getByRole('button', { name: 'Unpublish' }).click();
  await expect(instructor.getByTestId('published-state')).toContainText('Draft');
  await student.reload();
  await expect(student.getByRole('heading', { name: 'Assignments' })).toBeVisible();
  await expect(student.getByRole('region', { name: TITLE })).toHaveCount(0);
  await instructor.context().close();
  await student.context().close();
});

test('the assignment editor warns about a past due date and an item already in another assignment', async ({ browser }, testInfo) => {
  const instructor = await signedInPage(browser, DEMO_EMAILS.instructor);
  await openDemoStaffArea(instructor);
  await instructor.getByRole('link', { name: /^Assignments/ }).click();
  await instructor.getByRole('link', { name: 'New assignment' }).click();
  const title = `Make-up (e2e ${Date.now().toString(36)})`;
  await instructor.getByLabel('Title').fill(title);

  // The demo's Week 1 already holds Triplet loss: the catalogue and the item list both say so.
  await instructor.getByRole('checkbox', { name: 'Triplet loss', exact: true }).check();
  await expect(instructor.getByTestId('item-warnings')).toContainText('Triplet loss is already in “Week 1: metric learning, flows and diffusion”');

  // A due date in the past is warned about as it is typed, and saving needs the box ticked.
  await expect(instructor.getByTestId('past-due-warning')).toHaveCount(0);
  await instructor.getByLabel('Due').fill(utcLocal(Date.now() - 48 * HOUR));
  await expect(instructor.getByTestId('past-due-warning')).toContainText('This due date is in the past');
  await instructor.screenshot({ path: testInfo.outputPath('assignment-warnings.png'), fullPage: true });
  await instructor.getByRole('button', { name: 'Save assignment' }).click();
  await expect(instructor.getByText('Tick the box to save it anyway.')).toBeVisible();
  await expect(instructor).toHaveURL(/\/staff\/assignments\/new$/);
  await instructor.getByRole('checkbox', { name: 'Save with a due date in the past' }).check();
  await instructor.getByRole('button', { name: 'Save assignment' }).click();
  await expect(instructor.getByRole('heading', { name: title })).toBeVisible();
  // Saved unchanged, the old date asks nothing again.
  await expect(instructor.getByTestId('past-due-warning')).toHaveCount(0);
  await instructor.context().close();
});
