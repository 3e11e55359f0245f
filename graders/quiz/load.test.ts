import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAllQuizzes, loadQuiz } from './load';

const REAL = path.resolve(import.meta.dirname, '../../exercises/quizzes/generative-ssl-concepts.json');

async function dirWith(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'quiz-load-'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return dir;
}

const minimal = (id: string) =>
  JSON.stringify({
    id,
    title: 'T',
    reviewThreshold: 0.5,
    concepts: [{ id: 'c', title: 'C' }],
    questions: [
      {
        id: 'q',
        type: 'single',
        concept: 'c',
        points: 1,
        prompt: 'P?',
        options: [
          { id: 'a', text: 'A', correct: true },
          { id: 'b', text: 'B' },
        ],
      },
    ],
  });

describe('loadQuiz', () => {
  it('loads the course quiz with a sha256 version hash of the file', async () => {
    const loaded = await loadQuiz(REAL);
    expect(loaded.slug).toBe('generative-ssl-concepts');
    expect(loaded.quiz.questions.length).toBeGreaterThanOrEqual(18);
    expect(loaded.versionHash).toMatch(/^[0-9a-f]{64}$/);
    expect((await loadQuiz(REAL)).versionHash).toBe(loaded.versionHash);
  });

  it('changes the version hash when the content changes, not when only line endings do', async () => {
    const text = await readFile(REAL, 'utf8');
    const dir = await dirWith({ 'generative-ssl-concepts.json': text.replace(/\n/g, '\r\n') });
    expect((await loadQuiz(path.join(dir, 'generative-ssl-concepts.json'))).versionHash).toBe((await loadQuiz(REAL)).versionHash);
    await writeFile(path.join(dir, 'generative-ssl-concepts.json'), text.replace('"points": 4', '"points": 4.0 '));
    expect((await loadQuiz(path.join(dir, 'generative-ssl-concepts.json'))).versionHash).not.toBe((await loadQuiz(REAL)).versionHash);
  });

  it('reports invalid JSON with line and column', async () => {
    const dir = await dirWith({ 'broken.json': '{\n  "id": "broken",\n  "title": "x",,\n}' });
    await expect(loadQuiz(path.join(dir, 'broken.json'))).rejects.toThrow(/broken\.json: invalid JSON at line 3, column \d+/);
  });

  it('names the field path of a schema error', async () => {
    const bad = JSON.parse(minimal('bad'));
    bad.questions[0].options[0].correct = false;
    bad.questions.push({ id: 'n', type: 'numeric', concept: 'c', points: 1, prompt: 'x', answer: 1 });
    const dir = await dirWith({ 'bad.json': JSON.stringify(bad) });
    await expect(loadQuiz(path.join(dir, 'bad.json'))).rejects.toThrow(/bad\.json: questions\[\d\]\.\w+/);
  });

  it('rejects a quiz whose id differs from its file name', async () => {
    const dir = await dirWith({ 'one.json': minimal('two') });
    await expect(loadQuiz(path.join(dir, 'one.json'))).rejects.toThrow('one.json: id: "two" does not match the file name "one"');
  });

  it('rejects a rubric whose points do not add up to the question', async () => {
    const quiz = JSON.parse(minimal('short'));
    quiz.questions = [{ id: 's', type: 'short', concept: 'c', points: 3, prompt: 'Why?', modelAnswer: 'Because.', rubric: [{ id: 'r', label: 'R', points: 2, phrasings: ['because'] }] }];
    const dir = await dirWith({ 'short.json': JSON.stringify(quiz) });
    await expect(loadQuiz(path.join(dir, 'short.json'))).rejects.toThrow("short.json: questions[0].points: points (3) must equal the rubric's total (2)");
  });
});

describe('loadAllQuizzes', () => {
  it('skips a broken file, reports it and keeps the others', async () => {
    const dir = await dirWith({ 'good.json': minimal('good'), 'bad.json': '{ nope', 'notes.md': '# not a quiz' });
    const { quizzes, errors } = await loadAllQuizzes(dir);
    expect(quizzes.map((q) => q.slug)).toEqual(['good']);
    expect(errors.map((e) => e.file)).toEqual(['bad.json']);
  });
});
