import { randomUUID } from 'node:crypto';
import { expect, type Browser, type Locator, type Page } from '@playwright/test';

// Seeded by `npm start` (db/seed-demo.ts); DEMO_PASSWORD overrides the password there and here.
export const DEMO_PASSWORD = process.env.DEMO_PASSWORD || 'tensorgrade-demo';
export const DEMO_COURSE_TITLE = 'Deep Generative Models (Demo)';
export const DEMO_EMAILS = { student: 'student@demo.test', grader: 'grader@demo.test', instructor: 'instructor@demo.test' } as const;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/courses$/);
}

/** A signed-in page in its own browser context, so its cookies never mix with the test's main user. */
export async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** Opens the demo course's staff area as `page`'s user; returns the course id and, for instructors, the join code. */
export async function openDemoStaffArea(page: Page): Promise<{ courseId: string; joinCode: string | null }> {
  await page.goto('/courses');
  await page.getByRole('link', { name: new RegExp(DEMO_COURSE_TITLE.replace(/[()]/g, '\\$&')) }).click();
  await expect(page).toHaveURL(/\/courses\/[0-9a-f-]{36}$/);
  const courseId = new URL(page.url()).pathname.split('/')[2];
  await page.getByRole('link', { name: 'Staff area' }).click();
  await expect(page.getByRole('heading', { name: 'Staff area' })).toBeVisible();
  const joinCode = page.getByTestId('join-code');
  return { courseId, joinCode: (await joinCode.count()) > 0 ? (await joinCode.textContent())!.trim() : null };
}

export function memberRow(page: Page, email: string) {
  return page.getByTestId('member-row').filter({ hasText: email });
}

/**
 * Replaces the text of a Monaco editor (`editor`: its container) the way people often do: select
 * all, paste over it. A paste, not keystrokes: typed text gets auto-closed brackets and auto-indent.
 */
export async function pasteIntoEditor(page: Page, editor: Locator, code: string): Promise<void> {
  await expect(editor).toBeVisible({ timeout: 30_000 });
  await editor.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, code);
  await expect(editor.locator('.view-lines')).toContainText(code.split('\n')[0].replace(/ +/g, ' '));
}

/**
 * A new student account that joins the demo course: for specs that submit, so they neither use the demo
 * student's attempts nor depend on what other specs submitted (the suite shares one database on PostgreSQL).
 */
export async function registerAndJoin(page: Page, joinCode: string, name: string): Promise<void> {
  const suffix = randomUUID().slice(0, 8);
  await page.goto('/register');
  await page.getByLabel('Name').fill(`${name} ${suffix}`);
  await page.getByLabel('E-mail').fill(`${name.toLowerCase().replace(/\W+/g, '-')}-${suffix}@example.test`);
  await page.getByLabel('Password').fill('a new student of the demo course');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/courses$/);
  await page.getByLabel('Join code').fill(joinCode);
  await page.getByRole('button', { name: 'Join course' }).click();
  await expect(page.getByRole('heading', { name: DEMO_COURSE_TITLE })).toBeVisible();
}
