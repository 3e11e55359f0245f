import { describe, expect, it } from 'vitest';
import { Refusal } from '@/db/queries/errors';
import { httpStatus, refusalMessage, refusalResponse } from './refusal';

describe('refusals over HTTP', () => {
  it('answer each code with its status, the readable message and the code', async () => {
    const response = refusalResponse(new Refusal('rate-limited', 'At most 10 submissions per minute; try again shortly.'));
    expect(response.status).toBe(429);
    expect(await response.json()).toEqual({ error: 'At most 10 submissions per minute; try again shortly.', code: 'rate-limited' });
  });

  it('keep the statuses clients rely on: 403 forbidden and closed, 404, 413, 429, 503 only for a transient outage', () => {
    expect(httpStatus('forbidden')).toBe(403);
    expect(httpStatus('closed')).toBe(403);
    expect(httpStatus('not-found')).toBe(404);
    expect(httpStatus('invalid')).toBe(400);
    expect(httpStatus('no-attempts-left')).toBe(409);
    expect(httpStatus('already-submitted')).toBe(409);
    expect(httpStatus('unpublished')).toBe(409);
    expect(httpStatus('too-large')).toBe(413);
    expect(httpStatus('rate-limited')).toBe(429);
    // The quiz autosave retries 5xx answers: only an outage may be one.
    expect(httpStatus('unavailable')).toBe(503);
  });

  it('give server actions the message of a refusal the user can act on, never of a forbidden one', () => {
    expect(refusalMessage(new Refusal('conflict', 'This regrade has already been decided.'))).toBe('This regrade has already been decided.');
    expect(refusalMessage(new Refusal('forbidden', 'No such answer.'))).toBeNull();
    expect(refusalMessage(new Error('boom'))).toBeNull();
  });
});
