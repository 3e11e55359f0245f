import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from './test-db';
import { insertExercise, insertQuiz } from './gradebook-fixtures';
import { db } from '@/db/client';
import { enrollments, ltiNonces, ltiPlatforms, users } from '@/db/schema';
import { insertUser } from '@/db/queries/users';
import { insertCourse } from '@/db/queries/courses';
import { insertAssignmentWithItems } from '@/db/queries/assignments';
import { insertPlatform, linkContextToCourse, selectPlatformById } from '@/db/queries/lti';
import { completeLaunch, startLogin } from '@/db/lti/launch';
import { publishedJwks } from '@/db/lti/keys';
import { ROLE, startFakePlatform, type FakePlatform } from '../lti-platform/platform';
import { launchAs, loginAndAuthorize, TOOL_ORIGIN } from '../lti-platform/launch-flow';

let drop: () => Promise<void>;
let platform: FakePlatform;
let platformId: string;
let courseId: string;
let exerciseItem: string;
let quizItem: string;

beforeAll(async () => {
  ({ drop } = await createTestDatabase());
  platform = await startFakePlatform({ clientId: 'tensorgrade-client', deploymentId: 'dep-1', toolJwks: publishedJwks });
  platformId = await insertPlatform(platform.registration);
  const teacher = (await insertUser({ email: 't@uni.test', name: 'Teacher', password: 'a long teacher pass', isAdmin: true })).id;
  courseId = (await insertCourse({ actorId: teacher, title: 'DGM', code: 'DGM' })).id;
  await insertExercise('ex-a');
  await insertQuiz('qz');
  ({
    itemIds: [exerciseItem, quizItem],
  } = await insertAssignmentWithItems({
    courseId,
    title: 'Week 1',
    published: true,
    items: [
      { kind: 'exercise', targetId: 'ex-a', points: 10 },
      { kind: 'quiz', targetId: 'qz', points: 4 },
    ],
  }));
  await linkContextToCourse(teacher, courseId, platformId, 'ctx-1', 'DGM in the LMS');
  platform.addUser({ sub: 'lms-student-1', name: 'Ada Student', email: 'ada@uni.test', roles: [ROLE.learner] });
  platform.addUser({ sub: 'lms-ta-1', name: 'Tom Assistant', email: 'tom@uni.test', roles: [ROLE.ta] });
  platform.addUser({ sub: 'lms-teacher-1', name: 'Ina Instructor', email: 'ina@uni.test', roles: [ROLE.instructor] });
  platform.addUser({ sub: 'lms-mentor-1', name: 'Mo Mentor', email: 'mo@uni.test', roles: ['http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor'] });
  platform.addLink('exercise', { resourceLinkId: 'rl-ex', contextId: 'ctx-1', itemId: exerciseItem, lineItem: 'li-ex' });
  platform.addLink('quiz', { resourceLinkId: 'rl-quiz', contextId: 'ctx-1', itemId: quizItem, lineItem: 'li-quiz' });
  platform.addLink('new-course', { resourceLinkId: 'rl-new', contextId: 'ctx-2', contextTitle: 'A course new to Tensorgrade' });
});

afterAll(async () => {
  await platform?.close();
  await drop?.();
});

const roleIn = async (course: string, userId: string) =>
  (await db().select({ role: enrollments.role, userId: enrollments.userId }).from(enrollments).where(eq(enrollments.courseId, course))).find((row) => row.userId === userId)?.role;

