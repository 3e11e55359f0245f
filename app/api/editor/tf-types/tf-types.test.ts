import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CONSOLE_DECLARATION } from '@/app/_components/exercise/monaco-setup';
import { GET } from './route';

// The editor's JavaScript checking (monaco-setup.ts) over the declarations this route serves, run with
// the TypeScript compiler: what a student sees squiggled in Monaco, without a browser.
async function diagnose(sources: Record<string, string>): Promise<string[]> {
  const { libs } = (await (await GET()).json()) as { libs: { path: string; content: string }[] };
  const files = new Map<string, string>(libs.map((lib) => [lib.path.replace('file://', ''), lib.content]));
  files.set('/tensorgrade-console.d.ts', CONSOLE_DECLARATION);
  for (const [name, text] of Object.entries(sources)) files.set(`/${name}`, text);
  const options: ts.CompilerOptions = { target: ts.ScriptTarget.ES2020, lib: ['lib.es2020.d.ts'], allowJs: true, checkJs: true, noEmit: true, strict: false, types: [] };
  const host = ts.createCompilerHost(options);
  const read = (file: string) => files.get(file) ?? ts.sys.readFile(file);
  host.fileExists = (file) => files.has(file) || ts.sys.fileExists(file);
  host.directoryExists = (dir) => [...files.keys()].some((f) => f.startsWith(`${dir}/`)) || ts.sys.directoryExists(dir);
  host.readFile = read;
  host.getSourceFile = (file, version) => {
    const text = read(file);
    return text === undefined ? undefined : ts.createSourceFile(file, text, version);
  };
  const roots = [...files.keys()].filter((f) => f.endsWith('tensorgrade-global.d.ts') || f === '/tensorgrade-console.d.ts' || f.endsWith('.js'));
  const program = ts.createProgram(roots, options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName.endsWith('.js'))
    .map((d) => `${d.file!.fileName}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

describe('tf declarations for the editor', () => {
  it('type-check every exercise stub and reference without a squiggle (JSDoc {tf.Tensor2D} included)', async () => {
    const sources: Record<string, string> = {};
    for (const dir of readdirSync('exercises', { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'quizzes')) {
      for (const file of ['stub.js', 'reference.js']) sources[`${dir.name}-${file}`] = readFileSync(path.join('exercises', dir.name, file), 'utf8');
    }
    expect(Object.keys(sources).length).toBeGreaterThanOrEqual(18);
    expect(await diagnose(sources)).toEqual([]);
  }, 60_000);

  it('still flag an op that tfjs-core does not have', async () => {
    const problems = await diagnose({ 'typo.js': '/** @param {tf.Tensor2D} a */\nfunction f(a) { return tf.squaredDiference(a, a); }\n' });
    expect(problems).toEqual([expect.stringMatching(/squaredDiference.*Did you mean 'squaredDifference'/)]);
  }, 60_000);

  it('leave the kernel-name constants out of `tf`, so completion after `tf.` starts with real ops', async () => {
    const kernelNames = readFileSync('node_modules/@tensorflow/tfjs-core/dist/kernel_names.d.ts', 'utf8');
    const names = [...kernelNames.matchAll(/^export declare const (\w+) = "/gm)].map((m) => m[1]);
    expect(names).toEqual(expect.arrayContaining(['Abs', 'AddN', 'BatchMatMul']));
    const uses = names.map((name) => `tf.${name};`).join('\n');
    const problems = await diagnose({ 'kernels.js': `${uses}\ntf.abs(tf.addN([tf.scalar(1)]));\n` });
    expect(problems).toHaveLength(names.length);
    for (const problem of problems) expect(problem).toMatch(/Property '\w+' does not exist/);
  }, 60_000);
});
