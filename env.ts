import { z } from 'zod';

// Empty variables (FOO=) mean "not set", which is what people expect from a .env line left blank.
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')),
  PGLITE_DIR: z.string().default('.data/pglite'),
  AUTH_SECRET: optional(z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 32`)')),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // Sandbox child processes the web server runs for grading; 0 = this server does not grade
  // (scale-out: `npm run worker` elsewhere consumes the queue).
  GRADING_CONCURRENCY: z.coerce.number().int().min(0).max(64).default(2),
  // `npm run worker`: sandbox processes (default: one per core) and jobs each grades at once.
  WORKER_CONCURRENCY: optional(z.coerce.number().int().min(1).max(64)),
  WORKER_JOBS_PER_PROCESS: optional(z.coerce.number().int().min(1).max(32)),
  // Jobs one isolate serves, each in a fresh context (graders/README.md "jobsPerIsolate").
  GRADING_JOBS_PER_ISOLATE: z.coerce.number().int().min(1).max(1000).default(20),
  // Resident memory past which a sandbox process is replaced.
  GRADING_CHILD_MEMORY_MB: z.coerce.number().int().min(256).max(65_536).default(1536),
  // 0: isolates compile tfjs from a code cache instead of starting from a V8 snapshot.
  TENSORGRADE_SNAPSHOT: z.enum(['0', '1']).default('1'),
  DEMO_PASSWORD: optional(z.string().min(8, 'must be at least 8 characters')),
  // Set by Next.js itself while `next build` runs.
  NEXT_PHASE: optional(z.string()),
  // The public origin (Auth.js's names), when the app runs behind a proxy.
  AUTH_URL: optional(z.url()),
  NEXTAUTH_URL: optional(z.url()),
});

export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const env = result.data;
  if (env.NODE_ENV === 'production' && !env.AUTH_SECRET) {
    throw new EnvError(
      'AUTH_SECRET is missing. Production needs a secret of at least 32 characters to sign sessions ' +
        '(`npm start` creates one under .data/ for the demo; set AUTH_SECRET yourself in a real deployment).',
    );
  }
  return env;
}

/**
 * AUTH_URL / NEXTAUTH_URL, read per request (the same-origin check): validated like the rest, but
 * not cached, so a deployment (or a test) that sets them after start-up is seen.
 */
export function configuredOrigins(source: Record<string, string | undefined> = process.env): string[] {
  const { AUTH_URL, NEXTAUTH_URL } = EnvSchema.pick({ AUTH_URL: true, NEXTAUTH_URL: true }).parse(source);
  return [AUTH_URL, NEXTAUTH_URL].filter((url): url is string => url !== undefined);
}

/** Whether `next build` is running (Next sets NEXT_PHASE); readable before the rest of the env is valid. */
export function isNextBuild(source: Record<string, string | undefined> = process.env): boolean {
  return EnvSchema.pick({ NEXT_PHASE: true }).parse(source).NEXT_PHASE === 'phase-production-build';
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
