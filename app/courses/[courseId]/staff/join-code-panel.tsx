import { SubmitButton } from '@/app/_components/form-controls';
import { regenerateCourseJoinCodeAction } from './actions';

export function JoinCodePanel({ courseId, joinCode }: { courseId: string; joinCode: string }) {
  return (
    <section className="card space-y-3" aria-labelledby="join-code-heading">
      <h2 id="join-code-heading" className="text-lg font-semibold">
        Join code
      </h2>
      <p className="text-sm text-slate-600">Students enter this code on their courses page to join as students.</p>
      <p>
        <code className="rounded-md bg-slate-100 px-3 py-1.5 font-mono text-xl tracking-widest" data-testid="join-code">
          {joinCode}
        </code>
      </p>
      <form action={regenerateCourseJoinCodeAction}>
        <input type="hidden" name="courseId" value={courseId} />
        <SubmitButton className="btn-secondary" pendingLabel="Generating…">
          Generate a new code
        </SubmitButton>
        <p className="mt-1 text-xs text-slate-500">The old code stops working; members stay enrolled.</p>
      </form>
    </section>
  );
}
