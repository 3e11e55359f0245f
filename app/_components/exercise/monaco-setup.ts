// Loaded only on the client, after the page is interactive: Monaco and its language worker are
// served by us (DESIGN §8), never from a CDN.
import type { Monaco } from '@monaco-editor/react';

// The grader's capped console: log/info/warn/error/debug, nothing else.
export const CONSOLE_DECLARATION = `declare const console: {
  log(...args: unknown[]): void; info(...args: unknown[]): void; warn(...args: unknown[]): void;
  error(...args: unknown[]): void; debug(...args: unknown[]): void;
};`;

type TfTypes = { libs: { path: string; content: string }[] };

let loading: Promise<Awaited<ReturnType<typeof load>>> | undefined;

export function loadMonaco() {
  loading ??= load();
  loading.catch(() => (loading = undefined));
  return loading;
}

async function load() {
  const [react, monaco] = await Promise.all([import('@monaco-editor/react'), import('monaco-editor')]);
  self.MonacoEnvironment = {
    getWorker: (_id: string, label: string) =>
      label === 'typescript' || label === 'javascript'
        ? new Worker(new URL('monaco-editor/language/typescript/ts.worker.js', import.meta.url), { type: 'module' })
        : new Worker(new URL('monaco-editor/editor/editor.worker.js', import.meta.url), { type: 'module' }),
  };
  react.loader.config({ monaco: monaco as unknown as Monaco });
  const js = monaco.typescript.javascriptDefaults;
  js.setCompilerOptions({
    target: monaco.typescript.ScriptTarget.ES2020,
    allowJs: true,
    checkJs: true,
    allowNonTsExtensions: true,
    noEmit: true,
    strict: false,
    noImplicitAny: false,
    // The sandbox has no DOM: only ECMAScript built-ins (plus tf, console) are declared.
    lib: ['es2020'],
  });
  js.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false });
  js.setEagerModelSync(true);
  // History diffs use the TypeScript language only to stay out of the JavaScript program: there,
  // a second copy of the solution would be reported as a duplicate of every function in it.
  monaco.typescript.typescriptDefaults.setDiagnosticsOptions({ noSemanticValidation: true, noSyntaxValidation: true });
  const consoleLib = { filePath: 'file:///tensorgrade-console.d.ts', content: CONSOLE_DECLARATION };
  js.setExtraLibs([consoleLib]);
  // Types arrive after the editor is usable; completions improve when they land.
  void fetch('/api/editor/tf-types')
    .then((r) => (r.ok ? (r.json() as Promise<TfTypes>) : Promise.reject(new Error(String(r.status)))))
    .then(({ libs }) => js.setExtraLibs([consoleLib, ...libs.map((l) => ({ filePath: l.path, content: l.content }))]))
    .catch(() => {});
  return { Editor: react.Editor, DiffEditor: react.DiffEditor, monaco };
}

export type LoadedMonaco = Awaited<ReturnType<typeof loadMonaco>>;
