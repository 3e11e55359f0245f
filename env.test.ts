import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env';

describe('parseEnv', () => {
  it('uses embedded PGlite and port 3000 when nothing is set', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PGLITE_DIR: '.data/pglite', PORT: 3000 });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('treats an empty DATABASE_URL as unset and rejects a non-postgres URL by name', () => {
    expect(parseEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must be a postgres/);
  });

  it('refuses to run in production without a strong AUTH_SECRET', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(EnvError);
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(/AUTH_SECRET is missing/);
    expect(() => parseEnv({ NODE_ENV: 'production', AUTH_SECRET: 'short' })).toThrow(/AUTH_SECRET: must be at least 32/);
    expect(parseEnv({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(32) }).AUTH_SECRET).toHaveLength(32);
  });

  it('names a grading setting that is nonsense instead of falling back to a default silently', () => {
    expect(parseEnv({})).toMatchObject({ GRADING_JOBS_PER_ISOLATE: 20, GRADING_CHILD_MEMORY_MB: 1536, TENSORGRADE_SNAPSHOT: '1' });
    expect(parseEnv({ WORKER_CONCURRENCY: '3', WORKER_JOBS_PER_PROCESS: '' })).toMatchObject({ WORKER_CONCURRENCY: 3, WORKER_JOBS_PER_PROCESS: undefined });
    expect(() => parseEnv({ WORKER_CONCURRENCY: 'lots' })).toThrow(/WORKER_CONCURRENCY: /);
    expect(() => parseEnv({ GRADING_CHILD_MEMORY_MB: '12' })).toThrow(/GRADING_CHILD_MEMORY_MB: /);
    expect(() => parseEnv({ TENSORGRADE_SNAPSHOT: 'yes' })).toThrow(/TENSORGRADE_SNAPSHOT: /);
    expect(() => parseEnv({ DEMO_PASSWORD: 'short' })).toThrow(/DEMO_PASSWORD: must be at least 8/);
  });
});
