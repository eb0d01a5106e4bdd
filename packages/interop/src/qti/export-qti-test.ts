import { instructionsFor, type Exam } from '@examforge/core';
import type { ExportNotes } from '../export/export-context.js';
import { element, type XmlElement } from '../export/xml-text.js';
import { qtiHtml, type QtiTextContext } from './export-qti-html.js';
import { qtiFloat, qtiIdentifier } from './export-qti-identifiers.js';
import { QTI_NAMESPACE, QTI_SCHEMA_LOCATION, XSI_NAMESPACE } from './export-qti-item.js';
import { floatOutcome } from './export-qti-processing.js';

/** An item as the test refers to it: its identifier and its file in the package. */
export interface ItemReference {
  readonly sectionIndex: number;
  readonly identifier: string;
  readonly href: string;
}

/**
 * The exam as a `qti-assessment-test`: one test part, a `qti-assessment-section` per exam section (its id and title),
 * the duration as `qti-time-limits`, the online instructions as a candidate rubric block of the first section, and
 * outcome processing that adds up the items' SCORE and MAXSCORE (raised to the exam's total floor when it has one).
 */
export function qtiTest(
  exam: Exam,
  items: readonly ItemReference[],
  context: QtiTextContext,
  notes: ExportNotes,
): XmlElement {
  const instructions = instructionsFor(exam.instructions, 'online');
  // Sections and items share the test's identifiers: a section named like a question gets a prefix.
  const itemIds = new Set(items.map((item) => item.identifier));
  const sectionId = (id: string) =>
    itemIds.has(qtiIdentifier(id)) ? `SECTION_${qtiIdentifier(id)}` : qtiIdentifier(id);
  const sections = exam.sections.map((section, index) =>
    element('qti-assessment-section', { identifier: sectionId(section.id), title: section.title, visible: 'true' }, [
      ...(index === 0 && instructions
        ? [
            element('qti-rubric-block', { use: 'instructions', view: 'candidate' }, [
              element('qti-content-body', {}, [qtiHtml(instructions, context)]),
            ]),
          ]
        : []),
      ...items
        .filter((item) => item.sectionIndex === index)
        .map((item) => element('qti-assessment-item-ref', { identifier: item.identifier, href: item.href })),
    ]),
  );
  return element(
    'qti-assessment-test',
    {
      xmlns: QTI_NAMESPACE,
      'xmlns:xsi': XSI_NAMESPACE,
      'xsi:schemaLocation': QTI_SCHEMA_LOCATION,
      identifier: qtiIdentifier(exam.id),
      title: exam.title,
    },
    [
      floatOutcome('SCORE', '0'),
      floatOutcome('MAXSCORE', '0'),
      element('qti-time-limits', { 'max-time': String(exam.duration * 60), 'allow-late-submission': 'false' }),
      element(
        'qti-test-part',
        { identifier: 'TEST_PART', 'navigation-mode': 'nonlinear', 'submission-mode': 'simultaneous' },
        sections,
      ),
      outcomeProcessing(exam, notes),
    ],
  );
}

function outcomeProcessing(exam: Exam, notes: ExportNotes): XmlElement {
  const sumOf = (variable: string) =>
    element('qti-sum', {}, [element('qti-test-variables', { 'variable-identifier': variable })]);
  const score = exam.totalFloor
    ? element('qti-max', {}, [
        element('qti-base-value', { 'base-type': 'float' }, [qtiFloat(exam.totalFloor, notes, undefined)]),
        sumOf('SCORE'),
      ])
    : sumOf('SCORE');
  return element('qti-outcome-processing', {}, [
    element('qti-set-outcome-value', { identifier: 'SCORE' }, [score]),
    element('qti-set-outcome-value', { identifier: 'MAXSCORE' }, [sumOf('MAXSCORE')]),
  ]);
}
