import { z } from 'zod';
import { COURSE_ROLES } from '@/db/permissions';

export const ChangeRoleSchema = z.object({
  courseId: z.uuid(),
  userId: z.uuid(),
  role: z.enum(COURSE_ROLES, 'Choose student, grader or instructor.'),
});

export const RegenerateJoinCodeSchema = z.object({ courseId: z.uuid() });
