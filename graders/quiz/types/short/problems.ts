import { compilePhrase, ignoredWords } from './phrase';
import type { ShortQuestion } from './schema';
import { analyse } from './text';

/**
 * A phrasing must say something the question does not: one content word alone ("margin") is named by
 * any list of terms, and one made only of the prompt's words is earned by copying the question.
 * Claims are exempt from the one-word rule, as their subject is the second word.
 */
export function phrasingProblems(q: ShortQuestion): string[] {
  const problems: string[] = [];
  const promptStems = new Set(analyse(q.prompt).words.map((w) => w.stem));
  const groups: [string, string[], boolean][] = [
    ...q.rubric.map((r) => [`rubric ${r.id}`, r.phrasings, true] as [string, string[], boolean]),
    ...q.rubric.flatMap((r) => r.claims.map((c) => [`rubric ${r.id}: claim "${c.label}"`, c.phrasings, false] as [string, string[], boolean])),
    ...q.misconceptions.map((m) => [`misconception ${m.id}`, m.phrasings, !m.subject] as [string, string[], boolean]),
  ];
  for (const [label, phrasings, needsTwoWords] of groups) {
    for (const phrasing of phrasings) {
      const ignored = ignoredWords(phrasing);
      if (ignored.length) problems.push(`${label}: "${phrasing}" ignores ${ignored.map((w) => `"${w}"`).join(', ')} (too common to match on)`);
      const { terms } = compilePhrase(phrasing, promptStems);
      if (needsTwoWords && terms.length < 2 && !terms.some((t) => t.negated))
        problems.push(`${label}: "${phrasing}" is a single word; a list of terms would match it (give two words, or make it a claim about a subject)`);
      else if (terms.length > 0 && terms.every((t) => !t.informative)) problems.push(`${label}: "${phrasing}" uses only words of the question; copying the prompt would earn it`);
    }
  }
  for (const s of q.subjects) {
    for (const m of s.mentions) {
      if (analyse(m).words.length !== 1) problems.push(`subject ${s.id}: mention "${m}" must be one content word`);
    }
  }
  return problems;
}
