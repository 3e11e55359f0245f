import type { QuizAttemptView } from '@/db/services/quiz-attempt-view';
import type { FormState } from '@/app/_lib/form-state.shared';
import { QuizAutosaveProvider } from './autosave';
import { QuestionInput } from './question-input';
import { Markdown } from '@/app/_components/markdown/markdown';
import { SubmitAttempt } from './submit-attempt';

/** An open attempt: prompts and options rendered here on the server, inputs and autosave on the client. */
export function QuizForm(props: { view: QuizAttemptView; saveUrl: string; submitAction: (previous: FormState, formData: FormData) => Promise<FormState>; closed?: boolean }) {
  const { view } = props;
  return (
    <QuizAutosaveProvider saveUrl={props.saveUrl} attemptId={view.attemptId} initialAnswers={view.answers} disabled={props.closed}>
      <ol className="space-y-4">
        {view.quiz.questions.map((q, i) => {
          const promptId = `prompt-${q.id}`;
          return (
            <li key={q.id}>
              <section className="card space-y-3" data-testid={`question-${q.id}`} aria-labelledby={`title-${q.id}`}>
                <h2 id={`title-${q.id}`} className="text-sm font-semibold text-slate-500">
                  Question {i + 1} · {q.points} {q.points === 1 ? 'point' : 'points'}
                </h2>
                <div id={promptId}>
                  <Markdown>{q.prompt}</Markdown>
                </div>
                <QuestionInput
                  promptId={promptId}
                  question={q}
                  labels={
                    'options' in q
                      ? Object.fromEntries(
                          q.options.map((o) => [
                            o.id,
                            <Markdown key={o.id} inline>
                              {o.text}
                            </Markdown>,
                          ]),
                        )
                      : {}
                  }
                />
              </section>
            </li>
          );
        })}
      </ol>
      {!props.closed && <SubmitAttempt action={props.submitAction} courseId={view.courseId} itemId={view.itemId} attemptId={view.attemptId} questionIds={view.quiz.questions.map((q) => q.id)} />}
    </QuizAutosaveProvider>
  );
}
