'use client';

type Meta = Record<string, unknown>;

function parse(text: string): Meta | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Meta) : null;
  } catch {
    return null;
  }
}

/**
 * The common exercise.json fields as a form. It edits the same JSON text as the exercise.json
 * tab (limits, tags and hints live there), so the two never disagree.
 */
export function MetadataForm({ json, onChange }: { json: string; onChange(json: string): void }) {
  const meta = parse(json);
  if (!meta) return <p className="text-sm text-red-700">exercise.json is not valid JSON: fix it in the exercise.json tab.</p>;
  const set = (key: string, value: unknown) => onChange(`${JSON.stringify({ ...meta, [key]: value }, null, 2)}\n`);
  const text = (key: string) => (typeof meta[key] === 'string' || typeof meta[key] === 'number' ? String(meta[key]) : '');
  const field = 'mt-1 input py-1.5 text-sm';
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-6">
      <label className="block text-sm font-medium lg:col-span-1">
        Id
        <input className={`${field} bg-slate-100`} value={text('id')} readOnly aria-describedby="id-note" />
        <span id="id-note" className="text-xs font-normal text-slate-500">
          fixed once created
        </span>
      </label>
      <label className="block text-sm font-medium lg:col-span-2">
        Title
        <input className={field} value={text('title')} onChange={(e) => set('title', e.target.value)} />
      </label>
      <label className="block text-sm font-medium lg:col-span-2">
        Topic
        <input className={field} value={text('topic')} onChange={(e) => set('topic', e.target.value)} />
      </label>
      <label className="block text-sm font-medium">
        Difficulty
        <select className={field} value={text('difficulty')} onChange={(e) => set('difficulty', e.target.value)}>
          {['intro', 'core', 'challenge'].map((d) => (
            <option key={d}>{d}</option>
          ))}
        </select>
      </label>
      <label className="block text-sm font-medium">
        Points
        <input className={field} type="number" min={0} step="any" value={text('points')} onChange={(e) => set('points', Number(e.target.value))} />
      </label>
      <label className="block text-sm font-medium lg:col-span-3">
        Entry functions (comma-separated)
        <input
          className={field}
          // Applied on blur: splitting while typing would swallow the comma being typed.
          key={Array.isArray(meta.entry) ? meta.entry.join(', ') : ''}
          defaultValue={Array.isArray(meta.entry) ? meta.entry.join(', ') : ''}
          onBlur={(e) =>
            set(
              'entry',
              e.target.value
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean),
            )
          }
        />
      </label>
    </div>
  );
}
