import type { AnalysisScope } from '@examforge/server/api';

export type AnalysisScopeKind = AnalysisScope['kind'];

interface AnalysisScopeControlProps {
  readonly kind: AnalysisScopeKind;
  /** The sitting's exam version, whose sittings "all sittings" takes together. */
  readonly version: number;
  readonly onChange: (kind: AnalysisScopeKind) => void;
}

/**
 * Whose answers the statistics are of: this sitting's, or those of every sitting of its exam version together (the
 * same paper sat on several days). Radio buttons, so the arrow keys switch between them.
 */
export function AnalysisScopeControl({ kind, version, onChange }: AnalysisScopeControlProps) {
  const choices: readonly { kind: AnalysisScopeKind; label: string }[] = [
    { kind: 'sitting', label: 'This sitting' },
    { kind: 'version', label: `All sittings of version ${version}` },
  ];
  return (
    <fieldset className="fieldset no-print" data-testid="analysis-scope">
      <legend>Whose answers</legend>
      {choices.map((choice) => (
        <label className="check" key={choice.kind}>
          <input
            type="radio"
            name="analysis-scope"
            value={choice.kind}
            checked={kind === choice.kind}
            onChange={() => onChange(choice.kind)}
            data-testid={`analysis-scope-${choice.kind}`}
          />{' '}
          {choice.label}
        </label>
      ))}
    </fieldset>
  );
}

/** The sittings an analysis holds, in words: "All 2 sittings of version 1: Monday, Tuesday." */
export function scopeSentence(scope: AnalysisScope): string {
  const titles = scope.sittings.map((sitting) => `“${sitting.title}”`).join(', ');
  if (scope.kind === 'sitting') return `This sitting only (exam version ${scope.version}).`;
  const count = scope.sittings.length;
  return `All ${count} sitting${count === 1 ? '' : 's'} of exam version ${scope.version} together${count > 0 ? `: ${titles}` : ''}.`;
}
