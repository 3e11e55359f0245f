/** The acting user may not do this; pages turn it into a 403 with no data. */
export class ForbiddenError extends Error {
  constructor(message = 'You do not have permission to do this.') {
    super(message);
    this.name = 'ForbiddenError';
  }
}

export class LastInstructorError extends Error {
  constructor() {
    super('A course needs at least one instructor; promote someone else first.');
    this.name = 'LastInstructorError';
  }
}

export class EmailTakenError extends Error {
  constructor() {
    super('An account with this e-mail already exists.');
    this.name = 'EmailTakenError';
  }
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
