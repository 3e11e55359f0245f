import { readFile } from 'node:fs/promises';
import { ContentError, loadExercise } from './content/load';
import { createGrader } from './grader';
import { formatReport } from './format';

const USAGE = 'usage: npm run grade -- exercises/<slug> path/to/solution.js [--json]';

// Exit 0 whatever the score; non-zero only when the report could not be produced.
async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const [dir, file, ...rest] = argv.filter((a) => a !== '--json');
  if (!dir || !file || rest.length) {
    console.error(USAGE);
    return 2;
  }
  let code: string;
  try {
    code = await readFile(file, 'utf8');
  } catch {
    console.error(`cannot read ${file}\n${USAGE}`);
    return 2;
  }
  const exercise = await loadExercise(dir);
  // One job: no isolates kept warm for jobs that will not come.
  const report = await createGrader({ concurrency: 1, warmIsolates: 0 }).grade({ exercise, code });
  console.log(json ? JSON.stringify(report, null, 2) : formatReport(report, exercise.meta.title));
  return report.status === 'error' ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof ContentError ? `exercise content: ${err.message}` : err);
    process.exit(err instanceof ContentError ? 2 : 1);
  },
);
