import { z } from 'zod';

const uuid = z.uuid();

/**
 * Autosave body. The answer is checked once, by the service against the question's own type
 * (graders/quiz/types), which names what is wrong; the route's byte limit bounds its size.
 */
export const SaveAnswerBodySchema = z.strictObject({
  attemptId: uuid,
  questionId: z.string().min(1).max(100),
  answer: z.unknown(),
});

export const StartAttemptSchema = z.object({ courseId: uuid, itemId: uuid });
export const SubmitAttemptSchema = z.object({ courseId: uuid, itemId: uuid, attemptId: uuid });
