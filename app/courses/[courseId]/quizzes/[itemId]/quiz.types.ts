import { z } from 'zod';
import { MAX_SHORT_ANSWER_CHARS } from '@/graders/quiz/answers';

const uuid = z.uuid();

/** Autosave body; the service re-validates the answer against the question's type. */
export const SaveAnswerBodySchema = z.strictObject({
  attemptId: uuid,
  questionId: z.string().min(1).max(100),
  answer: z.union([z.string().max(MAX_SHORT_ANSWER_CHARS + 100), z.array(z.string().max(100)).max(50)]),
});

export const StartAttemptSchema = z.object({ courseId: uuid, itemId: uuid });
export const SubmitAttemptSchema = z.object({ courseId: uuid, itemId: uuid, attemptId: uuid });
