import { expect, test, type APIRequestContext, type Request } from '@playwright/test';
import { DEMO_EMAILS, memberRow, openDemoStaffArea, signedInPage } from './helpers';

const MEMBER_EMAILS = Object.values(DEMO_EMAILS);

function expectNoStaffData(body: string, joinCode: string) {
  for (const email of MEMBER_EMAILS) expect(body).not.toContain(email);
  expect(body).not.toContain(joinCode);
}

test('anonymous visitors are sent to sign in and come back afterwards', async ({ browser, page }) => {
  const instructorPage = await signedInPage(browser, DEMO_EMAILS.instructor);
  const { courseId } = await openDemoStaffArea(instructorPage);
  await instructorPage.context().close();

  await page.goto(`/courses/${courseId}/staff`);
  await expect(page).toHaveURL(`/login?callbackUrl=${encodeURIComponent(`/courses/${courseId}/staff`)}`);
  await page.getByLabel('E-mail').fill(DEMO_EMAILS.grader);
  await page.getByLabel('Password').fill(process.env.DEMO_PASSWORD || 'tensorgrade-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`/courses/${courseId}/staff`);
});

test('a student can neither open the staff area nor call its role-change action', async ({ browser }) => {
  const instructorPage = await signedInPage(browser, DEMO_EMAILS.instructor);
  const { courseId, joinCode } = await openDemoStaffArea(instructorPage);
  const staffPath = `/courses/${courseId}/staff`;

  // Record the exact request the instructor's "make the student an instructor" form sends, without
  // letting it reach the server; the student then replays it with their own session.
  let roleChange: Request | undefined;
  await instructorPage.route(`**${staffPath}`, async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    roleChange = route.request();
    await route.abort();
  });
  // After hydration the form posts as a fetch with a Next-Action header; before it, as a plain
  // form. Either is a request a student could forge, so the replay below sends whichever was made.
  await instructorPage.waitForLoadState('networkidle');
  const studentRowAsShown = memberRow(instructorPage, DEMO_EMAILS.student);
  await studentRowAsShown.getByRole('combobox').selectOption('instructor');
  await studentRowAsShown.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => roleChange).toBeDefined();

  const studentPage = await signedInPage(browser, DEMO_EMAILS.student);
  const pageResponse = await studentPage.request.get(staffPath, { maxRedirects: 0 });
  expect(pageResponse.status()).toBe(403);
  expectNoStaffData(await pageResponse.text(), joinCode!);

  const { 'next-action': nextAction, 'content-type': contentType, accept } = roleChange!.headers();
  const replay = (as: APIRequestContext) =>
    as.post(staffPath, {
      headers: { 'content-type': contentType, accept, ...(nextAction && { 'next-action': nextAction }) },
      data: roleChange!.postDataBuffer()!,
      maxRedirects: 0,
    });

  const refused = await replay(studentPage.request);
  // forbidden() in the action: a fetch gets 403; Next answers a plain form post with its 404 page.
  expect(refused.status()).toBe(nextAction ? 403 : 404);
  expectNoStaffData(await refused.text(), joinCode!);
  await studentPage.goto(`/courses/${courseId}`);
  await expect(studentPage.getByText('Your role:')).toContainText('Student');
  await expect(studentPage.getByRole('link', { name: 'Staff area' })).toHaveCount(0);

  // Control: the very same request from the instructor goes through, so the refusal was about who sent it.
  expect((await replay(instructorPage.request)).status()).toBe(200);
  await studentPage.reload();
  await expect(studentPage.getByText('Your role:')).toContainText('Instructor');

  await instructorPage.unrouteAll();
  await instructorPage.reload();
  const studentRow = memberRow(instructorPage, DEMO_EMAILS.student);
  await studentRow.getByRole('combobox').selectOption('student');
  await studentRow.getByRole('button', { name: 'Save' }).click();
  await expect(studentRow.getByText('Saved: Student.')).toBeVisible();

  await instructorPage.context().close();
  await studentPage.context().close();
});
