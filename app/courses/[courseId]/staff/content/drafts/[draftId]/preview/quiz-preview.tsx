import { Markdown } from '@/app/_components/markdown/markdown';
import { QuizForm } from '@/app/_components/quiz/quiz-form';
import { checkQuizText } from '@/graders/authoring/quiz';
import { toPublicQuiz } from '@/graders/quiz/public';
import { ProblemList } from '../../../problem-list';
import { refusePreviewSubmitAction } from '../../../actions';
import { InlineMarkdown } from '@/app/_components/markdown/markdown';

/** A quiz draft as a student's open attempt shows it, read-only: no attempt row, no answers saved. */
export function QuizPreview({ courseId, text }: { courseId: string; text: string }) {
  const checked = checkQuizText(text);
  if ('problems' in checked) return <ProblemList problems={checked.problems} title="This quiz cannot be previewed yet" />;
  const quiz = toPublicQuiz(checked.quiz, 'preview');
  return (
    <div className="space-y-4" data-testid="quiz-preview">
      <header className="card space-y-2">
        <h1 className="text-2xl font-semibold">
          <InlineMarkdown>{quiz.title}</InlineMarkdown>
        </h1>
        {quiz.description && <Markdown>{quiz.description}</Markdown>}
      </header>
      <QuizForm
        closed
        saveUrl=""
        submitAction={refusePreviewSubmitAction}
        view={{ attemptId: 'preview', itemId: 'preview', courseId, attempt: 0, status: 'in_progress', isLate: false, submittedAt: null, quiz, answers: {}, result: null, feedbackAt: null }}
      />
    </div>
  );
}
