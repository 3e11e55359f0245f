import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PG_ROOT = '/usr/lib/postgresql';

function binDir(): string | null {
  if (!existsSync(PG_ROOT)) return null;
  const [version] = readdirSync(PG_ROOT).sort().reverse();
  const dir = version ? join(PG_ROOT, version, 'bin') : '';
  return version && existsSync(join(dir, 'pg_ctl')) ? dir : null;
}

/**
 * Why a throwaway cluster can't be made here, or null if it can. Tests that restart Postgres need
 * their own server: restarting the shared one would break every other test file running in parallel.
 */
export function privatePostgresUnavailable(): string | null {
  if (!binDir()) return `no PostgreSQL server binaries under ${PG_ROOT}`;
  if (process.getuid?.() !== 0) return 'creating a cluster as the postgres user needs root';
  return null;
}

export type PrivatePostgres = {
  url: string;
  /** Stops the server, keeps it down for `downMs` while the caller's event loop runs on, starts it again. */
  restart(downMs: number): Promise<void>;
  stop(): void;
};

/** initdb + pg_ctl start of a trust-auth cluster on `port`, owned by the postgres OS user. */
export function startPrivatePostgres(port: number): PrivatePostgres {
  const bin = binDir()!;
  const dir = mkdtempSync(join(tmpdir(), 'tg-pg-'));
  chownSync(dir, uid('postgres'), gid('postgres'));
  const data = join(dir, 'data');
  const asPostgres = (tool: string, args: string[]) => execFileSync('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args], { stdio: 'pipe', timeout: 60_000 });
  asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const ctlArgs = (...args: string[]) => [
    '-u',
    'postgres',
    '--',
    join(bin, 'pg_ctl'),
    '-D',
    data,
    '-l',
    join(dir, 'log'),
    '-w',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    ...args,
  ];
  const ctl = (...args: string[]) => execFileSync('runuser', ctlArgs(...args), { stdio: 'pipe', timeout: 60_000 });
  // Asynchronous, so the test keeps submitting while the server is down.
  const ctlAsync = (...args: string[]) => promisify(execFile)('runuser', ctlArgs(...args), { timeout: 60_000 });
  ctl('start');
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    restart: async (downMs) => {
      await ctlAsync('stop', '-m', 'fast');
      await new Promise((resolve) => setTimeout(resolve, downMs));
      await ctlAsync('start');
    },
    stop: () => {
      try {
        ctl('stop', '-m', 'immediate');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function uid(user: string): number {
  return Number(execFileSync('id', ['-u', user]).toString().trim());
}
function gid(user: string): number {
  return Number(execFileSync('id', ['-g', user]).toString().trim());
}
