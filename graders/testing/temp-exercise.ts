import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Writes an exercise folder under a temp dir; `files` overrides or adds files by name. */
export async function writeTempExercise(slug: string, files: Record<string, string>): Promise<string> {
  const dir = path.join(await mkdtemp(path.join(tmpdir(), 'tg-ex-')), slug);
  await mkdir(dir);
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
  return dir;
}

export function metaJson(id: string, entry: string[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ id, title: id, topic: 'testing', difficulty: 'intro', points: 1, entry, ...extra }, null, 2);
}
