import type { LTISession } from '@lti-tool/core';
import { assertCapability } from '../queries/courses';
import { Refusal } from '../queries/errors';
import * as q from '../queries/lti';
import { courseRoleFromLti } from './roles';
import { ltiTool } from './tool';

export type RosterSync = { listed: number; dropped: number };

/**
 * Names and Role Provisioning: the course's LMS members get linked accounts and their course role; members
 * the LMS no longer lists (or lists as Inactive) are marked dropped, never deleted, so their work stays.
 */
export async function syncRoster(actorId: string, courseId: string): Promise<RosterSync> {
  await assertCapability(actorId, courseId, 'lms.manage');
  const contexts = (await q.selectCourseContexts(courseId)).filter((c) => c.membershipsUrl && !c.platform.disabledAt);
  if (contexts.length === 0) throw new Refusal('conflict', 'No LMS course with a roster service is connected yet: launch the activity from the LMS once.');
  const tool = await ltiTool();
  const total = { listed: 0, dropped: 0 };
  for (const context of contexts) {
    const [deployment] = await q.selectDeployments(context.platformId);
    if (!deployment) continue;
    const session = {
      id: `roster:${context.contextId}`,
      platform: { issuer: context.platform.issuer, clientId: context.platform.clientId, deploymentId: deployment.deploymentId, name: context.platform.name },
      services: { nrps: { membershipUrl: context.membershipsUrl!, versions: ['2.0'] } },
    } as unknown as LTISession;
    let members;
    try {
      members = await tool.getMembers(session);
    } catch (error) {
      await q.notePlatformError(context.platformId, `Roster sync failed: ${error instanceof Error ? error.message : 'unknown error'}`);
      throw new Refusal('unavailable', 'The LMS did not answer the roster request; see the platform\u2019s last error.');
    }
    const rows = [];
    for (const member of members) {
      const user = await q.selectOrInsertLinkedUser(context.platformId, member.userId, member.name);
      const active = member.status === 'Active';
      if (active) await q.upsertEnrollment(courseId, user.id, courseRoleFromLti(member.roles));
      rows.push({ subject: member.userId, userId: user.id, roles: member.roles, active });
    }
    const { dropped } = await q.replaceContextMembers(context.platformId, context.contextId, rows);
    total.listed += members.length;
    total.dropped += dropped;
  }
  return total;
}
