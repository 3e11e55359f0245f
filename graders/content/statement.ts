import katex from 'katex';

/**
 * Checks that a statement renders: every $…$ and $$…$$ span must be valid KaTeX. The Markdown
 * itself always renders; math is where authors make mistakes that only show in the browser.
 */
export function checkStatement(markdown: string): string[] {
  const problems: string[] = [];
  if (!/^#\s+\S/m.test(markdown)) problems.push('no "# Title" heading');
  // Code spans and blocks may contain dollar signs that are not math.
  const text = markdown.replace(/```[\s\S]*?```/g, (m) => m.replace(/[^\n]/g, ' ')).replace(/`[^`\n]*`/g, (m) => ' '.repeat(m.length));
  const math = /\$\$([\s\S]+?)\$\$|\$([^$\n]+?)\$/g;
  for (let m = math.exec(text); m; m = math.exec(text)) {
    const tex = m[1] ?? m[2];
    try {
      katex.renderToString(tex, { displayMode: m[1] !== undefined, throwOnError: true, strict: 'ignore' });
    } catch (err) {
      const line = text.slice(0, m.index).split('\n').length;
      problems.push(`line ${line}: ${(err as Error).message}`);
    }
  }
  if (
    (
      text
        .replace(/\$\$[\s\S]+?\$\$/g, '')
        .replace(/\$[^$\n]+?\$/g, '')
        .match(/(?<!\\)\$/g) ?? []
    ).length
  ) {
    problems.push('an unmatched $ (escape a literal dollar as \\$)');
  }
  return problems;
}
