import type { StudentExamView } from '@examforge/core';
import { describe, expect, it } from 'vitest';
import { questionPage } from './question-page.js';

const question = (id: string, number: number) => ({
  id,
  number,
  kind: 'free' as const,
  stem: '',
  marks: '1',
  penalty: '0',
});
const VIEW: StudentExamView = {
  id: 'e',
  title: 'E',
  duration: 10,
  sections: [
    { id: 's1', title: 'One', questions: [question('a', 1), question('b', 2)] },
    { id: 's2', title: 'Two', questions: [question('c', 3)] },
  ],
};

describe('questionPage', () => {
  it('gives the question, its section and its neighbours across sections', () => {
    const page = questionPage(VIEW, 'b');
    expect(page).toMatchObject({ index: 1, count: 3, previousId: 'a', nextId: 'c' });
    expect(page?.section.id).toBe('s1');
    expect(questionPage(VIEW, 'c')).toMatchObject({ previousId: 'b', nextId: undefined });
  });

  it('opens the first question for a missing or unknown id, and nothing for an empty exam', () => {
    expect(questionPage(VIEW, null)?.question.id).toBe('a');
    expect(questionPage(VIEW, 'gone')).toMatchObject({ index: 0, previousId: undefined, nextId: 'b' });
    expect(questionPage({ ...VIEW, sections: [] }, 'a')).toBeUndefined();
  });
});
