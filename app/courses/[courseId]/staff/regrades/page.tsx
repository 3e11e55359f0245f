import type { Metadata } from 'next';
import { forbiddenOnRefusal, requireCapability } from '@/app/_lib/authz';
import { can } from '@/db/permissions';
import { selectCourseMembers } from '@/db/queries/courses';
import { selectCourseExercises, selectRegradeResults, selectRegradeRuns, summarizeRegrade } from '@/db/queries/regrades';
import { RefreshWhileRunning } from './refresh-while-running';
import { RegradeRun } from './regrade-run';
import { StartRegradeForm } from './start-regrade-form';
import { markdownToPlainText } from '@/app/_components/markdown/plain-text.shared';
import { StaffBreadcrumb } from '../staff-breadcrumb';

export const metadata: Metadata = { title: 'Regrades' };

/**
 * Re-run submissions against an exercise's current version (after a fix or a new version), see what
 * would change, then accept or discard. `?exercise=<id>` preselects the exercise (the authoring page
 * links here after publishing).
 */
export default async function RegradesPage({ params, searchParams }: { params: Promise<{ courseId: string }>; searchParams: Promise<{ exercise?: string | string[] }> }) {
  const { courseId } = await params;
  const { exercise: wanted } = await searchParams;
  const { user, course } = await requireCapability(courseId, 'regrade.run', `/courses/${courseId}/staff/regrades`);
  const canDecide = can(course.role, 'regrade.decide');
  const [exercises, members, runs] = await Promise.all([
    forbiddenOnRefusal(selectCourseExercises(user.id, course.id)),
    forbiddenOnRefusal(selectCourseMembers(user.id, course.id)),
    forbiddenOnRefusal(selectRegradeRuns(user.id, course.id)),
  ]);
  const summaries = await Promise.all(runs.map(async (run) => (run.status === 'running' ? null : summarizeRegrade(await forbiddenOnRefusal(selectRegradeResults(user.id, course.id, run.id))))));
  const students = members.filter((m) => m.role === 'student').map((m) => ({ id: m.userId, label: `${m.name} (${m.email})` }));
  const preselected = exercises.find((e) => e.id === wanted)?.id;
  return (
    <div className="space-y-6">
      <RefreshWhileRunning active={runs.some((run) => run.status === 'running')} />
      <StaffBreadcrumb course={course} />
      <h1 className="text-2xl font-semibold">Regrades</h1>
      <section className="card" aria-labelledby="start-heading">
        <h2 id="start-heading" className="mb-3 text-lg font-semibold">
          Start a regrade
        </h2>
        {exercises.length === 0 ? (
          <p className="text-slate-600">No assignment in this course uses an exercise yet.</p>
        ) : (
          <StartRegradeForm courseId={course.id} exercises={exercises.map((e) => ({ id: e.id, label: markdownToPlainText(e.title) }))} students={students} exerciseId={preselected} />
        )}
      </section>
      <section aria-labelledby="runs-heading" className="space-y-3">
        <h2 id="runs-heading" className="text-lg font-semibold">
          Recent regrades
        </h2>
        {runs.length === 0 ? (
          <p className="text-slate-600">No regrades yet.</p>
        ) : (
          <ul className="space-y-3">
            {runs.map((run, i) => (
              <RegradeRun key={run.id} courseId={course.id} timeZone={course.timeZone} run={run} summary={summaries[i]} canDecide={canDecide} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
