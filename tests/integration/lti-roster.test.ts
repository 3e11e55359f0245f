import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from './test-db';
import { insertMember } from './gradebook-fixtures';
import { db } from '@/db/client';
import { enrollments, ltiContexts, ltiUserLinks } from '@/db/schema';
import { insertUser } from '@/db/queries/users';
import { insertCourse } from '@/db/queries/courses';
import { insertPlatform, linkContextToCourse, registerPlatform, selectContextMembers, selectPlatformOverview, setPlatformEnabled } from '@/db/queries/lti';
import { publishedJwks } from '@/db/lti/keys';
import { syncRoster } from '@/db/lti/roster';
import { ROLE, startFakePlatform, type FakePlatform, type FakeUser } from '../lti-platform/platform';
import { launchAs } from '../lti-platform/launch-flow';

let drop: () => Promise<void>;
let platform: FakePlatform;
let platformId: string;
let courseId: string;
let admin: string;
let student: string;

const ada: FakeUser = { sub: 'lms-ada', name: 'Ada Student', email: 'ada@uni.test', roles: [ROLE.learner] };
const bob: FakeUser = { sub: 'lms-bob', name: 'Bob Student', email: 'bob@uni.test', roles: [ROLE.learner] };
const tia: FakeUser = { sub: 'lms-tia', name: 'Tia Assistant', email: 'tia@uni.test', roles: [ROLE.ta] };

const enrolledRole = async (userId: string) =>
  (
    await db()
      .select({ role: enrollments.role })
      .from(enrollments)
      .where(and(eq(enrollments.courseId, courseId), eq(enrollments.userId, userId)))
  )[0]?.role;
const linkedUser = async (subject: string) => (await db().select({ userId: ltiUserLinks.userId }).from(ltiUserLinks).where(eq(ltiUserLinks.subject, subject)))[0]?.userId;

beforeAll(async () => {
  ({ drop } = await createTestDatabase());
  platform = await startFakePlatform({ clientId: 'tg-roster', deploymentId: 'dep-1', toolJwks: publishedJwks });
  platformId = await insertPlatform(platform.registration);
  admin = (await insertUser({ email: 'admin@uni.test', name: 'Admin', password: 'a long admin pass', isAdmin: true })).id;
  courseId = (await insertCourse({ actorId: admin, title: 'DGM', code: 'DGM' })).id;
  student = await insertMember(courseId, 'Sam');
  await linkContextToCourse(admin, courseId, platformId, 'ctx-r');
  platform.addUser(ada);
  platform.addLink('course', { resourceLinkId: 'rl-1', contextId: 'ctx-r' });
  // A launch records the context's roster URL.
  await launchAs(platform, 'lms-ada', 'course');
});

afterAll(async () => {
  await platform?.close();
  await drop?.();
});

describe('linking an LMS course', () => {
  it('never moves an LMS course another Tensorgrade course holds', async () => {
    const other = (await insertCourse({ actorId: admin, title: 'Other', code: 'OTHER' })).id;
    await expect(linkContextToCourse(admin, other, platformId, 'ctx-r')).rejects.toThrow(/already connected to another/);
    const [row] = await db().select({ courseId: ltiContexts.courseId }).from(ltiContexts).where(eq(ltiContexts.contextId, 'ctx-r'));
    expect(row.courseId).toBe(courseId);
    // Linking it again to the course that holds it is fine.
    await expect(linkContextToCourse(admin, courseId, platformId, 'ctx-r')).resolves.toBeUndefined();
  });
});

describe('roster sync (NRPS)', () => {
  it('links and enrols every listed member with the mapped role', async () => {
    platform.setMembers('ctx-r', [ada, bob, tia]);
    expect(await syncRoster(admin, courseId)).toEqual({ listed: 3, dropped: 0 });
    expect(await enrolledRole((await linkedUser('lms-bob'))!)).toBe('student');
    expect(await enrolledRole((await linkedUser('lms-tia'))!)).toBe('grader');
    // Ada launched before: the sync found her existing account.
    expect((await db().select().from(ltiUserLinks).where(eq(ltiUserLinks.subject, 'lms-ada'))).length).toBe(1);
  });

  it('marks a member the LMS no longer lists as dropped, and keeps the account and enrolment', async () => {
    platform.setMembers('ctx-r', [ada, tia]);
    expect(await syncRoster(admin, courseId)).toEqual({ listed: 2, dropped: 1 });
    const members = await selectContextMembers(platformId, 'ctx-r');
    expect(members.find((m) => m.subject === 'lms-bob')?.droppedAt).toBeInstanceOf(Date);
    expect(members.find((m) => m.subject === 'lms-ada')?.droppedAt).toBeNull();
    expect(await enrolledRole((await linkedUser('lms-bob'))!)).toBe('student');
    // Listed again: no longer dropped.
    platform.setMembers('ctx-r', [ada, bob, tia]);
    await syncRoster(admin, courseId);
    expect((await selectContextMembers(platformId, 'ctx-r')).find((m) => m.subject === 'lms-bob')?.droppedAt).toBeNull();
  });

  it('is for the course’s instructors only', async () => {
    await expect(syncRoster(student, courseId)).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('LMS connection page data', () => {
  it('shows instructors the platforms with last launch; only administrators register or disable', async () => {
    const [row] = await selectPlatformOverview(admin, courseId);
    expect(row).toMatchObject({ issuer: platform.issuer, deploymentIds: ['dep-1'], linkedHere: true });
    expect(row.lastLaunchAt).toBeInstanceOf(Date);
    await expect(selectPlatformOverview(student, courseId)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(setPlatformEnabled(student, platformId, false)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(registerPlatform(student, { ...platform.registration, clientId: 'other' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(registerPlatform(admin, platform.registration)).rejects.toMatchObject({ code: 'conflict' });
    await setPlatformEnabled(admin, platformId, false);
    await expect(launchAs(platform, 'lms-ada', 'course')).rejects.toThrow(/not registered/);
    await setPlatformEnabled(admin, platformId, true);
  });
});
