import type { GradeReport } from '@/graders/report';

/** Per-test results of a GradeReport, from Run (visible tests) or from the server (all tests). */
export function ReportView({ report, testId }: { report: GradeReport; testId: string }) {
  const passed = report.tests.filter((t) => t.passed).length;
  return (
    <div className="space-y-3" data-testid={testId}>
      {report.error && <p className="rounded-md bg-red-50 p-3 text-sm text-red-800">{report.error}</p>}
      {report.diagnosis && (
        // The likely mistake, said once; the tests below only say whether it accounts for them.
        <div role="status" data-testid="diagnosis" data-diagnosis={report.diagnosis.id} className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          <p className="font-medium">Most likely mistake</p>
          <p className="mt-1">{report.diagnosis.message}</p>
        </div>
      )}
      <p className="text-sm font-medium text-slate-700">
        {passed} of {report.tests.length} tests passed
      </p>
      <ul className="space-y-2">
        {report.tests.map((test) => (
          <li
            key={test.id}
            data-testid="test-result"
            data-passed={test.passed}
            className={`rounded-md border p-3 text-sm ${test.passed ? 'border-emerald-200 bg-emerald-50' : 'border-red-200 bg-red-50'}`}
          >
            <p className="flex flex-wrap items-baseline gap-x-2">
              <span aria-hidden="true" className={test.passed ? 'text-emerald-700' : 'text-red-700'}>
                {test.passed ? '✓' : '✗'}
              </span>
              <span className="font-medium">{test.name}</span>
              <span className="sr-only">{test.passed ? 'passed' : 'failed'}</span>
              {!test.visible && <span className="rounded bg-slate-200 px-1.5 text-xs text-slate-700">hidden</span>}
              <span className="ml-auto text-xs text-slate-500">
                {test.points}/{test.maxPoints} pts
              </span>
            </p>
            {!test.passed && <p className="mt-1 break-words font-mono text-xs text-red-900">{test.message}</p>}
            {!test.passed && test.expected !== undefined && (
              <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-2 font-mono text-xs text-slate-700">
                <dt>expected</dt>
                <dd className="break-all">{test.expected}</dd>
                <dt>actual</dt>
                <dd className="break-all">{test.actual ?? '—'}</dd>
              </dl>
            )}
          </li>
        ))}
      </ul>
      {report.logs.length > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer text-slate-700">
            console output ({report.logs.length} lines{report.logsTruncated ? ', truncated' : ''})
          </summary>
          <pre className="mt-1 max-h-48 overflow-auto rounded bg-slate-900 p-2 text-xs text-slate-100">{report.logs.join('\n')}</pre>
        </details>
      )}
    </div>
  );
}
