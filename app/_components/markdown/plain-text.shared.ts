// Text for places that cannot typeset: CSV cells, <option> labels, aria-labels, title attributes.
// Math keeps its TeX source (readable as is: "x_{t-1}"); Markdown markers are dropped.

const MATH = /\$\$([\s\S]+?)\$\$|\$((?:\\.|[^$\\])+?)\$/g;

function stripMarkdown(text: string): string {
  // Escaped characters are literal: set them aside so no rule below reads them as markers.
  const escaped: string[] = [];
  return text
    .replace(/\\([\\`*_{}[\]()#+\-.!$~])/g, (_, c: string) => `\uE000${escaped.push(c) - 1}\uE001`)
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // [text](url), ![alt](src)
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?![\w*])/g, '$1$2')
    .replace(/(^|[^\w])_(?=\S)([^_]*?\S)_(?!\w)/g, '$1$2') // not the _ inside x_t
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
    .replace(/\uE000(\d+)\uE001/g, (_, i: string) => escaped[Number(i)]);
}

/** "DDPM: $x_{t-1}$ and **bold**" → "DDPM: x_{t-1} and bold". */
export function markdownToPlainText(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(MATH)) {
    out += stripMarkdown(text.slice(last, m.index)) + (m[1] ?? m[2]).trim();
    last = m.index + m[0].length;
  }
  return (out + stripMarkdown(text.slice(last))).replace(/\s+/g, ' ').trim();
}
