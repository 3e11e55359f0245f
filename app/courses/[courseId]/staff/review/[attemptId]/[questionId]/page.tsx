import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { forbiddenOnRefusal, requireCapability } from '@/app/_lib/authz';
import { Markdown } from '@/app/_components/markdown/markdown';
import { selectReviewAnswer, selectReviewQueue } from '@/db/queries/review-queue';
import { FilterSchema, reviewPath } from '../../review.types';
import { GradeForm } from '../../grade-form';
import { ClaimEvidenceList } from '../../claim-evidence';
import { InlineMarkdown } from '@/app/_components/markdown/markdown';
import { formatPercent } from '@/app/_lib/format-percent.shared';
import { kindOf } from '@/graders/quiz/types';
import { describeParams } from '@/graders/quiz/params';

export const metadata: Metadata = { title: 'Review an answer' };

/** One answer: the question, the model answer, the rubric with the machine's credits ticked, the student's words. */
export default async function ReviewAnswerPage({ params, searchParams }: { params: Promise<{ courseId: string; attemptId: string; questionId: string }>; searchParams: Promise<{ filter?: string }> }) {
  const { courseId, attemptId, questionId: rawQuestionId } = await params;
  const questionId = decodeURIComponent(rawQuestionId);
  const filter = FilterSchema.parse((await searchParams).filter);
  const key = { attemptId, questionId };
  const { user, course } = await requireCapability(courseId, 'reviews.grade', reviewPath(courseId, key, filter));
  const [answer, queue] = await Promise.all([forbiddenOnRefusal(selectReviewAnswer(user.id, course.id, key)), forbiddenOnRefusal(selectReviewQueue(user.id, course.id, filter))]);
  if (!answer) notFound();
  const { question } = answer;
  const at = queue.findIndex((r) => r.attemptId === attemptId && r.questionId === questionId);
  const neighbour = (i: number) => (queue[i] && i !== at ? reviewPath(course.id, queue[i], filter) : null);
  const previous = at > 0 ? neighbour(at - 1) : null;
  // Once this answer is graded it leaves the queue, so "next" is whatever follows it now.
  const next = neighbour(at === -1 ? 0 : at + 1);
  const review = kindOf(question).review?.(question);
  const rubric = review?.items ?? [];
  const credited = new Set((answer.conceptsFound ?? []).filter((c) => c.found).map((c) => c.id));
  const text = typeof answer.answer === 'string' ? answer.answer : JSON.stringify(answer.answer);

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={reviewPath(course.id, undefined, filter)} className="link">
          Review queue
        </Link>
        {at >= 0 && (
          <span className="ml-2 text-slate-500">
            {at + 1} of {queue.length}
          </span>
        )}
      </nav>
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">
          {answer.studentName} · <InlineMarkdown>{answer.quizTitle}</InlineMarkdown> · {question.id}
        </h1>
        <p className="text-sm text-slate-600">
          Attempt {answer.attempt} · machine suggestion {answer.autoPoints ?? 0} / {question.points} points
          {answer.autoConfidence !== null && ` (confidence ${formatPercent(answer.autoConfidence)})`}
          {answer.manualPoints !== null && ` · graded: ${answer.manualPoints} points`}
          {answer.claimedByName && ` · claimed by ${answer.claimedByName}`}
        </p>
      </header>
      <div className="grid gap-6 lg:grid-cols-2">
        <section className="card space-y-3" aria-labelledby="question-heading">
          <h2 id="question-heading" className="text-lg font-semibold">
            Question
          </h2>
          {/* As the student saw it: a variant question shows their own numbers. */}
          <Markdown>{answer.variant?.prompt ?? question.prompt}</Markdown>
          {answer.variant && (
            <p className="text-sm text-slate-600" data-testid="variant">
              Student&apos;s numbers: {describeParams(answer.variant.params)} · expected {answer.variant.expected}
            </p>
          )}
          {review?.modelAnswer && (
            <div className="rounded-md bg-emerald-50 p-3 text-sm">
              <p className="font-medium text-emerald-900">Model answer</p>
              <Markdown>{review.modelAnswer}</Markdown>
            </div>
          )}
          <div className="rounded-md bg-slate-50 p-3 text-sm" data-testid="student-answer">
            <p className="font-medium text-slate-700">Student&apos;s answer</p>
            <p className="whitespace-pre-wrap">{text}</p>
          </div>
          {review && (
            <div className="rounded-md border border-slate-200 p-3" data-testid="machine-evidence">
              <p className="mb-2 font-medium text-slate-700">What the machine read</p>
              <ClaimEvidenceList concepts={answer.conceptsFound ?? []} />
            </div>
          )}
        </section>
        <section className="card" aria-labelledby="grade-heading">
          <h2 id="grade-heading" className="mb-3 text-lg font-semibold">
            Grade
          </h2>
          <GradeForm
            courseId={course.id}
            answerKey={key}
            maxPoints={question.points}
            rubric={rubric.map((r) => ({ id: r.id, label: r.label, points: r.points, credited: credited.has(r.id) }))}
            initialPoints={answer.manualPoints ?? answer.autoPoints ?? 0}
            initialComment={answer.comment ?? ''}
            previous={previous}
            next={next ?? reviewPath(course.id, undefined, filter)}
          />
        </section>
      </div>
    </div>
  );
}
