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
