import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { checkStatement } from './statement';

it('accepts the triplet-loss statement', async () => {
  expect(checkStatement(await readFile('exercises/triplet-loss/statement.md', 'utf8'))).toEqual([]);
});

it('reports invalid LaTeX with its line, and ignores dollars in code', () => {
  const problems = checkStatement('# T\n\nCost `$5` is fine.\n\n$$\n\\frac{1}{\n$$\n');
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatch(/^line 5: KaTeX parse error/);
});

it('reports a missing title and an unmatched dollar', () => {
  expect(checkStatement('no title, and $x$ and a stray $ sign')).toEqual(['no "# Title" heading', 'an unmatched $ (escape a literal dollar as \\$)']);
});
