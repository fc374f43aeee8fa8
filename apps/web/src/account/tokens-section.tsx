import type { CreatedToken, Role, TokenView } from '@ministudio/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { ConfirmDialog } from '../common/confirm-dialog';
import { createToken, listTokens, revokeToken, tokensKey } from './account-api';
import { shortDate, sortTokens, tokenStatus } from './account-text';
import { RoleHint, RoleSelect } from './role-select';

/** API tokens for scripts and the command line: made with a role, their secret shown once, revoked. */
export function TokensSection() {
  const client = useQueryClient();
  const tokens = useQuery({ queryKey: tokensKey, queryFn: listTokens });
  const [made, setMade] = useState<CreatedToken | null>(null);
  const [revoking, setRevoking] = useState<TokenView | null>(null);
  const revoke = useMutation({
    mutationFn: (token: TokenView) => revokeToken(token.id),
    onSettled: () => client.invalidateQueries({ queryKey: tokensKey }),
  });
  return (
    <section aria-labelledby="tokens-heading" className="account-section">
      <h2 id="tokens-heading">API tokens</h2>
      <p className="muted small">
        A token signs a script or the command line in with its role, sent as{' '}
        <code>Authorization: Bearer …</code>. Revoke one as soon as it is not needed or may have leaked.
      </p>
      {made && <NewTokenSecret made={made} onDone={() => setMade(null)} />}
      {tokens.isPending && <p className="muted">Loading tokens…</p>}
      {tokens.isError && <p className="muted">Could not load tokens: {tokens.error.message}</p>}
      {tokens.data && tokens.data.length === 0 && <p className="muted">No tokens yet.</p>}
      {tokens.data && tokens.data.length > 0 && (
        <table className="account-table" aria-label="API tokens">
          <thead>
            <tr>
              <th>Name</th>
              <th>Role</th>
              <th>Made</th>
              <th>Last used</th>
              <th>Status</th>
              <th>
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sortTokens(tokens.data).map((token) => (
              <tr key={token.id} className={token.revokedAt ? 'revoked' : undefined}>
                <td>{token.name}</td>
                <td>
                  <span className={`role-badge role-${token.role}`}>{token.role}</span>
                </td>
                <td className="muted">{shortDate(token.createdAt)}</td>
                <td className="muted">{shortDate(token.lastUsedAt)}</td>
                <td>{tokenStatus(token)}</td>
                <td className="account-actions">
                  {!token.revokedAt && (
                    <button
                      type="button"
                      aria-label={`Revoke ${token.name}`}
                      onClick={() => setRevoking(token)}
                    >
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {revoke.isError && (
        <p className="field-error" role="alert">
          Could not revoke {revoke.variables?.name}: {revoke.error.message}
        </p>
      )}
      <NewTokenForm onMade={setMade} />
      {revoking && (
        <ConfirmDialog
          title={`Revoke ${revoking.name}?`}
          message="Whatever uses this token is refused from now on. This cannot be undone: make a new token instead."
          confirmLabel="Revoke"
          onCancel={() => setRevoking(null)}
          onConfirm={() => {
            revoke.mutate(revoking);
            setRevoking(null);
          }}
        />
      )}
    </section>
  );
}

function NewTokenForm({ onMade }: { onMade(made: CreatedToken): void }) {
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [touched, setTouched] = useState(false);
  const make = useMutation({
    mutationFn: () => createToken({ name: name.trim(), role }),
    onSuccess: (made) => {
      setName('');
      setTouched(false);
      onMade(made);
      void client.invalidateQueries({ queryKey: tokensKey });
    },
  });
  const missing = touched && !name.trim();
  return (
    <form
      className="account-form"
      aria-label="Make an API token"
      onSubmit={(e) => {
        e.preventDefault();
        setTouched(true);
        if (name.trim()) make.mutate();
      }}
    >
      <div className="field">
        <label htmlFor="token-name">Token name</label>
        <input
          id="token-name"
          placeholder="e.g. nightly render script"
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="token-role">Role</label>
        <RoleSelect id="token-role" value={role} onChange={setRole} />
      </div>
      <button type="submit" disabled={make.isPending}>
        Make token
      </button>
      <RoleHint />
      {(missing || make.isError) && (
        <p className="field-error account-form-error" role="alert">
          {missing
            ? 'Give the token a name: what will use it?'
            : `Could not make the token: ${make.error?.message}`}
        </p>
      )}
    </form>
  );
}

/** The one time a token's secret is on screen. */
function NewTokenSecret({ made, onDone }: { made: CreatedToken; onDone(): void }) {
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(made.token);
      setCopied('yes');
    } catch {
      // No clipboard (a plain-http address other than this computer): leave it selected to copy by hand.
      field.current?.select();
      setCopied('no');
    }
  };
  return (
    <section className="token-secret" aria-label="New token secret">
      <p>
        <strong>
          Token “{made.tokenInfo.name}” ({made.tokenInfo.role}) is made. Copy its secret now: it will not be
          shown again.
        </strong>{' '}
        The studio keeps only a hash of it; if it is lost, revoke the token and make a new one.
      </p>
      <div className="token-secret-row">
        <input
          ref={field}
          readOnly
          aria-label="Token secret"
          value={made.token}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" className="primary" onClick={() => void copy()}>
          Copy
        </button>
        <button type="button" onClick={onDone}>
          Done
        </button>
      </div>
      <p className="muted small" role="status">
        {copied === 'yes' && 'Copied to the clipboard.'}
        {copied === 'no' && 'This browser would not copy it: the secret is selected, press Ctrl+C.'}
      </p>
    </section>
  );
}
