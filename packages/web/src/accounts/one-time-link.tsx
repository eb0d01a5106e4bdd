import type { AccountWithLink } from '@examforge/server/api';
import { useState } from 'react';
import { formatDateTime } from '../lib/format/format-time.js';

/**
 * The set-password link just issued, shown once (the server keeps only its hash): selectable, with a copy button,
 * and the same secret as a code for someone who types it in.
 */
export function OneTimeLink({ issued, verb }: { readonly issued: AccountWithLink; readonly verb: string }) {
  const url = `${window.location.origin}${issued.link.path}`;
  const [copied, setCopied] = useState<string>();
  const copy = () => {
    navigator.clipboard.writeText(url).then(
      () => setCopied('Copied.'),
      () => setCopied('Could not copy; select the link and copy it with Ctrl+C.'),
    );
  };
  return (
    <section className="notice notice-success form-stack" aria-labelledby="one-time-link-title" data-testid="one-time">
      <h2 id="one-time-link-title" className="notice-title">
        {verb} {issued.account.name}: their set-password link
      </h2>
      <p>
        Hand it to {issued.account.name} yourself (Examforge sends no email). It works once, until{' '}
        {formatDateTime(issued.link.expiresAt)}, and is not shown again.
      </p>
      <div className="field">
        <label htmlFor="one-time-link">Link</label>
        <input
          id="one-time-link"
          readOnly
          className="input-code"
          value={url}
          onFocus={(event) => event.target.select()}
          data-testid="one-time-link"
        />
      </div>
      <div className="button-row">
        <button type="button" className="button" onClick={copy} data-testid="one-time-copy">
          Copy link
        </button>
        <span role="status">{copied}</span>
      </div>
      <p>
        Or the code, to type at <code>/set-password</code>: <code data-testid="one-time-code">{issued.link.token}</code>
      </p>
    </section>
  );
}
