import type { Metadata } from 'next';
import { forbiddenOnRefusal, requireCapability } from '@/app/_lib/authz';
import { selectExerciseAnalytics, selectQuizAnalytics } from '@/db/queries/analytics';
import { ExerciseCard } from './exercise-card';
import { QuizCard } from './quiz-card';
import { StaffBreadcrumb } from '../staff-breadcrumb';

export const metadata: Metadata = { title: 'Analytics' };

export default async function AnalyticsPage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const { user, course } = await requireCapability(courseId, 'analytics.view', `/courses/${courseId}/staff/analytics`);
  const [exercises, quizzes] = await forbiddenOnRefusal(Promise.all([selectExerciseAnalytics(user.id, course.id), selectQuizAnalytics(user.id, course.id)]));
  return (
    <div className="space-y-6">
      <StaffBreadcrumb course={course} />
      <h1 className="text-2xl font-semibold">Analytics</h1>
      <p className="text-sm text-slate-600">Students only (staff test runs are left out), published assignments, the grading run that counts.</p>
      <section className="space-y-4" aria-labelledby="exercises-heading">
        <h2 id="exercises-heading" className="text-xl font-semibold">
          Exercises
        </h2>
        {exercises.length === 0 ? <p className="text-slate-600">No published exercise items.</p> : exercises.map((s) => <ExerciseCard key={s.itemId} courseId={course.id} stats={s} />)}
      </section>
      <section className="space-y-4" aria-labelledby="quizzes-heading">
        <h2 id="quizzes-heading" className="text-xl font-semibold">
          Quizzes
        </h2>
        {quizzes.length === 0 ? <p className="text-slate-600">No published quiz items.</p> : quizzes.map((s) => <QuizCard key={s.itemId} stats={s} />)}
      </section>
    </div>
  );
}
