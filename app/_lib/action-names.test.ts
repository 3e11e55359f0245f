import { globSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

// One naming rule for server actions: every function an actions.ts exports ends in "Action", so a
// form's action is never mistaken for the db/services function of the same verb it calls.
it('every exported server action is named …Action', () => {
  const files = globSync('app/**/actions.ts');
  expect(files.length).toBeGreaterThan(5);
  const offenders = files.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/^export (?:async )?function (\w+)/gm)]
      .map((m) => m[1])
      .filter((name) => !name.endsWith('Action'))
      .map((name) => `${file}: ${name}`),
  );
  expect(offenders).toEqual([]);
});
