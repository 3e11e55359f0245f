import ReactMarkdown, { type Components } from 'react-markdown';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import 'katex/dist/katex.min.css';

// Inline formulas never break inside (between a letter and its subscript, or after an operator):
// a wrapped $x_{t-1}$ reads as two symbols.
const MATH = '[&_.katex]:whitespace-nowrap';

// No typography plugin is installed: the few elements statements use, styled here.
const PROSE = [
  'space-y-3 text-[15px] leading-relaxed text-slate-800',
  '[&_h1]:text-2xl [&_h1]:font-semibold [&_h1]:text-slate-900',
  '[&_h2]:mt-5 [&_h2]:text-lg [&_h2]:font-semibold [&_h2]:text-slate-900',
  '[&_h3]:mt-4 [&_h3]:font-semibold',
  '[&_ul]:list-disc [&_ul]:space-y-1 [&_ul]:pl-6 [&_ol]:list-decimal [&_ol]:space-y-1 [&_ol]:pl-6',
  '[&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_code]:py-0.5 [&_code]:font-mono [&_code]:text-[13px]',
  '[&_pre]:overflow-x-auto [&_pre]:rounded-md [&_pre]:bg-slate-900 [&_pre]:p-3 [&_pre]:text-slate-100 [&_pre_code]:bg-transparent [&_pre_code]:p-0',
  '[&_a]:text-indigo-700 [&_a]:underline',
  '[&_.katex-display]:overflow-x-auto [&_.katex-display]:overflow-y-hidden [&_.katex-display]:py-1',
  MATH,
].join(' ');

/** The one Markdown + LaTeX pipeline. Raw HTML is not rendered (react-markdown skips it) and link URLs are sanitised. */
function Pipeline({ children, components, disallowedElements }: { children: string; components?: Components; disallowedElements?: string[] }) {
  return (
    <ReactMarkdown remarkPlugins={[remarkMath]} rehypePlugins={[rehypeKatex]} components={components} disallowedElements={disallowedElements} unwrapDisallowed>
      {children}
    </ReactMarkdown>
  );
}

/**
 * Statement, prompt and option text: Markdown with $inline$ and $$display$$ LaTeX, rendered on the
 * server so the page ships no Markdown or KaTeX JavaScript. `inline` keeps short text (a choice
 * option) on its line.
 */
export function Markdown({ children, className = '', inline = false }: { children: string; className?: string; inline?: boolean }) {
  return (
    <div className={`${inline ? `[&_p]:inline ${MATH}` : PROSE} ${className}`}>
      <Pipeline>{children}</Pipeline>
    </div>
  );
}

// A title sits inside a heading, a link or a table cell: only phrasing content survives (a link
// would nest inside the title's own link); blocks are unwrapped to their text.
const NOT_PHRASING = ['a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'pre', 'hr', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'input'];
const PHRASING: Components = { p: ({ children }) => <>{children}</> };

/** A title or a one-line prompt: inline Markdown and $LaTeX$ rendered in place, in a <span>. */
export function InlineMarkdown({ children, className = '' }: { children: string; className?: string }) {
  return (
    <span className={`${MATH} [&_code]:font-mono [&_code]:text-[0.9em] ${className}`}>
      <Pipeline components={PHRASING} disallowedElements={NOT_PHRASING}>
        {children}
      </Pipeline>
    </span>
  );
}
