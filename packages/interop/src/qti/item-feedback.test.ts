import { listQuestions, Rational, type Exam } from '@examforge/core';
import { describe, expect, test } from 'vitest';
import { importBank } from '../import-bank.js';
import { exportQti30 } from './export-qti30.js';

const EXAM: Exam = {
  id: 'feedback',
  title: 'Feedback',
  duration: 10,
  sections: [
    {
      id: 's1',
      title: 'S',
      marks: Rational.ONE,
      penalty: Rational.ZERO,
      questions: [
        {
          id: 'q1',
          kind: 'single',
          stem: 'Which activation is zero for negative inputs?',
          keyUnknown: false,
          bonus: false,
          acceptAny: false,
          options: [
            { text: 'ReLU', correct: true, fixed: false },
            { text: 'tanh', correct: false, fixed: false },
          ],
          explanation: 'ReLU is $\\max(0, x)$, so it is **zero** below 0.',
        },
      ],
    },
  ],
};

/** A QTI 2.2 single-choice item with right/wrong modal feedback and feedback inside its text. */
const ITEM_WITH_ANSWER_FEEDBACK = `<?xml version="1.0" encoding="UTF-8"?>
<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p2" identifier="capital" title="Capital"
    adaptive="false" timeDependent="false">
  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier">
    <correctResponse><value>A</value></correctResponse>
  </responseDeclaration>
  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"/>
  <outcomeDeclaration identifier="FEEDBACK" cardinality="single" baseType="identifier"/>
  <itemBody>
    <choiceInteraction responseIdentifier="RESPONSE" maxChoices="1">
      <prompt>The capital of Saxony?</prompt>
      <simpleChoice identifier="A">Dresden</simpleChoice>
      <simpleChoice identifier="B">Leipzig<feedbackInline outcomeIdentifier="FEEDBACK" identifier="B" showHide="show">Leipzig is larger, but not the capital.</feedbackInline></simpleChoice>
    </choiceInteraction>
  </itemBody>
  <responseProcessing>
    <responseCondition>
      <responseIf><match><variable identifier="RESPONSE"/><correct identifier="RESPONSE"/></match>
        <setOutcomeValue identifier="SCORE"><baseValue baseType="float">1</baseValue></setOutcomeValue>
        <setOutcomeValue identifier="FEEDBACK"><baseValue baseType="identifier">RIGHT</baseValue></setOutcomeValue></responseIf>
      <responseElse>
        <setOutcomeValue identifier="FEEDBACK"><baseValue baseType="identifier">WRONG</baseValue></setOutcomeValue></responseElse>
    </responseCondition>
  </responseProcessing>
  <modalFeedback outcomeIdentifier="FEEDBACK" identifier="RIGHT" showHide="show">Right!</modalFeedback>
  <modalFeedback outcomeIdentifier="FEEDBACK" identifier="WRONG" showHide="show">Not quite.</modalFeedback>
</assessmentItem>`;

describe('QTI feedback', () => {
  test('the explanation Examforge writes as modal feedback shown once answered comes back as the explanation', () => {
    const exported = exportQti30(EXAM);
    const imported = importBank({ name: exported.fileName, bytes: exported.bytes });
    expect(listQuestions(imported.exam)[0]?.question.explanation).toBe(
      'ReLU is $\\max(0, x)$, so it is **zero** below 0.',
    );
    expect(imported.notes).toEqual([]);
  });

  test('feedback for particular answers is left out with one note at the first feedback, never silently', () => {
    const imported = importBank({ name: 'capital.xml', bytes: new TextEncoder().encode(ITEM_WITH_ANSWER_FEEDBACK) });
    const [question] = listQuestions(imported.exam);
    expect(question?.question).toMatchObject({ kind: 'single', options: [{ correct: true }, { correct: false }] });
    expect(question?.question.explanation).toBeUndefined();
    expect(question?.question.kind === 'single' && question.question.options[1]?.text).toBe('Leipzig');
    expect(imported.notes).toHaveLength(1);
    expect(imported.notes[0]).toMatchObject({
      keptAs: 'content',
      location: { file: 'capital.xml', xmlPath: '/assessmentItem/modalFeedback[1]' },
    });
    expect(imported.notes[0]?.reason).toMatch(
      /^3 feedback texts shown only for particular answers \(modalFeedback, feedbackInline\) were left out/,
    );
  });
});
