import type { ClaimEvidence, ConceptResult } from '@/graders/quiz/result';

// What the machine read in a short answer, claim by claim: which sentence matched which rubric claim,
// and whether it counted, so a grader can check a suggestion without re-reading the rubric.

const VERDICT: Record<ClaimEvidence['verdict'], { text: string; className: string }> = {
  credited: { text: 'credited', className: 'bg-emerald-100 text-emerald-900' },
  contradicted: { text: 'contradiction', className: 'bg-red-100 text-red-900' },
  negated: { text: 'denied', className: 'bg-red-100 text-red-900' },
  partial: { text: 'partly stated', className: 'bg-amber-100 text-amber-900' },
  unattributed: { text: 'said of no subject', className: 'bg-amber-100 text-amber-900' },
};

export function ClaimEvidenceList({ concepts }: { concepts: ConceptResult[] }) {
  const withEvidence = concepts.filter((c) => c.matches?.length);
  if (withEvidence.length === 0) return <p className="text-sm text-slate-500">The machine matched no rubric claim in this answer.</p>;
  return (
    <ul className="space-y-3 text-sm" aria-label="Evidence">
      {withEvidence.map((c) => (
        <li key={c.id} data-testid={`evidence-${c.id}`}>
          <p className="font-medium">
            {c.label} <span className="text-slate-500">({c.status ?? (c.found ? 'credited' : 'missing')})</span>
          </p>
          <ul className="mt-1 space-y-1 pl-4">
            {c.matches!.map((m, i) => (
              <li key={i} className="flex flex-wrap items-baseline gap-2">
                <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${VERDICT[m.verdict].className}`}>{VERDICT[m.verdict].text}</span>
                <span>
                  “{m.words}”{m.saidOf ? ` — said of ${m.saidOf}` : ''}
                  {m.claim !== c.label ? <span className="text-slate-500"> · claim: {m.claim}</span> : null}
                  {m.sentence && m.sentence !== m.words ? <span className="block text-slate-500">in: {m.sentence}</span> : null}
                </span>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
