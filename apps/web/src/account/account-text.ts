import type { Role, SessionView, TokenView } from '@ministudio/domain';
import { ROLES } from '@ministudio/domain';
import { ApiError } from '../api/http';

// The account feature's pure parts: what a role may do, what a failed sign-in says, how a token reads.

export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** The role of whoever uses this browser: in an open studio (no accounts) that one person owns it. */
export function roleOf(session: SessionView | undefined): Role | null {
  if (!session) return null;
  if (session.mode === 'open') return 'owner';
  return session.user?.role ?? null;
}

/** Whether the studio wants a sign-in before it shows anything. */
export function needsSignIn(session: SessionView): boolean {
  return session.mode === 'accounts' && session.user === null;
}

export const ROLE_SUMMARY: Record<Role, string> = {
  viewer: 'watches, reviews and downloads',
  editor: 'also edits and renders',
  owner: 'also manages people, tokens and providers',
};

export interface SignInFailure {
  text: string;
  /** Seconds until the studio accepts another try (after too many failures), else null. */
  retryAfterSeconds: number | null;
}

export function signInFailure(error: unknown): SignInFailure {
  if (error instanceof ApiError) {
    if (error.code === 'invalid_credentials') {
      return {
        text: 'That name and password do not match an account. Check both and try again.',
        retryAfterSeconds: null,
      };
    }
    if (error.code === 'too_many_attempts') {
      const seconds = (error.details as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
      const wait = typeof seconds === 'number' && seconds > 0 ? Math.ceil(seconds) : null;
      return { text: tooManyText(wait), retryAfterSeconds: wait };
    }
    return { text: error.message, retryAfterSeconds: null };
  }
  return { text: error instanceof Error ? error.message : String(error), retryAfterSeconds: null };
}

export function tooManyText(seconds: number | null): string {
  if (seconds === null) return 'Too many attempts — try again later.';
  // The wait is up to a quarter of an hour: past a minute and a half, minutes read better beside seconds.
  const minutes = seconds > 90 ? ` (about ${Math.round(seconds / 60)} min)` : '';
  return `Too many attempts — try again in ${seconds} s${minutes}.`;
}

/** A date as a person reads it, in their own time zone. */
export function shortDate(iso: string | null, now: Date = new Date()): string {
  if (!iso) return 'never';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const sameDay = date.toDateString() === now.toDateString();
  const time = date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  if (sameDay) return `today ${time}`;
  return `${date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' })} ${time}`;
}

export function tokenStatus(token: TokenView, now: Date = new Date()): string {
  return token.revokedAt ? `revoked ${shortDate(token.revokedAt, now)}` : 'active';
}

/** Active tokens first (newest first), then revoked ones: what an owner looks for is on top. */
export function sortTokens(tokens: readonly TokenView[]): TokenView[] {
  return [...tokens].sort((a, b) => {
    if (!a.revokedAt !== !b.revokedAt) return a.revokedAt ? 1 : -1;
    return b.createdAt.localeCompare(a.createdAt);
  });
}

/** The message for a change the role does not allow, in the API's words plus what to do about it. */
export function forbiddenText(error: ApiError, what: string): string {
  return `Could not ${what}: ${error.message} Ask an owner of this studio for a higher role.`;
}

/** The studio's own rule (packages/accounts, password.ts), checked here only to answer sooner. */
export const PASSWORD_MIN_LENGTH = 10;
