/**
 * Why a request is refused. One code per kind of refusal, each with one HTTP status (app/_lib/refusal.ts);
 * 'forbidden' also answers for things the actor may not know exist, so an id reveals nothing.
 */
export type RefusalCode =
  'forbidden' | 'not-found' | 'invalid' | 'conflict' | 'closed' | 'already-submitted' | 'no-attempts-left' | 'unpublished' | 'needs-confirmation' | 'too-large' | 'rate-limited' | 'unavailable';

/** A refusal with a message the user can read and act on; nothing was stored. */
export class Refusal extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
  ) {
    super(message);
    this.name = 'Refusal';
  }
}

export const NOT_PERMITTED = 'You do not have permission to do this.';

export function isRefusal(error: unknown, code?: RefusalCode): error is Refusal {
  return error instanceof Refusal && (code === undefined || error.code === code);
}

/** Postgres unique_violation, from either driver. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

// postgres.js connection error codes, Node socket errors, and SQLSTATEs of a server going away
// (class 08 connection exception; 57P01–57P03 admin/crash shutdown, cannot connect now).
const CONNECTION_CODES = new Set(['CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03']);

/** The database is unreachable or restarting (not a bug in the query): worth a "try again" to the user. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (CONNECTION_CODES.has(code) || code.startsWith('08'))) return true;
  }
  return false;
}
