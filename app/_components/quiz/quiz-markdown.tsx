import ReactMarkdown from 'react-markdown';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import 'katex/dist/katex.min.css';

/**
 * Quiz prompts and options: Markdown with $inline$ and $$display$$ LaTeX, rendered on the server
 * (the page ships no Markdown or KaTeX JavaScript). Raw HTML in content is not rendered.
 */
export function QuizMarkdown({ children, inline = false }: { children: string; inline?: boolean }) {
  return (
    <div className={inline ? '[&_p]:inline' : 'space-y-2 [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6'}>
      <ReactMarkdown remarkPlugins={[remarkMath]} rehypePlugins={[rehypeKatex]}>
        {children}
      </ReactMarkdown>
    </div>
  );
}
