import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireUser } from '@/app/_lib/authz';
import { ExerciseWorkspace } from '@/app/_components/exercise/exercise-workspace';
import { ExerciseStatement } from '@/app/_components/exercise/exercise-statement';
import type { HistoryEntry } from '@/app/_components/exercise/types.shared';
import { selectExerciseItemPage } from '@/db/queries/student-items';
import { selectOwnDraft } from '@/db/queries/drafts';
import { selectOwnSubmissionsForItem } from '@/db/queries/submissions';
import { submissionWindow } from '@/db/queries/assignments';
import { ExerciseMetaSchema } from '@/graders/content/exercise-schema';
import { selectOwnFinalScores } from '@/db/queries/student-feedback';
import { selectOwnItemScore } from '@/db/queries/scores';
import { FinalScoreNote } from '../final-score-note';

export const metadata: Metadata = { title: 'Exercise' };

export default async function ExercisePage({ params }: { params: Promise<{ courseId: string; itemId: string }> }) {
  const { courseId, itemId } = await params;
  const user = await requireUser(`/courses/${courseId}/items/${itemId}`);
  const item = await selectExerciseItemPage(user.id, itemId);
  if (!item || item.courseId !== courseId) notFound();
  const meta = ExerciseMetaSchema.parse(item.meta);
  const [draft, { rows: submissions, feedbackHeldUntil }, finals, score] = await Promise.all([
    selectOwnDraft(user.id, item.exerciseId),
    selectOwnSubmissionsForItem(user.id, itemId),
    selectOwnFinalScores(user.id, [itemId]),
    selectOwnItemScore(user.id, courseId, itemId),
  ]);
  const window = submissionWindow(item, new Date());
  const due = item.extendedDueAt ?? item.dueAt;

  // Plain objects only: nothing from the database row types reaches the client component.
  const history: HistoryEntry[] = submissions.map((s) => ({
    id: s.id,
    attempt: s.attempt,
    status: s.status,
    score: s.score,
    isLate: s.isLate,
    createdAt: s.createdAt.toISOString(),
    code: s.code,
  }));

  return (
    <div className="space-y-4 xl:-mx-24">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/courses/${courseId}`} className="link">
          {item.assignmentTitle}
        </Link>
      </nav>
      {!feedbackHeldUntil && <FinalScoreNote final={finals.get(itemId)} points={item.points} best={score?.best ?? null} />}
      <ExerciseWorkspace
        courseId={courseId}
        itemId={itemId}
        exercise={{ versionHash: item.versionHash, stub: item.stub, entry: meta.entry, limits: meta.limits, scalarLosses: meta.scalarLosses, visualize: item.visualize }}
        initialCode={draft?.code ?? item.stub}
        draftSavedAt={draft?.updatedAt.toISOString() ?? null}
        submitInfo={{
          open: window.open,
          late: window.late,
          reason: window.reason ?? null,
          maxAttempts: item.maxAttempts,
          dueAt: due?.toISOString() ?? null,
          latePenaltyPerDay: item.latePenaltyPerDay,
          feedbackHeldUntil: feedbackHeldUntil?.toISOString() ?? null,
        }}
        history={history}
        statement={<ExerciseStatement title={item.title} topic={item.topic} difficulty={item.difficulty} points={item.points} statement={item.statement} hints={meta.hints} />}
      />
    </div>
  );
}
