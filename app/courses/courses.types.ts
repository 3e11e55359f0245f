import { z } from 'zod';

export const JoinCourseSchema = z.object({
  joinCode: z.string().trim().min(1, 'Enter the join code your instructor gave you.').max(32, 'Join codes are 8 characters long.'),
});

export const CreateCourseSchema = z.object({
  title: z.string().trim().min(1, 'Give the course a title.').max(200, 'Use at most 200 characters.'),
  code: z.string().trim().min(1, 'Give the course a short code, like DL-2025.').max(32, 'Use at most 32 characters.'),
});
