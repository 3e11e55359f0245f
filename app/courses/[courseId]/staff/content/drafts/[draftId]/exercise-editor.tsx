'use client';

import { useState } from 'react';
import { Markdown } from '@/app/_components/markdown/markdown';
import { publishDraftAction, validateDraftAction } from '../../actions';
import { ActionBar } from './action-bar';
import { AuthoringCodeEditor } from './authoring-code-editor';
import { MetadataForm } from './metadata-form';
import { OutcomePanel } from './outcome-panel';
import { useAuthoringAction } from './use-authoring-action';

const TABS = ['statement.md', 'stub.js', 'reference.js', 'tests.js', 'exercise.json'] as const;
type Tab = (typeof TABS)[number];

type Props = { courseId: string; draftId: string; initialFiles: Record<string, string>; published: boolean };

export function ExerciseEditor({ courseId, draftId, initialFiles, published }: Props) {
  const [files, setFiles] = useState(initialFiles);
  const [tab, setTab] = useState<Tab>('statement.md');
  const action = useAuthoringAction(courseId, draftId, files);
  const { outcome } = action;
  const setFile = (name: string) => (text: string) => setFiles((f) => ({ ...f, [name]: text }));

  return (
    <div className="space-y-4">
      <section className="card space-y-3" aria-label="Metadata">
        <MetadataForm json={files['exercise.json'] ?? ''} onChange={setFile('exercise.json')} />
      </section>
      <section className="card space-y-3 p-3 sm:p-4">
        <div role="tablist" aria-label="Exercise files" className="flex flex-wrap gap-1 border-b border-slate-200">
          {TABS.map((name) => (
            <button
              key={name}
              role="tab"
              type="button"
              aria-selected={tab === name}
              className={`rounded-t-md px-3 py-1.5 font-mono text-sm ${tab === name ? 'bg-indigo-600 text-white' : 'text-slate-700 hover:bg-slate-100'}`}
              onClick={() => setTab(name)}
            >
              {name}
            </button>
          ))}
        </div>
        <div role="tabpanel" aria-label={tab} className="h-[55vh] min-h-80">
          {tab === 'statement.md' ? (
            <div className="grid h-full gap-3 lg:grid-cols-2">
              <textarea
                aria-label="statement.md source"
                className="h-full min-h-80 w-full resize-none rounded-md border border-slate-300 p-3 font-mono text-sm"
                value={files['statement.md'] ?? ''}
                onChange={(e) => setFile('statement.md')(e.target.value)}
              />
              <div className="overflow-y-auto rounded-md border border-slate-200 p-3" aria-label="Statement preview" data-testid="statement-preview">
                <Markdown>{files['statement.md'] ?? ''}</Markdown>
              </div>
            </div>
          ) : (
            <AuthoringCodeEditor key={tab} file={tab} language={tab.endsWith('.json') ? 'json' : 'javascript'} value={files[tab] ?? ''} onChange={setFile(tab)} />
          )}
        </div>
        <ActionBar
          action={action}
          validate={validateDraftAction}
          publish={publishDraftAction}
          published={published}
          previewHref={`/courses/${courseId}/staff/content/drafts/${draftId}/preview`}
          validatingNote="the reference and the stub run in a sandbox."
        />
      </section>
      {outcome && <OutcomePanel courseId={courseId} outcome={outcome} />}
    </div>
  );
}
