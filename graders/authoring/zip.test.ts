import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { unzipExercise, zipExercise } from './zip';
import { CONTENT_FILES } from '../content/load';

const files = Object.fromEntries(CONTENT_FILES.map((name) => [name, `// ${name}\n`])) as Parameters<typeof zipExercise>[1];

function problemsOf(data: Uint8Array) {
  const result = unzipExercise(data);
  return 'problems' in result ? result.problems.map((p) => p.message) : [];
}

describe('unzipExercise', () => {
  it('reads back what zipExercise wrote, with its folder name', () => {
    expect(unzipExercise(zipExercise('softplus', files))).toEqual({ files, folder: 'softplus' });
  });

  it('ignores files that are not exercise content, and OS litter', () => {
    const zip = zipSync({ 'softplus/README.md': strToU8('notes'), '__MACOSX/softplus/._stub.js': strToU8('x'), ...Object.fromEntries(CONTENT_FILES.map((n) => [`softplus/${n}`, strToU8(files[n])])) });
    expect(unzipExercise(zip)).toEqual({ files, folder: 'softplus' });
  });

  it('refuses a zip with more entries than an exercise could need, before inflating them', () => {
    const many = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`x/${i}.txt`, strToU8('x')]));
    expect(problemsOf(zipSync(many))).toEqual([expect.stringMatching(/more than 64 entries/)]);
  });

  it('refuses a zip bomb: small on the wire, content files that add up to megabytes', () => {
    const zeros = new Uint8Array(512 * 1024);
    const bomb = zipSync(Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f'].map((d) => [`${d}/exercise.json`, zeros])), { level: 9 });
    expect(bomb.byteLength).toBeLessThan(64 * 1024);
    expect(problemsOf(bomb)).toEqual([expect.stringMatching(/add up to more than 2.5 MB/)]);
  });

  it('answers at once for a directory record that claims 65,535 entries in a 22-byte file', () => {
    const eocd = new Uint8Array(22);
    const view = new DataView(eocd.buffer);
    view.setUint32(0, 0x06054b50, true);
    view.setUint16(8, 0xffff, true);
    view.setUint16(10, 0xffff, true);
    expect(problemsOf(eocd)).toEqual([expect.stringMatching(/more than 64 entries/)]);
  });

  it('names each missing file', () => {
    const partial = zipSync({ 'gelu/exercise.json': strToU8('{}'), 'gelu/stub.js': strToU8('x') });
    expect(unzipExercise(partial)).toEqual({ problems: ['statement.md', 'reference.js', 'tests.js'].map((file) => ({ file, field: '', message: expect.stringMatching(/missing/) })) });
  });
});
