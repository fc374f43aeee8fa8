import type { ReactNode } from 'react';
import { onSignInRequired } from '../api/http';
import { needsSignIn } from './account-text';
import { useSignInGate } from './sign-in-gate';
import { SignInPage } from './sign-in-page';
import { useAccountSession } from './use-account';

// Every request that meets "sign in first" waits for the sign-in below and is then sent again.
onSignInRequired(() => useSignInGate.getState().wait());

/**
 * The editor behind the studio's sign-in. Before anything is shown it asks who this browser is: a studio
 * with accounts and no session gets the sign-in page (at the same address, so signing in opens what was
 * asked for). A session that ends while working brings the sign-in over the page, which stays as it was.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const session = useAccountSession();
  const waiting = useSignInGate((s) => s.waiting);
  if (session.isPending) return <p className="muted gate-message">Opening the studio…</p>;
  if (session.isError) {
    return (
      <p className="muted gate-message" role="alert">
        Could not reach the studio: {session.error.message}{' '}
        <button type="button" onClick={() => void session.refetch()}>
          Try again
        </button>
      </p>
    );
  }
  if (needsSignIn(session.data)) return <SignInPage />;
  return (
    <>
      {children}
      {waiting && <SignInPage resuming previousName={session.data.user?.name} />}
    </>
  );
}
