import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { CONTENT_FILES } from '../content/load';
import type { AuthoringProblem } from './protocol';
import type { ExerciseFiles } from './files';

const MAX_ZIP_BYTES = 2 * 1024 * 1024;
const MAX_FILE_BYTES = 512 * 1024;

/** An exercise as `<id>/exercise.json, <id>/statement.md, …`: the exercises/ folder format. */
export function zipExercise(id: string, files: ExerciseFiles): Uint8Array {
  return zipSync({ [id]: Object.fromEntries(CONTENT_FILES.map((name) => [name, strToU8(files[name])])) }, { level: 6 });
}

/**
 * Reads an uploaded exercise zip: the five files at the top level or inside one folder (whose
 * name is then the folder name the id must match). Problems are reported by file, like a folder's.
 */
export function unzipExercise(data: Uint8Array): { files: Record<string, string>; folder: string | null } | { problems: AuthoringProblem[] } {
  if (data.byteLength > MAX_ZIP_BYTES) return { problems: [{ file: '', field: '', message: `the zip is larger than ${MAX_ZIP_BYTES / 1024 / 1024} MB` }] };
  let entries: Record<string, Uint8Array>;
  try {
    // The filter sees declared sizes before inflating: an oversized entry is never expanded.
    entries = unzipSync(data, { filter: (f) => !f.name.endsWith('/') && f.originalSize <= MAX_FILE_BYTES && !/(^|\/)(__MACOSX|\.)/.test(f.name) });
  } catch (error) {
    return { problems: [{ file: '', field: '', message: `not a readable zip file (${(error as Error).message})` }] };
  }
  const folders = new Set(Object.keys(entries).map((name) => (name.includes('/') ? name.slice(0, name.lastIndexOf('/')) : '')));
  if (folders.size > 1) return { problems: [{ file: '', field: '', message: `expected one exercise folder, found ${[...folders].map((f) => f || '(top level)').join(', ')}` }] };
  const folder = [...folders][0] ?? '';
  const files: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(entries)) {
    const base = name.slice(name.lastIndexOf('/') + 1);
    if ((CONTENT_FILES as readonly string[]).includes(base)) files[base] = strFromU8(bytes);
  }
  const missing = CONTENT_FILES.filter((name) => !(name in files));
  if (missing.length) return { problems: missing.map((file) => ({ file, field: '', message: 'missing from the zip (or larger than 512 KB)' })) };
  return { files, folder: folder.includes('/') ? folder.slice(folder.lastIndexOf('/') + 1) : folder || null };
}
