import type { TokenView } from '@ministudio/domain';
import { describe, expect, it } from 'vitest';
import {
  forbiddenText,
  needsSignIn,
  roleAtLeast,
  roleOf,
  shortDate,
  signInFailure,
  sortTokens,
  tokenStatus,
  tooManyText,
} from '../src/account/account-text';
import { ApiError } from '../src/api/http';

const token = (over: Partial<TokenView>): TokenView => ({
  id: 't',
  name: 'script',
  role: 'viewer',
  createdBy: null,
  createdAt: '2026-12-01T10:00:00.000Z',
  lastUsedAt: null,
  revokedAt: null,
  ...over,
});

describe('roles', () => {
  it('orders viewer < editor < owner', () => {
    expect(roleAtLeast('viewer', 'editor')).toBe(false);
    expect(roleAtLeast('editor', 'editor')).toBe(true);
    expect(roleAtLeast('owner', 'editor')).toBe(true);
    expect(roleAtLeast('editor', 'owner')).toBe(false);
  });

  it('an open studio makes its one person the owner; accounts give the signed-in role or none', () => {
    expect(roleOf({ mode: 'open', user: { name: 'you', role: 'owner' } })).toBe('owner');
    expect(roleOf({ mode: 'accounts', user: { name: 'cy', role: 'viewer' } })).toBe('viewer');
    expect(roleOf({ mode: 'accounts', user: null })).toBeNull();
    expect(roleOf(undefined)).toBeNull();
  });

  it('asks for a sign-in only when the studio has accounts and nobody is signed in', () => {
    expect(needsSignIn({ mode: 'accounts', user: null })).toBe(true);
    expect(needsSignIn({ mode: 'accounts', user: { name: 'ada', role: 'owner' } })).toBe(false);
    expect(needsSignIn({ mode: 'open', user: null })).toBe(false);
  });
});

describe('a failed sign-in', () => {
  it('a wrong password says so plainly and asks for no wait', () => {
    const failure = signInFailure(new ApiError(401, 'invalid_credentials', 'That name…', null));
    expect(failure.text).toMatch(/^That name and password do not match an account/);
    expect(failure.retryAfterSeconds).toBeNull();
  });

  it('too many attempts says how long to wait, in whole seconds', () => {
    const failure = signInFailure(
      new ApiError(429, 'too_many_attempts', 'Too many failed sign-ins: try again in 899 s.', {
        retryAfterSeconds: 898.2,
      }),
    );
    expect(failure).toEqual({
      text: 'Too many attempts — try again in 899 s (about 15 min).',
      retryAfterSeconds: 899,
    });
    expect(tooManyText(42)).toBe('Too many attempts — try again in 42 s.');
  });

  it('too many attempts without a wait in the answer still reads as a sentence', () => {
    const failure = signInFailure(new ApiError(429, 'too_many_attempts', 'x', null));
    expect(failure).toEqual({ text: 'Too many attempts — try again later.', retryAfterSeconds: null });
  });

  it('anything else shows the studio’s own message', () => {
    const failure = signInFailure(new ApiError(0, 'network', 'The server could not be reached.', null));
    expect(failure.text).toBe('The server could not be reached.');
  });
});

describe('tokens', () => {
  it('lists active tokens first, newest first, then revoked ones', () => {
    const sorted = sortTokens([
      token({ id: 'old', createdAt: '2026-11-01T00:00:00.000Z' }),
      token({ id: 'revoked', createdAt: '2026-12-03T00:00:00.000Z', revokedAt: '2026-12-03T01:00:00.000Z' }),
      token({ id: 'new', createdAt: '2026-12-02T00:00:00.000Z' }),
    ]);
    expect(sorted.map((t) => t.id)).toEqual(['new', 'old', 'revoked']);
  });

  it('says active or when it was revoked; a token never used says never', () => {
    const now = new Date('2026-12-04T12:00:00');
    expect(tokenStatus(token({}), now)).toBe('active');
    expect(tokenStatus(token({ revokedAt: new Date('2026-12-04T09:30:00').toISOString() }), now)).toMatch(
      /^revoked today 0?9:30/,
    );
    expect(shortDate(null, now)).toBe('never');
    expect(shortDate(new Date('2026-11-20T09:30:00').toISOString(), now)).toMatch(/2026/);
  });
});

it('a refused change gives the studio’s words and what to do', () => {
  const error = new ApiError(403, 'forbidden', 'This needs the editor role; you have viewer.', {
    needs: 'editor',
    role: 'viewer',
  });
  expect(forbiddenText(error, 'rename project')).toBe(
    'Could not rename project: This needs the editor role; you have viewer. Ask an owner of this studio for a higher role.',
  );
});
