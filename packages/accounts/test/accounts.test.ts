import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applyMigrations, COMMITTED_MIGRATIONS_DIR, createDb, type Db } from '@ministudio/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AccountError,
  createAccountsRepository,
  hashPassword,
  hashSecret,
  roleAtLeast,
  SignInThrottle,
  verifyPassword,
} from '../src';

describe('passwords', () => {
  it('are stored as salted scrypt and verify only with the same password', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored).toMatch(/^scrypt\$15\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(stored).not.toContain('correct horse');
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
    // Two hashes of one password differ (their salts do).
    expect(await hashPassword('correct horse battery')).not.toBe(stored);
    expect(await verifyPassword('anything', 'md5$abc')).toBe(false);
  });
});

describe('roles', () => {
  it('are ordered viewer < editor < owner', () => {
    expect(roleAtLeast('owner', 'editor')).toBe(true);
    expect(roleAtLeast('editor', 'editor')).toBe(true);
    expect(roleAtLeast('viewer', 'editor')).toBe(false);
    expect(roleAtLeast('editor', 'owner')).toBe(false);
  });
});

describe('sign-in throttle', () => {
  it('refuses a key after five failures in the window, until the oldest leaves it', () => {
    let now = 0;
    const throttle = new SignInThrottle({ maxFailures: 5, windowMs: 60_000, now: () => now });
    for (let i = 0; i < 4; i++) {
      throttle.fail(['account:ana', 'address:1.2.3.4']);
      now += 1000;
    }
    expect(throttle.retryAfterSeconds(['account:ana'])).toBe(0);
    throttle.fail(['account:ana', 'address:1.2.3.4']);
    // The first failure was at 0 s; it is 4 s now: 56 s to wait.
    expect(throttle.retryAfterSeconds(['account:ana'])).toBe(56);
    expect(throttle.retryAfterSeconds(['address:1.2.3.4', 'account:ben'])).toBe(56);
    expect(throttle.retryAfterSeconds(['account:ben', 'address:5.6.7.8'])).toBe(0);
    now = 60_001;
    expect(throttle.retryAfterSeconds(['account:ana'])).toBe(0);
    throttle.succeed(['account:ana']);
    expect(throttle.retryAfterSeconds(['account:ana'])).toBe(0);
  });
});

describe('accounts repository (real SQLite)', () => {
  let dir: string;
  let db: Db;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ministudio-accounts-'));
    const file = path.join(dir, 'ministudio.db');
    applyMigrations(file, COMMITTED_MIGRATIONS_DIR);
    db = createDb(file);
  });
  afterAll(async () => {
    await db.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  });

  it('makes users with checked names, passwords and roles, and never returns the hash', async () => {
    const accounts = createAccountsRepository(db);
    const ana = await accounts.createUser({ name: 'ana', password: 'a long password', role: 'owner' });
    expect(ana).toMatchObject({ name: 'ana', role: 'owner' });
    expect(JSON.stringify(await accounts.listUsers())).not.toContain('scrypt');
    await expect(
      accounts.createUser({ name: 'ana', password: 'a long password', role: 'viewer' }),
    ).rejects.toThrow(AccountError);
    await expect(
      accounts.createUser({ name: 'bo', password: 'short', role: 'viewer' }),
    ).rejects.toMatchObject({
      code: 'weak_password',
    });
    await expect(
      accounts.createUser({ name: 'bad name!', password: 'a long password', role: 'viewer' }),
    ).rejects.toMatchObject({ code: 'invalid_name' });
    expect(await accounts.checkPassword('ana', 'a long password')).toMatchObject({ id: ana.id });
    expect(await accounts.checkPassword('ana', 'wrong password')).toBeNull();
    expect(await accounts.checkPassword('nobody', 'a long password')).toBeNull();
    await expect(accounts.deleteUser(ana.id)).rejects.toMatchObject({ code: 'last_owner' });
  });

  it('keeps sessions and tokens as hashes only; a revoked token signs nothing in', async () => {
    const accounts = createAccountsRepository(db);
    const [ana] = await accounts.listUsers();
    const session = await accounts.createSession(ana!.id);
    expect((await accounts.userForSession(session.secret))?.name).toBe('ana');
    const stored = await db.session.findMany();
    expect(stored.map((s) => s.id)).toContain(hashSecret(session.secret));
    expect(JSON.stringify(stored)).not.toContain(session.secret);
    await accounts.endSession(session.secret);
    expect(await accounts.userForSession(session.secret)).toBeNull();

    const { token, view } = await accounts.createToken({ name: 'ci', role: 'editor', createdBy: ana!.id });
    expect(token).toMatch(/^mst_/);
    expect(JSON.stringify(await db.apiToken.findMany())).not.toContain(token);
    expect(await accounts.roleForToken(token)).toMatchObject({ id: view.id, role: 'editor' });
    expect((await accounts.listTokens())[0]!.lastUsedAt).not.toBeNull();
    await accounts.revokeToken(view.id);
    expect(await accounts.roleForToken(token)).toBeNull();
    expect(await accounts.roleForToken('mst_made-up')).toBeNull();
  });
});
