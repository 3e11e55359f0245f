// Loaded only on the client, after the page is interactive: Monaco and its language worker are
// served by us (DESIGN §8), never from a CDN.
import type { Monaco } from '@monaco-editor/react';

// The grader's capped console: log/info/warn/error/debug, nothing else.
export const CONSOLE_DECLARATION = `declare const console: {
  log(...args: unknown[]): void; info(...args: unknown[]): void; warn(...args: unknown[]): void;
  error(...args: unknown[]): void; debug(...args: unknown[]): void;
};`;

type TfTypes = { libs: { path: string; content: string }[] };
type ContentSchemas = { exercise: object; quiz: object };

let loading: Promise<Awaited<ReturnType<typeof load>>> | undefined;

export function loadMonaco() {
  loading ??= load();
  loading.catch(() => (loading = undefined));
  return loading;
}

async function load() {
  const [react, monaco] = await Promise.all([import('@monaco-editor/react'), import('monaco-editor')]);
  self.MonacoEnvironment = {
    // One worker per language service; without the JSON one every JSON request fails in the console.
    getWorker: (_id: string, label: string) => {
      if (label === 'typescript' || label === 'javascript') return new Worker(new URL('monaco-editor/language/typescript/ts.worker.js', import.meta.url), { type: 'module' });
      if (label === 'json') return new Worker(new URL('monaco-editor/language/json/json.worker.js', import.meta.url), { type: 'module' });
      return new Worker(new URL('monaco-editor/editor/editor.worker.js', import.meta.url), { type: 'module' });
    },
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
  // exercise.json and quiz.json are checked against the loader's own schemas (authoring editor only).
  void fetch('/api/editor/content-schemas')
    .then((r) => (r.ok ? (r.json() as Promise<ContentSchemas>) : Promise.reject(new Error(String(r.status)))))
    .then(({ exercise, quiz }) =>
      monaco.json.jsonDefaults.setDiagnosticsOptions({
        validate: true,
        allowComments: false,
        enableSchemaRequest: false,
        schemas: [
          { uri: 'tensorgrade:schemas/exercise.json', fileMatch: ['**/authoring/exercise.json'], schema: exercise },
          { uri: 'tensorgrade:schemas/quiz.json', fileMatch: ['**/authoring/quiz.json'], schema: quiz },
        ],
      }),
    )
    .catch(() => {});
  return { Editor: react.Editor, DiffEditor: react.DiffEditor, monaco };
}

export type LoadedMonaco = Awaited<ReturnType<typeof loadMonaco>>;
