import { useEffect, useRef, useState } from 'react';
import { navigate } from '../lib/router';
import { signOut } from './account-api';
import { useAccountSession } from './use-account';
import '../styles/account.css';

export const ACCOUNT_PATH = '/account';

/**
 * Who is signed in, in the top bar: name and role, the Account page (owners) and Sign out. In an open
 * studio (no accounts yet) a link to the Account page, where the first owner is made.
 */
export function AccountMenu({ onAccountPage = false }: { onAccountPage?: boolean }) {
  const session = useAccountSession().data;
  const [open, setOpen] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  // The panel closes on a click elsewhere and on Escape, like every menu.
  useEffect(() => {
    if (!open) return;
    const away = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onEscape = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('mousedown', away);
    document.addEventListener('keydown', onEscape);
    return () => {
      document.removeEventListener('mousedown', away);
      document.removeEventListener('keydown', onEscape);
    };
  }, [open]);
  if (!session) return null;
  const goToAccount = (e: React.MouseEvent) => {
    e.preventDefault();
    setOpen(false);
    navigate(ACCOUNT_PATH);
  };
  if (session.mode === 'open' || !session.user) {
    // The Account page itself says what an open studio is and how to give it an owner.
    if (onAccountPage) return null;
    return (
      <a className="header-link account-link" href={ACCOUNT_PATH} onClick={goToAccount}>
        Accounts
      </a>
    );
  }
  const { name, role } = session.user;
  return (
    <div className="account-menu" ref={root}>
      <button
        type="button"
        className="account-button"
        aria-expanded={open}
        aria-controls="account-menu-panel"
        aria-label={`Account: ${name} (${role})`}
        onClick={() => setOpen(!open)}
      >
        <span className="account-name">{name}</span>
        <span className={`role-badge role-${role}`}>{role}</span>
      </button>
      {open && (
        <div className="account-panel" id="account-menu-panel">
          <p className="muted small">
            Signed in as <strong>{name}</strong>, {role}.
          </p>
          {role === 'owner' && (
            <a className="account-panel-link" href={ACCOUNT_PATH} onClick={goToAccount}>
              People and API tokens
            </a>
          )}
          <button
            type="button"
            onClick={async () => {
              try {
                await signOut();
                // A fresh page: nothing of this person's stays in the browser's memory.
                window.location.reload();
              } catch (error) {
                setFailed(error instanceof Error ? error.message : String(error));
              }
            }}
          >
            Sign out
          </button>
          {failed && (
            <p className="field-error" role="alert">
              Could not sign out: {failed}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
