import { getOptionalUser } from '@/app/_lib/authz';
import { MAX_SUBMISSION_BYTES, submitExercise } from '@/db/services/submit-exercise';
import { readJsonRequest } from '@/app/_lib/json-request';
import { refusalResponse } from '@/app/_lib/refusal';
import { isDatabaseUnavailable, isRefusal, Refusal } from '@/db/queries/errors';
import { SubmitBodySchema } from './submissions.types';

// JSON escaping at most doubles code (quotes, backslashes, newlines; only raw control characters take
// more): room for the largest submission, so one just over the limit still gets the service's message.
const MAX_BODY_BYTES = 2 * MAX_SUBMISSION_BYTES + 1024;

/** Submit: stores the code and queues sandboxed grading of every test. Same-origin JSON only. */
export async function POST(request: Request) {
  const body = await readJsonRequest(request, { maxBytes: MAX_BODY_BYTES, tooLargeMessage: `Your code is over the ${MAX_SUBMISSION_BYTES / 1024} KB limit.` });
  if (!body.ok) return body.response;
  // Signing-in reads the database too: a restarting database is a 503 with a reason, not a bare 500.
  const user = await getOptionalUser().catch((error: unknown) => {
    if (isDatabaseUnavailable(error)) return 'unavailable' as const;
    throw error;
  });
  if (user === 'unavailable') return refusalResponse(new Refusal('unavailable', 'The service is briefly unavailable; try again in a moment.'));
  if (!user) return Response.json({ error: 'You were signed out; sign in again to submit.' }, { status: 401 });
  const parsed = SubmitBodySchema.safeParse(body.body);
  if (!parsed.success) return Response.json({ error: 'The submission could not be read.' }, { status: 400 });
  try {
    const result = await submitExercise({ userId: user.id, itemId: parsed.data.itemId, code: parsed.data.code });
    return Response.json(result, { status: 201 });
  } catch (error) {
    if (isRefusal(error)) return refusalResponse(error);
    throw error;
  }
}
