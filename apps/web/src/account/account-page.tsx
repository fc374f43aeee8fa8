import { navigate } from '../lib/router';
import { AccountMenu } from './account-menu';
import { FirstOwnerForm } from './first-owner-form';
import { PeopleSection } from './people-section';
import { TokensSection } from './tokens-section';
import { useAccountSession } from './use-account';
import '../styles/account.css';

/** The owner's page: the people who may sign in and the API tokens; in an open studio, the first owner. */
export function AccountPage() {
  const session = useAccountSession();
  const data = session.data;
  return (
    <div className="list-page account-page">
      <header className="list-header">
        <a
          className="back-link"
          href="/"
          onClick={(e) => {
            e.preventDefault();
            navigate('/');
          }}
        >
          ← Projects
        </a>
        <h1>Account</h1>
        <AccountMenu onAccountPage />
      </header>
      <main className="list-main">
        {session.isPending && <p className="muted">Loading…</p>}
        {session.isError && (
          <p className="muted">Could not ask the studio who you are: {session.error.message}</p>
        )}
        {data?.mode === 'open' && <FirstOwnerForm />}
        {data?.mode === 'accounts' && data.user?.role === 'owner' && (
          <>
            <p className="muted">
              Signed in as <strong>{data.user.name}</strong>, owner. Everyone who uses this studio signs in
              with an account made here; scripts and the command line use API tokens.
            </p>
            <PeopleSection />
            <TokensSection />
          </>
        )}
        {data?.mode === 'accounts' && data.user && data.user.role !== 'owner' && (
          <p className="muted">
            You are signed in as <strong>{data.user.name}</strong>, {data.user.role}. Only an owner of this
            studio manages people and API tokens.
          </p>
        )}
      </main>
    </div>
  );
}
