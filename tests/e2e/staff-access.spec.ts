import { expect, test, type Request } from '@playwright/test';
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
  const studentRow = memberRow(instructorPage, DEMO_EMAILS.student);
  await studentRow.getByRole('combobox').selectOption('instructor');
  await studentRow.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => roleChange).toBeDefined();
  expect(roleChange!.headers()['next-action']).toBeTruthy();

  const studentPage = await signedInPage(browser, DEMO_EMAILS.student);
  const pageResponse = await studentPage.request.get(staffPath, { maxRedirects: 0 });
  expect(pageResponse.status()).toBe(403);
  expectNoStaffData(await pageResponse.text(), joinCode!);

  const { 'next-action': nextAction, 'content-type': contentType } = roleChange!.headers();
  const actionResponse = await studentPage.request.post(staffPath, {
    headers: { 'next-action': nextAction, 'content-type': contentType, accept: 'text/x-component' },
    data: roleChange!.postDataBuffer()!,
    maxRedirects: 0,
  });
  expect([403, 303, 307]).toContain(actionResponse.status());
  expectNoStaffData(await actionResponse.text(), joinCode!);

  await studentPage.goto(`/courses/${courseId}`);
  await expect(studentPage.getByText('Your role:')).toContainText('Student');
  await expect(studentPage.getByRole('link', { name: 'Staff area' })).toHaveCount(0);

  await instructorPage.unrouteAll();
  await instructorPage.reload();
  await expect(memberRow(instructorPage, DEMO_EMAILS.student)).toContainText('Student');
  await expect(memberRow(instructorPage, DEMO_EMAILS.student).getByRole('combobox')).toHaveValue('student');

  await instructorPage.context().close();
  await studentPage.context().close();
});
