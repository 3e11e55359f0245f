import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { CONTENT_FILES } from '../content/load';
import type { AuthoringProblem } from './protocol';
import type { ExerciseFiles } from './files';

const MAX_ZIP_BYTES = 2 * 1024 * 1024;
const MAX_FILE_BYTES = 512 * 1024;
// An exercise folder has five files; a zip may also carry folders and OS litter. The central directory's
// entry count and sizes are whatever the uploader wrote, so both are capped before anything is inflated.
const MAX_ENTRIES = 64;
const MAX_TOTAL_BYTES = CONTENT_FILES.length * MAX_FILE_BYTES;

class ZipTooLarge extends Error {}

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
  let seen = 0;
  let inflated = 0;
  try {
    // The filter sees each entry's declared size before it is inflated: only content files of at most
    // 512 KB each and 2.5 MB together are expanded, and a directory claiming thousands of entries stops early.
    entries = unzipSync(data, {
      filter: (f) => {
        if (++seen > MAX_ENTRIES) throw new ZipTooLarge(`the zip has more than ${MAX_ENTRIES} entries; an exercise has ${CONTENT_FILES.length} files`);
        const base = f.name.slice(f.name.lastIndexOf('/') + 1);
        const wanted = (CONTENT_FILES as readonly string[]).includes(base) && f.originalSize <= MAX_FILE_BYTES && !/(^|\/)(__MACOSX|\.)/.test(f.name);
        if (wanted && (inflated += f.originalSize) > MAX_TOTAL_BYTES) throw new ZipTooLarge(`the zip's files add up to more than ${MAX_TOTAL_BYTES / 1024 / 1024} MB`);
        return wanted;
      },
    });
  } catch (error) {
    if (error instanceof ZipTooLarge) return { problems: [{ file: '', field: '', message: error.message }] };
    return { problems: [{ file: '', field: '', message: `not a readable zip file (${(error as Error).message})` }] };
  }
  const folders = new Set(Object.keys(entries).map((name) => (name.includes('/') ? name.slice(0, name.lastIndexOf('/')) : '')));
  if (folders.size > 1) return { problems: [{ file: '', field: '', message: `expected one exercise folder, found ${[...folders].map((f) => f || '(top level)').join(', ')}` }] };
  const folder = [...folders][0] ?? '';
  const files: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(entries)) files[name.slice(name.lastIndexOf('/') + 1)] = strFromU8(bytes);
  const missing = CONTENT_FILES.filter((name) => !(name in files));
  if (missing.length) return { problems: missing.map((file) => ({ file, field: '', message: 'missing from the zip (or larger than 512 KB)' })) };
  return { files, folder: folder.includes('/') ? folder.slice(folder.lastIndexOf('/') + 1) : folder || null };
}
