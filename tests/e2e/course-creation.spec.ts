import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { DEMO_EMAILS, memberRow, signedInPage } from './helpers';

test('an instructor opens a new course and becomes its instructor; students are not offered the form', async ({ browser }) => {
  const studentPage = await signedInPage(browser, DEMO_EMAILS.student);
  await expect(studentPage.getByRole('heading', { name: 'Join a course' })).toBeVisible();
  await expect(studentPage.getByRole('heading', { name: 'Create a course' })).toHaveCount(0);

  const instructorPage = await signedInPage(browser, DEMO_EMAILS.instructor);
  const title = `Self-Supervised Learning ${randomUUID().slice(0, 6)}`;
  await instructorPage.getByLabel('Title').fill(title);
  await instructorPage.getByRole('button', { name: 'Create course' }).click();
  await expect(instructorPage.getByText('Give the course a short code')).toBeVisible();
  await expect(instructorPage.getByLabel('Title')).toHaveValue(title);

  await instructorPage.getByLabel('Course code').fill('SSL-2026');
  await instructorPage.getByRole('button', { name: 'Create course' }).click();
  await expect(instructorPage.getByRole('heading', { name: 'Staff area' })).toBeVisible();
  await expect(instructorPage.getByTestId('join-code')).toHaveText(/^[A-Z0-9]{8}$/);
  await expect(memberRow(instructorPage, DEMO_EMAILS.instructor).getByRole('combobox')).toHaveValue('instructor');
  await expect(instructorPage.getByTestId('member-row')).toHaveCount(1);

  await instructorPage.goto('/courses');
  await expect(instructorPage.getByRole('link', { name: new RegExp(`${title}.*Instructor`) })).toBeVisible();

  await studentPage.context().close();
  await instructorPage.context().close();
});
