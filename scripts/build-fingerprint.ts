import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

// Everything that changes what `next build` produces. Content under exercises/ is read at run time.
const INPUTS = ['app', 'db', 'graders', 'env.ts', 'auth.ts', 'next.config.ts', 'postcss.config.mjs', 'tsconfig.json', 'package-lock.json'];
const SKIP = new Set(['node_modules', '.next', 'migrations']);

/** A hash of the build inputs' contents, so a fresh clone or an edit rebuilds and a plain restart does not. */
export function buildFingerprint(root = process.cwd()): string {
  const hash = createHash('sha256');
  const visit = (relative: string) => {
    const full = path.join(root, relative);
    if (!existsSync(full)) return;
    if (statSync(full).isDirectory()) {
      for (const entry of readdirSync(full).sort()) if (!SKIP.has(entry)) visit(path.join(relative, entry));
      return;
    }
    hash.update(relative).update('\0').update(readFileSync(full)).update('\0');
  };
  INPUTS.forEach(visit);
  return hash.digest('hex');
}
