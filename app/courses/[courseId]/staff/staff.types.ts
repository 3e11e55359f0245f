import { z } from 'zod';

export const ChangeRoleSchema = z.object({
  courseId: z.uuid(),
  userId: z.uuid(),
  role: z.enum(['student', 'grader', 'instructor'], 'Choose student, grader or instructor.'),
});

export const RegenerateJoinCodeSchema = z.object({ courseId: z.uuid() });
