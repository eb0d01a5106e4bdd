import { describe, expect, it } from 'vitest';
import { makeVariant } from '../delivery/variant.js';
import { bundledExam } from '../test-support/bundled-exam.js';
import { isChoiceQuestion, type Exam } from '../model.js';
import { canonicalOption, GEOMETRY, layoutAnswerSheet, type Circle, type PageSize, type Rect } from './sheet-layout.js';

const exam = bundledExam();
const plain = makeVariant(exam, 'plain', { shuffleQuestions: false, shuffleOptions: false });

const overlaps = (a: Circle, b: Circle) => Math.hypot(a.x - b.x, a.y - b.y) < a.r + b.r + 4;

describe.each<PageSize>(['A4', 'Letter'])('the answer sheet on %s', (pageSize) => {
  const layout = layoutAnswerSheet(exam, plain, { pageSize, studentNumberDigits: 8 });

  it('has a bubble for every option of every choice question, and a page per free-response question', () => {
    const bubbles = layout.pages.flatMap((page) => page.bubbles);
    expect(bubbles).toHaveLength(26 * 4);
    expect(new Set(bubbles.map((b) => b.questionId)).size).toBe(26);
    const boxes = layout.pages.flatMap((page) => page.boxes.map((box) => box.questionId));
    expect(boxes).toEqual(['wasserstein-vs-js', 'causal-conv-autoregressive', 'fisher-pruning-loss']);
    expect(layout.pages.filter((page) => page.kind === 'free-response')).toHaveLength(3);
  });

  it('keeps every mark inside the page, clear of the corner marks, the QR code and each other', () => {
    for (const page of layout.pages) {
      const circles: Circle[] = [...page.bubbles, ...page.digitBubbles];
      for (const c of [...circles, ...page.cornerMarks]) {
        expect(c.x - c.r).toBeGreaterThan(0);
        expect(c.y - c.r).toBeGreaterThan(0);
        expect(c.x + c.r).toBeLessThan(layout.width);
        expect(c.y + c.r).toBeLessThan(layout.height);
      }
      for (const [i, a] of circles.entries()) {
        for (const b of circles.slice(i + 1))
          expect(overlaps(a, b), `${JSON.stringify(a)} / ${JSON.stringify(b)}`).toBe(false);
        for (const corner of page.cornerMarks) expect(overlaps(a, corner)).toBe(false);
        const inQr =
          a.x + a.r > page.qr.x &&
          a.x - a.r < page.qr.x + page.qr.width &&
          a.y + a.r > page.qr.y &&
          a.y - a.r < page.qr.y + page.qr.height;
        expect(inQr).toBe(false);
      }
    }
  });

  it('prints a student-number grid of 8 × 10 bubbles on the first page only', () => {
    expect(layout.pages[0]?.digitBubbles).toHaveLength(80);
    expect(layout.pages.slice(1).every((page) => page.digitBubbles.length === 0)).toBe(true);
  });

  it('uses bubbles large enough to fill and far enough apart to tell apart', () => {
    const first = layout.pages[0]!.bubbles;
    expect(first[0]!.r).toBe(GEOMETRY.bubbleRadius);
    expect(first[1]!.x - first[0]!.x).toBe(GEOMETRY.bubbleSpacing);
  });
});

/** The bundled exam's sections with 90 choice questions of `options` options each, and its free-response questions. */
function examWithOptions(options: number): Exam {
  const sections = exam.sections.map((section, index) => {
    const choice = section.questions.find(isChoiceQuestion);
    if (index > 0 || !choice) return section;
    const many = Array.from({ length: 90 }, (_, n) => ({
      ...choice,
      id: `q${n}`,
      options: Array.from({ length: options }, (__, k) => choice.options[k % choice.options.length]!),
    }));
    return { ...section, questions: [...many, ...section.questions.filter((q) => !isChoiceQuestion(q))] };
  });
  return { ...exam, sections };
}

const apart = (a: Rect, b: Rect, gap: number) =>
  a.x + a.width + gap <= b.x ||
  b.x + b.width + gap <= a.x ||
  a.y + a.height + gap <= b.y ||
  b.y + b.height + gap <= a.y;
const circleRect = (c: Circle): Rect => ({ x: c.x - c.r, y: c.y - c.r, width: 2 * c.r, height: 2 * c.r });

describe.each<PageSize>(['A4', 'Letter'])('the backup code on %s', (pageSize) => {
  it.each([2, 3, 4, 5, 8])(
    'sits on every page clear of bubbles, labels, fields and boxes, far from the main code and the corners (%i options)',
    (options) => {
      const variant = makeVariant(examWithOptions(options), 'plain', {
        shuffleQuestions: false,
        shuffleOptions: false,
      });
      const layout = layoutAnswerSheet(examWithOptions(options), variant, { pageSize, studentNumberDigits: 8 });
      expect(new Set(layout.pages.map((page) => page.kind))).toEqual(new Set(['choices', 'free-response']));
      for (const page of layout.pages) {
        const backup = page.backupQr!;
        const printed: Rect[] = [
          ...[...page.bubbles, ...page.digitBubbles].map(circleRect),
          ...page.rowLabels.map((label) => ({ x: label.x, y: label.y - 4, width: 24, height: 10 })),
          ...page.fields,
          ...page.boxes,
        ];
        for (const rect of printed) expect(apart(backup, rect, 2), JSON.stringify(rect)).toBe(true);
        expect(apart(backup, page.qr, 300)).toBe(true);
        for (const corner of page.cornerMarks) expect(apart(backup, circleRect(corner), 200)).toBe(true);
        expect(backup.y + backup.height).toBeLessThanOrEqual(layout.height - 15);
      }
    },
  );
});

describe('variants on paper', () => {
  it('prints the variant’s order and maps each printed letter back to the canonical option', () => {
    const variant = makeVariant(exam, 'sitting:student', { shuffleQuestions: true, shuffleOptions: true });
    const layout = layoutAnswerSheet(exam, variant, { pageSize: 'A4', studentNumberDigits: 8 });
    const rows = layout.pages.flatMap((page) => page.rowLabels.map((label) => label.questionId));
    expect(rows).toEqual(variant.questionOrder.beginner);
    for (const [questionId, order] of Object.entries(variant.optionOrder)) {
      order.forEach((canonical, position) =>
        expect(canonicalOption(layout, questionId, 'abcd'[position]!)).toBe(canonical),
      );
    }
  });

  it('is the same layout every time for the same variant', () => {
    const variant = makeVariant(exam, 'x', { shuffleQuestions: true, shuffleOptions: true });
    expect(layoutAnswerSheet(exam, variant, { pageSize: 'A4', studentNumberDigits: 8 })).toEqual(
      layoutAnswerSheet(exam, variant, { pageSize: 'A4', studentNumberDigits: 8 }),
    );
  });
});
