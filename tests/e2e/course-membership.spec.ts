import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_COURSE_TITLE, DEMO_EMAILS, memberRow, openDemoStaffArea, signedInPage } from './helpers';

const PASSWORD = 'a quiet lattice of weights';

async function fillRegistration(page: Page, fields: { name: string; email: string; password: string }) {
  await page.goto('/register');
  await page.getByLabel('Name').fill(fields.name);
  await page.getByLabel('E-mail').fill(fields.email);
  await page.getByLabel('Password').fill(fields.password);
  await page.getByRole('button', { name: 'Create account' }).click();
}

async function fillSignIn(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('a new user registers, signs in, joins the demo course as a student and is promoted to grader', async ({ browser, page }, testInfo) => {
  const instructorPage = await signedInPage(browser, DEMO_EMAILS.instructor);
  const { courseId, joinCode } = await openDemoStaffArea(instructorPage);
  expect(joinCode).toMatch(/^[A-Z0-9]{8}$/);

  const suffix = randomUUID().slice(0, 8);
  const name = `Ada Lovelace ${suffix}`;
  const email = `ada-${suffix}@example.test`;

  await test.step('registration explains what is wrong, then signs the new user in', async () => {
    await fillRegistration(page, { name, email: 'ada-at-example', password: 'short' });
    await expect(page.getByText('Enter a valid e-mail address')).toBeVisible();
    await expect(page.getByText('Use at least 10 characters.')).toBeVisible();
    await expect(page.getByLabel('Name')).toHaveValue(name);

    await fillRegistration(page, { name, email, password: PASSWORD });
    await expect(page).toHaveURL(/\/courses$/);
    await expect(page.getByTestId('signed-in-user')).toHaveText(name);
    await expect(page.getByText('You are not in any course yet')).toBeVisible();
  });

  await test.step('a non-member learns nothing about the course', async () => {
    const response = await page.goto(`/courses/${courseId}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByText(DEMO_COURSE_TITLE)).toHaveCount(0);
  });

  await test.step('sign out, then the taken e-mail and sign-in errors', async () => {
    await page.goto('/courses');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByTestId('signed-in-user')).toHaveCount(0);

    await fillRegistration(page, { name, email: email.toUpperCase(), password: PASSWORD });
    await expect(page.getByText('An account with this e-mail already exists.')).toBeVisible();

    await fillSignIn(page, email, `${PASSWORD}!`);
    // One message for both: which e-mails have accounts is not for strangers to find out.
    await expect(page.getByText('Wrong e-mail or password.')).toBeVisible();
    await fillSignIn(page, `nobody-${suffix}@example.test`, PASSWORD);
    await expect(page.getByText('Wrong e-mail or password.')).toBeVisible();

    await fillSignIn(page, email, PASSWORD);
    await expect(page).toHaveURL(/\/courses$/);
  });

  await test.step('joining with the code makes the user a student without staff access', async () => {
    await page.getByLabel('Join code').fill('NOPE1234');
    await page.getByRole('button', { name: 'Join course' }).click();
    await expect(page.getByText('No course has this join code.')).toBeVisible();

    // Codes are read off projector slides: lower case and spaces must still work.
    await page.getByLabel('Join code').fill(` ${joinCode!.toLowerCase()} `);
    await page.getByRole('button', { name: 'Join course' }).click();
    await expect(page).toHaveURL(new RegExp(`/courses/${courseId}$`));
    await expect(page.getByRole('heading', { name: DEMO_COURSE_TITLE })).toBeVisible();
    await expect(page.getByText('Your role:')).toContainText('Student');
    await expect(page.getByRole('link', { name: 'Staff area' })).toHaveCount(0);
    expect((await page.goto(`/courses/${courseId}/staff`))?.status()).toBe(403);
  });

  await test.step('the courses page at desktop and phone width', async () => {
    await page.goto('/courses');
    await expect(page.getByRole('link', { name: new RegExp(`${DEMO_COURSE_TITLE.replace(/[()]/g, '\\$&')}.*Student`) })).toBeVisible();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.screenshot({ path: testInfo.outputPath('courses-desktop.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: testInfo.outputPath('courses-mobile.png'), fullPage: true });
  });

  await test.step('the instructor promotes the user to grader, who then sees the staff area', async () => {
    await instructorPage.reload();
    const row = memberRow(instructorPage, email);
    await row.getByLabel(`Role of ${name}`).selectOption('grader');
    await row.getByRole('button', { name: 'Save' }).click();
    await expect(row.getByText('Saved: Grader (TA).')).toBeVisible();

    await page.goto(`/courses/${courseId}`);
    await expect(page.getByText('Your role:')).toContainText('Grader (TA)');
    await page.getByRole('link', { name: 'Staff area' }).click();
    await expect(memberRow(page, DEMO_EMAILS.instructor)).toBeVisible();
    await expect(memberRow(page, email)).toContainText('Grader (TA)');
    // Graders see members but neither the join code nor the role controls.
    await expect(page.getByTestId('join-code')).toHaveCount(0);
    await expect(page.getByRole('combobox')).toHaveCount(0);
  });

  await instructorPage.context().close();
});
