import { isRefusal, type Refusal, type RefusalCode } from '@/db/queries/errors';

// One status per refusal code, for every route handler. 403 for a closed window: the request is fine,
// this user may not make it any more; 409 where the item's state refuses it and may change.
const STATUS: Record<RefusalCode, number> = {
  forbidden: 403,
  'not-found': 404,
  invalid: 400,
  conflict: 409,
  closed: 403,
  'already-submitted': 409,
  'no-attempts-left': 409,
  unpublished: 409,
  'needs-confirmation': 409,
  'too-large': 413,
  'rate-limited': 429,
  unavailable: 503,
};

export function httpStatus(code: RefusalCode): number {
  return STATUS[code];
}

/** A route handler's answer to a refusal: the readable message and the code, with the code's status. */
export function refusalResponse(refusal: Refusal): Response {
  return Response.json({ error: refusal.message, code: refusal.code }, { status: httpStatus(refusal.code) });
}

/**
 * The message of a refusal the user can act on, for a server action to return to useActionState;
 * null for anything else, including 'forbidden', which stays a 403 (see forbiddenOnRefusal).
 */
export function refusalMessage(error: unknown): string | null {
  return isRefusal(error) && error.code !== 'forbidden' ? error.message : null;
}
