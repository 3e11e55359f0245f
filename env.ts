import { z } from 'zod';

// Empty variables (FOO=) mean "not set", which is what people expect from a .env line left blank.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')),
  PGLITE_DIR: z.string().default('.data/pglite'),
  AUTH_SECRET: optional(z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 32`)')),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // Sandbox child processes the web server runs for grading; 0 = this server does not grade
  // (scale-out: `npm run worker` elsewhere consumes the queue).
  GRADING_CONCURRENCY: z.coerce.number().int().min(0).max(64).default(2),
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

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
