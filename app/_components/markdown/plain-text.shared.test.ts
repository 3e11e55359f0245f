import { describe, expect, it } from 'vitest';
import { markdownToPlainText } from './plain-text.shared';

describe('markdownToPlainText', () => {
  it('keeps the TeX inside $…$ and drops the Markdown markers around it', () => {
    expect(markdownToPlainText('$x_{t-1}$ and **bold**')).toBe('x_{t-1} and bold');
    expect(markdownToPlainText('DDPM reverse step: from $x_t$ to $x_{t-1}$')).toBe('DDPM reverse step: from x_t to x_{t-1}');
  });

  it('does not treat underscores or stars inside math, or inside words, as emphasis', () => {
    expect(markdownToPlainText('$a_i * b_j$ and snake_case_name')).toBe('a_i * b_j and snake_case_name');
    expect(markdownToPlainText('q(x_t | x_0)')).toBe('q(x_t | x_0)');
  });

  it('drops emphasis, code, links and escapes', () => {
    expect(markdownToPlainText('*Why* use `tf.mean`? See [the notes](https://x.test) \\*really\\*')).toBe('Why use tf.mean? See the notes *really*');
    expect(markdownToPlainText('__two__ and _one_ and ~~old~~')).toBe('two and one and old');
  });

  it('unwraps display math and folds whitespace', () => {
    expect(markdownToPlainText('Loss\n$$\\ell = \\max(0, d)$$  done')).toBe('Loss \\ell = \\max(0, d) done');
  });

  it('leaves a lone dollar sign (a price) alone', () => {
    expect(markdownToPlainText('costs $5 per GPU hour')).toBe('costs $5 per GPU hour');
  });
});
