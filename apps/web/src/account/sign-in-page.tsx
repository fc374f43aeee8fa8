import type { SessionView, UserView } from '@ministudio/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { sessionKey, signIn } from './account-api';
import { type SignInFailure, signInFailure, tooManyText } from './account-text';
import { useSignInGate } from './sign-in-gate';
import '../styles/account.css';

/**
 * The studio's sign-in. As a page when the studio asks for it before anything is shown; over the editor
 * (`resuming`) when a session ran out while working: the page underneath and its unsaved changes stay,
 * and the waiting requests go again once signed in. The address never changes, so signing in returns the
 * person to where they were.
 */
export function SignInPage({
  resuming = false,
  previousName,
}: {
  resuming?: boolean;
  previousName?: string;
}) {
  const client = useQueryClient();
  const release = useSignInGate((s) => s.release);
  const [name, setName] = useState(previousName ?? '');
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<SignInFailure | null>(null);
  const wait = useCountdown(failure);
  const submit = useMutation({
    mutationFn: () => signIn({ name: name.trim(), password }),
    onSuccess: (user: UserView) => {
      if (resuming && previousName && previousName !== user.name) {
        // Someone else took over this browser: what is on screen was the other person's.
        window.location.reload();
        return;
      }
      client.setQueryData<SessionView>(sessionKey, {
        mode: 'accounts',
        user: { name: user.name, role: user.role },
      });
      release();
    },
    onError: (error) => {
      setFailure(signInFailure(error));
      setPassword('');
    },
  });
  const blocked = wait !== null && wait > 0;
  const message =
    failure && (failure.retryAfterSeconds !== null ? (blocked ? tooManyText(wait) : null) : failure.text);
  const form = (
    <form
      className="sign-in-card"
      aria-labelledby="sign-in-heading"
      onSubmit={(e) => {
        e.preventDefault();
        if (!blocked && name.trim() && password) submit.mutate();
      }}
    >
      <h1 className="brand">
        Mini<span>Studio</span>
      </h1>
      <h2 id="sign-in-heading">{resuming ? 'Sign in again' : 'Sign in'}</h2>
      <p className="muted">
        {resuming
          ? 'Your session has ended. Sign in to carry on: the changes you made are kept and will be saved.'
          : 'This studio has accounts. Sign in with the name and password an owner gave you.'}
      </p>
      <div className="field">
        <label htmlFor="sign-in-name">Name</label>
        <input
          id="sign-in-name"
          autoComplete="username"
          value={name}
          // biome-ignore lint/a11y/noAutofocus: the page exists to be typed into
          autoFocus={!previousName}
          onChange={(e) => {
            setName(e.target.value);
            // A wait is per account: another name may be tried (the studio still limits the address).
            if (failure?.retryAfterSeconds) setFailure(null);
          }}
        />
      </div>
      <div className="field">
        <label htmlFor="sign-in-password">Password</label>
        <input
          id="sign-in-password"
          type="password"
          autoComplete="current-password"
          value={password}
          // biome-ignore lint/a11y/noAutofocus: the name is known, the password is what is asked for
          autoFocus={Boolean(previousName)}
          onChange={(e) => setPassword(e.target.value)}
        />
      </div>
      {message && (
        <p className="sign-in-error" role="alert">
          {message}
        </p>
      )}
      <button
        type="submit"
        className="primary"
        disabled={submit.isPending || blocked || !name.trim() || !password}
      >
        {submit.isPending ? 'Signing in…' : 'Sign in'}
      </button>
      <p className="muted small">Forgot your password? An owner of this studio can make you a new account.</p>
    </form>
  );
  return resuming ? (
    <div
      className="modal-backdrop sign-in-backdrop"
      role="dialog"
      aria-modal="true"
      aria-labelledby="sign-in-heading"
    >
      {form}
    </div>
  ) : (
    <main className="sign-in-page">{form}</main>
  );
}

/** Seconds left of the wait a failure asked for, ticking down once a second; null when none. */
function useCountdown(failure: SignInFailure | null): number | null {
  const seconds = failure?.retryAfterSeconds ?? null;
  const [left, setLeft] = useState(seconds);
  // Keyed on the failure itself: a second refusal with the same wait starts the count again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: seconds is read from failure
  useEffect(() => {
    setLeft(seconds);
    if (seconds === null) return;
    const started = Date.now();
    const timer = window.setInterval(() => {
      const remaining = Math.max(0, seconds - Math.floor((Date.now() - started) / 1000));
      setLeft(remaining);
      if (remaining === 0) window.clearInterval(timer);
    }, 1000);
    return () => window.clearInterval(timer);
  }, [failure]);
  return left;
}
