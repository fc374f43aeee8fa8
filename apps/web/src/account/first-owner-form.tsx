import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { createUser, sessionKey, usersKey } from './account-api';
import { PASSWORD_MIN_LENGTH } from './account-text';

/**
 * An open studio: whoever is on this machine may do everything. Making the first owner turns accounts
 * on (the API signs this browser in as that owner); from then on everyone signs in.
 */
export function FirstOwnerForm() {
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [touched, setTouched] = useState(false);
  const make = useMutation({
    mutationFn: () => createUser({ name: name.trim(), password, role: 'owner' }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: sessionKey });
      void client.invalidateQueries({ queryKey: usersKey });
    },
  });
  const problem = !name.trim()
    ? 'Give the account a name.'
    : password.length < PASSWORD_MIN_LENGTH
      ? `The password must be at least ${PASSWORD_MIN_LENGTH} characters.`
      : password !== repeat
        ? 'The two passwords differ.'
        : null;
  return (
    <section aria-labelledby="first-owner-heading" className="account-section">
      <h2 id="first-owner-heading">Make the first owner account</h2>
      <p>
        This studio is <strong>open</strong>: it has no accounts, so anyone using this computer may do
        everything, and it only listens on this computer.
      </p>
      <p>
        Once an owner account exists, the studio asks everyone to sign in — you too, in other browsers — and
        an owner decides who may watch, edit or manage it. You need an owner before sharing the studio on a
        network.
      </p>
      <form
        className="account-form"
        onSubmit={(e) => {
          e.preventDefault();
          setTouched(true);
          if (!problem) make.mutate();
        }}
      >
        <div className="field">
          <label htmlFor="owner-name">Owner name</label>
          <input
            id="owner-name"
            autoComplete="username"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="owner-password">Password</label>
          <input
            id="owner-password"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="owner-repeat">Password again</label>
          <input
            id="owner-repeat"
            type="password"
            autoComplete="new-password"
            value={repeat}
            onChange={(e) => setRepeat(e.target.value)}
          />
        </div>
        <button type="submit" className="primary" disabled={make.isPending}>
          Make owner account
        </button>
      </form>
      {touched && problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {make.isError && (
        <p className="field-error" role="alert">
          Could not make the account: {make.error.message}
        </p>
      )}
    </section>
  );
}
