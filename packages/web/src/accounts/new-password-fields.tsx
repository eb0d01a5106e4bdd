import { useId } from 'react';

interface NewPasswordFieldsProps {
  readonly password: string;
  readonly confirmation: string;
  readonly onPassword: (value: string) => void;
  readonly onConfirmation: (value: string) => void;
}

export const MIN_PASSWORD = 10;

/** Why a new password cannot be sent yet, in words; undefined when it can. */
export function newPasswordProblem(password: string, confirmation: string): string | undefined {
  if (password.length < MIN_PASSWORD) return `Use at least ${MIN_PASSWORD} characters.`;
  if (password !== confirmation) return 'The two passwords are not the same.';
  return undefined;
}

/** A new password typed twice, with the rule said up front (a long passphrase beats a clever one). */
export function NewPasswordFields({ password, confirmation, onPassword, onConfirmation }: NewPasswordFieldsProps) {
  const id = useId();
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-new`}>New password</label>
        <input
          id={`${id}-new`}
          type="password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD}
          aria-describedby={`${id}-hint`}
          value={password}
          onChange={(event) => onPassword(event.target.value)}
          data-testid="new-password"
        />
        <p className="field-hint" id={`${id}-hint`}>
          At least {MIN_PASSWORD} characters; a few unrelated words make a good one.
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-again`}>New password again</label>
        <input
          id={`${id}-again`}
          type="password"
          autoComplete="new-password"
          required
          value={confirmation}
          onChange={(event) => onConfirmation(event.target.value)}
          data-testid="new-password-again"
        />
      </div>
    </>
  );
}
