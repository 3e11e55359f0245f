'use client';

import { useState } from 'react';
import { publishQuizAction, validateQuizDraftAction } from '../../actions';
import { ActionBar } from './action-bar';
import { AuthoringCodeEditor } from './authoring-code-editor';
import { OutcomePanel } from './outcome-panel';
import { useAuthoringAction } from './use-authoring-action';

/** The quiz file as JSON in Monaco; Validate runs the schema and the quiz graders' own checks. */
export function QuizEditor({ courseId, draftId, file, initialText, published }: { courseId: string; draftId: string; file: string; initialText: string; published: boolean }) {
  const [text, setText] = useState(initialText);
  const action = useAuthoringAction(courseId, draftId, { [file]: text });
  return (
    <div className="space-y-4">
      <section className="card space-y-3 p-3 sm:p-4">
        <p className="text-sm text-slate-600">
          The format is described in graders/quiz/README.md: concepts, then questions of type single, multiple, numeric, formula, short (with a rubric) or ordering.
        </p>
        <div className="h-[60vh] min-h-80">
          <AuthoringCodeEditor file={file} language="json" value={text} onChange={setText} />
        </div>
        <ActionBar
          action={action}
          validate={validateQuizDraftAction}
          publish={publishQuizAction}
          published={published}
          previewHref={`/courses/${courseId}/staff/content/drafts/${draftId}/preview`}
          validatingNote="model answers are scored by the quiz graders."
        />
      </section>
      {action.outcome && <OutcomePanel courseId={courseId} outcome={action.outcome} />}
    </div>
  );
}
