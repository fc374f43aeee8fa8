import { randomUUID } from 'node:crypto';
import type { Db } from '@ministudio/db';
import type { TokenView, UserView } from '@ministudio/domain';
import { hashPassword, passwordProblem, verifyPassword } from './password';
import { isRole, type Role } from './roles';
import { hashSecret, newSecret } from './secrets';

export const SESSION_DAYS = 30;
const SESSION_PREFIX = 'mss_';
const TOKEN_PREFIX = 'mst_';
export const NAME_PATTERN = /^[\p{L}\p{N}._@-]{1,64}$/u;

/** A refusal a person can fix: the API answers it as 4xx with this code. */
export class AccountError extends Error {
  constructor(
    readonly code:
      | 'invalid_name'
      | 'weak_password'
      | 'invalid_role'
      | 'name_taken'
      | 'last_owner'
      | 'not_found',
    message: string,
  ) {
    super(message);
    this.name = 'AccountError';
  }
}

type UserRow = { id: string; name: string; role: string; createdAt: Date };
type TokenRow = {
  id: string;
  name: string;
  role: string;
  createdBy: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

// Roles are checked when written, so a row's role is always one of ROLES; viewer is the safe reading
// of anything else (a database edited by hand).
const roleOf = (value: string): Role => (isRole(value) ? value : 'viewer');
const userView = (u: UserRow): UserView => ({
  id: u.id,
  name: u.name,
  role: roleOf(u.role),
  createdAt: u.createdAt.toISOString(),
});
const tokenView = (t: TokenRow): TokenView => ({
  id: t.id,
  name: t.name,
  role: roleOf(t.role),
  createdBy: t.createdBy,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
});

export type AccountsRepository = ReturnType<typeof createAccountsRepository>;

/** Users, their browser sessions and API tokens. Secrets are returned once, when made, and stored hashed. */
export function createAccountsRepository(db: Db) {
  return {
    countUsers: () => db.user.count(),

    async listUsers(): Promise<UserView[]> {
      return (await db.user.findMany({ orderBy: { createdAt: 'asc' } })).map(userView);
    },

    async createUser(input: { name: string; password: string; role: Role }): Promise<UserView> {
      const name = input.name.trim();
      if (!NAME_PATTERN.test(name)) {
        throw new AccountError(
          'invalid_name',
          'A name is 1–64 letters, digits, dots, dashes, underscores or @.',
        );
      }
      const problem = passwordProblem(input.password);
      if (problem) throw new AccountError('weak_password', `The password ${problem}.`);
      if (!isRole(input.role)) throw new AccountError('invalid_role', 'The role is owner, editor or viewer.');
      if (await db.user.findUnique({ where: { name } })) {
        throw new AccountError('name_taken', `There is already an account named "${name}".`);
      }
      const row = await db.user.create({
        data: { id: randomUUID(), name, role: input.role, passwordHash: await hashPassword(input.password) },
      });
      return userView(row);
    },

    async deleteUser(id: string): Promise<void> {
      await db.$transaction(async (tx) => {
        const user = await tx.user.findUnique({ where: { id } });
        if (!user) throw new AccountError('not_found', 'No such account.');
        if (user.role === 'owner' && (await tx.user.count({ where: { role: 'owner' } })) === 1) {
          throw new AccountError('last_owner', 'This is the last owner: make another owner first.');
        }
        await tx.user.delete({ where: { id } });
      });
    },

    /** The user when the name and password match; null otherwise (the caller cannot tell which was wrong). */
    async checkPassword(name: string, password: string): Promise<UserView | null> {
      const user = await db.user.findUnique({ where: { name: name.trim() } });
      if (!user) {
        // The same work as a real check, so the answer's timing does not say whether the name exists.
        await verifyPassword(password, await dummyHash());
        return null;
      }
      return (await verifyPassword(password, user.passwordHash)) ? userView(user) : null;
    },

    async createSession(userId: string): Promise<{ secret: string; expiresAt: Date }> {
      const secret = newSecret(SESSION_PREFIX);
      const expiresAt = new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000);
      await db.session.create({ data: { id: hashSecret(secret), userId, expiresAt } });
      return { secret, expiresAt };
    },

    async userForSession(secret: string): Promise<UserView | null> {
      if (!secret.startsWith(SESSION_PREFIX)) return null;
      const session = await db.session.findUnique({
        where: { id: hashSecret(secret) },
        include: { user: true },
      });
      if (!session || session.expiresAt.getTime() <= Date.now()) return null;
      return userView(session.user);
    },

    async endSession(secret: string): Promise<void> {
      await db.session.deleteMany({ where: { id: hashSecret(secret) } });
    },

    async listTokens(): Promise<TokenView[]> {
      return (await db.apiToken.findMany({ orderBy: { createdAt: 'asc' } })).map(tokenView);
    },

    async createToken(input: { name: string; role: Role; createdBy: string | null }) {
      const name = input.name.trim();
      if (name.length < 1 || name.length > 80)
        throw new AccountError('invalid_name', 'A token name is 1–80 characters.');
      if (!isRole(input.role)) throw new AccountError('invalid_role', 'The role is owner, editor or viewer.');
      const secret = newSecret(TOKEN_PREFIX);
      const row = await db.apiToken.create({
        data: {
          id: randomUUID(),
          name,
          role: input.role,
          tokenHash: hashSecret(secret),
          createdBy: input.createdBy,
        },
      });
      return { token: secret, view: tokenView(row) };
    },

    /** The token's role when it is known and not revoked; marks it used. */
    async roleForToken(secret: string): Promise<{ id: string; name: string; role: Role } | null> {
      if (!secret.startsWith(TOKEN_PREFIX)) return null;
      const row = await db.apiToken.findUnique({ where: { tokenHash: hashSecret(secret) } });
      if (!row || row.revokedAt) return null;
      await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
      return { id: row.id, name: row.name, role: roleOf(row.role) };
    },

    async revokeToken(id: string): Promise<TokenView> {
      const row = await db.apiToken.findUnique({ where: { id } });
      if (!row) throw new AccountError('not_found', 'No such token.');
      return tokenView(
        row.revokedAt ? row : await db.apiToken.update({ where: { id }, data: { revokedAt: new Date() } }),
      );
    },
  };
}

// A real scrypt hash of a random password, checked against when the name is unknown; made once, when
// first needed.
let dummy: Promise<string> | null = null;
const dummyHash = () => {
  dummy ??= hashPassword(newSecret(''));
  return dummy;
};
