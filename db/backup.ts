/**
 * Backups of the embedded database (`npm run backup`, `npm run restore`). A copy of `.data/pglite`
 * taken with cp while the server writes is torn: files copied at different moments. Instead the
 * process that owns the directory writes the copy: PGlite's dumpDataDir() holds its query lock,
 * so no statement runs while the files are read, and the tarball is the directory at one instant,
 * exactly what a kill -9 at that instant would leave. Postgres opens it like after a crash: it
 * replays the WAL, keeps every committed transaction and drops the one in progress.
 * The running server serves backups on a Unix socket next to the data directory.
 */
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readlinkSync, renameSync, rmSync, writeSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';

export function backupSocketPath(dataDir: string): string {
  return `${dataDir.replace(/\/+$/, '')}.backup.sock`;
}

/** Writes the tarball to `file` (temp file, fsync, rename): a crash leaves the old one or the new one. */
export async function writeBackup(pglite: PGlite, file: string): Promise<{ bytes: number }> {
  const blob = await pglite.dumpDataDir('gzip');
  const bytes = Buffer.from(await blob.arrayBuffer());
  const temp = `${file}.partial`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
  return { bytes: bytes.length };
}

/** In the server: answers `npm run backup` (one line, the destination file) with one JSON line. */
export function serveBackups(pglite: PGlite, dataDir: string): void {
  const socket = backupSocketPath(dataDir);
  // Left by a killed server: nobody listens on it any more (this process owns the directory now).
  rmSync(socket, { force: true });
  const server = createServer((connection) => {
    let request = '';
    connection.on('data', (chunk) => {
      request += chunk;
      if (!request.includes('\n')) return;
      const file = path.resolve(request.trim());
      const started = Date.now();
      writeBackup(pglite, file).then(
        ({ bytes }) => connection.end(`${JSON.stringify({ ok: true, file, bytes, ms: Date.now() - started })}\n`),
        (error: unknown) => connection.end(`${JSON.stringify({ ok: false, error: String(error) })}\n`),
      );
    });
    connection.on('error', () => {});
  });
  server.on('error', (error) => console.error('[backup] socket:', error));
  server.listen(socket);
  // Never keeps the server alive by itself.
  server.unref();
}

/** Asks a running server for a backup. Null when no server listens (not running, or still starting). */
export function requestBackup(dataDir: string, file: string): Promise<{ ok: boolean; bytes?: number; ms?: number; error?: string } | null> {
  return new Promise((resolve, reject) => {
    const connection = createConnection(backupSocketPath(dataDir));
    let reply = '';
    connection.on('connect', () => connection.write(`${file}\n`));
    connection.on('data', (chunk) => (reply += chunk));
    connection.on('end', () => resolve(JSON.parse(reply)));
    connection.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ECONNREFUSED') resolve(null);
      else reject(error);
    });
  });
}

/**
 * Processes other than this one with a file open under `dataDir` (Linux /proc): a server that is
 * starting (migrating, before its socket listens) must not share the directory with a second PGlite.
 */
export function processesUsing(dataDir: string): number[] {
  const root = path.resolve(dataDir) + path.sep;
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      const fds = readdirSync(`/proc/${pid}/fd`);
      if (fds.some((fd) => safeReadlink(`/proc/${pid}/fd/${fd}`).startsWith(root))) pids.push(pid);
    } catch {
      // gone, or not ours to look at
    }
  }
  return pids;
}

function safeReadlink(link: string): string {
  try {
    return readlinkSync(link);
  } catch {
    return '';
  }
}

export function hasDatabase(dataDir: string): boolean {
  return existsSync(path.join(dataDir, 'PG_VERSION'));
}
