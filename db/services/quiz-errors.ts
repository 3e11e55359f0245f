export type QuizErrorCode = 'not_found' | 'closed' | 'no_attempts_left' | 'unavailable' | 'not_open' | 'invalid_answer';

/** A refusal the student can read and act on; nothing was stored. */
export class QuizError extends Error {
  constructor(
    readonly code: QuizErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'QuizError';
  }
}