describe('LTI launch', () => {
  it('signs a learner in as a student of the linked course and lands on the exercise', async () => {
    const result = await launchAs(platform, 'lms-student-1', 'exercise');
    expect(result.redirectTo).toBe(`/courses/${courseId}/items/${exerciseItem}`);
    expect(result.role).toBe('student');
    expect(await roleIn(courseId, result.userId)).toBe('student');
    // An account of its own, linked by the platform's user id, not by the LMS e-mail.
    const [user] = await db().select({ email: users.email, name: users.name }).from(users).where(eq(users.id, result.userId));
    expect(user.name).toBe('Ada Student');
    expect(user.email).not.toBe('ada@uni.test');
    // The next launch finds the same account.
    const again = await launchAs(platform, 'lms-student-1', 'quiz');
    expect(again.userId).toBe(result.userId);
    expect(again.redirectTo).toBe(`/courses/${courseId}/quizzes/${quizItem}`);
    expect((await selectPlatformById(platformId))?.lastLaunchAt).toBeInstanceOf(Date);
  });

  it('maps TeachingAssistant to grader, Instructor to instructor and an unknown role to the least', async () => {
    expect((await launchAs(platform, 'lms-ta-1', 'exercise')).role).toBe('grader');
    const teacher = await launchAs(platform, 'lms-teacher-1', 'exercise');
    expect(teacher.role).toBe('instructor');
    expect(await roleIn(courseId, teacher.userId)).toBe('instructor');
    expect((await launchAs(platform, 'lms-mentor-1', 'exercise')).role).toBe('student');
  });

  it('creates a course for a new LMS context when an instructor launches; a student must wait for that', async () => {
    await expect(launchAs(platform, 'lms-student-1', 'new-course')).rejects.toThrow(/not connected to Tensorgrade yet/);
    const teacher = await launchAs(platform, 'lms-teacher-1', 'new-course');
    expect(teacher.courseId).not.toBe(courseId);
    expect(teacher.redirectTo).toBe(`/courses/${teacher.courseId}`);
    expect(await roleIn(teacher.courseId, teacher.userId)).toBe('instructor');
    expect((await launchAs(platform, 'lms-student-1', 'new-course')).courseId).toBe(teacher.courseId);
  });

  it('refuses a tampered token', async () => {
    const { idToken, state, binding } = await loginAndAuthorize(platform, 'lms-student-1', 'exercise');
    const [header, payload, signature] = idToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: 'lms-teacher-1', 'https://purl.imsglobal.org/spec/lti/claim/roles': [ROLE.instructor] })).toString('base64url');
    await expect(completeLaunch({ idToken: `${header}.${forged}.${signature}`, state, binding })).rejects.toThrow(/could not be verified/);
    expect((await selectPlatformById(platformId))?.lastError).toMatch(/signature/i);
  });

  it('refuses a replayed launch (the nonce is single-use)', async () => {
    const launch = await loginAndAuthorize(platform, 'lms-student-1', 'exercise');
    await completeLaunch(launch);
    await expect(completeLaunch(launch)).rejects.toThrow(/could not be verified/);
    expect((await selectPlatformById(platformId))?.lastError).toMatch(/nonce/i);
  });

  it('refuses an expired nonce', async () => {
    const launch = await loginAndAuthorize(platform, 'lms-student-1', 'exercise');
    await db()
      .update(ltiNonces)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(ltiNonces.nonce, launch.nonce));
    await expect(completeLaunch(launch)).rejects.toThrow(/could not be verified/);
  });

  it('refuses an unknown deployment, at login and at launch', async () => {
    const params = { ...platform.loginParams('lms-student-1', 'exercise', `${TOOL_ORIGIN}/api/lti/launch`), lti_deployment_id: 'dep-unknown' };
    await expect(startLogin(params, TOOL_ORIGIN)).rejects.toThrow(/deployment is not registered/);
    const { state, binding, nonce } = await loginAndAuthorize(platform, 'lms-student-1', 'exercise');
    const idToken = await platform.signIdToken(
      { user: { sub: 'lms-student-1', name: 'Ada Student', email: 'ada@uni.test', roles: [ROLE.learner] }, link: { resourceLinkId: 'rl-ex', contextId: 'ctx-1' }, nonce },
      { 'https://purl.imsglobal.org/spec/lti/claim/deployment_id': 'dep-unknown' },
    );
    await expect(completeLaunch({ idToken, state, binding })).rejects.toThrow(/could not be verified/);
  });

  it('refuses a token for another audience, and one whose azp names another client', async () => {
    const user = { sub: 'lms-student-1', name: 'Ada Student', email: 'ada@uni.test', roles: [ROLE.learner] };
    const link = { resourceLinkId: 'rl-ex', contextId: 'ctx-1' };
    const first = await loginAndAuthorize(platform, 'lms-student-1', 'exercise');
    const otherAudience = await platform.signIdToken({ user, link, nonce: first.nonce }, { aud: 'some-other-tool' });
    await expect(completeLaunch({ ...first, idToken: otherAudience })).rejects.toThrow(/not come from an LMS registered/);
    const second = await loginAndAuthorize(platform, 'lms-student-1', 'exercise');
    const otherAzp = await platform.signIdToken({ user, link, nonce: second.nonce }, { azp: 'some-other-tool' });
    await expect(completeLaunch({ ...second, idToken: otherAzp })).rejects.toThrow(/issued for another tool/);
  });

  it('refuses a token issued too far in the future or too long ago (bounded clock skew)', async () => {
    const user = { sub: 'lms-student-1', name: 'Ada Student', email: 'ada@uni.test', roles: [ROLE.learner] };
    const link = { resourceLinkId: 'rl-ex', contextId: 'ctx-1' };
    const launch = await loginAndAuthorize(platform, 'lms-student-1', 'exercise');
    const now = Math.floor(Date.now() / 1000);
    const future = await platform.signIdToken({ user, link, nonce: launch.nonce }, { iat: now + 600, exp: now + 900 });
    await expect(completeLaunch({ ...launch, idToken: future })).rejects.toThrow(/too old or from the future/);
  });

  it('refuses a launch whose login did not start in this browser', async () => {
    const launch = await loginAndAuthorize(platform, 'lms-student-1', 'exercise');
    await expect(completeLaunch({ ...launch, binding: undefined })).rejects.toThrow(/did not start in this browser/);
  });

  it('answers logins only for registered, enabled issuers, storing nothing for the others', async () => {
    const before = (await db().select().from(ltiNonces)).length;
    await expect(startLogin({ ...platform.loginParams('x', 'exercise', `${TOOL_ORIGIN}/api/lti/launch`), iss: 'https://evil.example' }, TOOL_ORIGIN)).rejects.toThrow(/not registered/);
    await db().update(ltiPlatforms).set({ disabledAt: new Date() }).where(eq(ltiPlatforms.id, platformId));
    await expect(startLogin(platform.loginParams('lms-student-1', 'exercise', `${TOOL_ORIGIN}/api/lti/launch`), TOOL_ORIGIN)).rejects.toThrow(/not registered/);
    await db().update(ltiPlatforms).set({ disabledAt: null }).where(eq(ltiPlatforms.id, platformId));
    expect((await db().select().from(ltiNonces)).length).toBe(before);
  });
});
