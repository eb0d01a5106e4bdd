import type { Diagnostic } from '../api/exams-api.js';

interface DiagnosticsListProps {
  readonly diagnostics: readonly Diagnostic[];
  readonly testId: string;
}

/** Problems in an exam file, each with where it is (line and column), what is wrong and how to fix it. */
export function DiagnosticsList({ diagnostics, testId }: DiagnosticsListProps) {
  const sorted = [...diagnostics].sort((a, b) => a.line - b.line || a.column - b.column);
  return (
    <ol className="diagnostics" data-testid={testId}>
      {sorted.map((diagnostic, index) => (
        <li
          key={index}
          className={`diagnostic diagnostic-${diagnostic.severity}`}
          data-testid="diagnostic"
          data-code={diagnostic.code}
        >
          <span className="diagnostic-where">
            line {diagnostic.line}, column {diagnostic.column}
          </span>{' '}
          <span className="diagnostic-severity">{diagnostic.severity}</span>{' '}
          <span className="diagnostic-message">{diagnostic.message}</span>{' '}
          <code className="diagnostic-code">{diagnostic.code}</code>
          {diagnostic.expected !== undefined && <p className="diagnostic-expected">Expected: {diagnostic.expected}</p>}
          {diagnostic.hint !== undefined && <p className="diagnostic-hint">Hint: {diagnostic.hint}</p>}
        </li>
      ))}
    </ol>
  );
}
