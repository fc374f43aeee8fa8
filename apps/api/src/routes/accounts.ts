import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AccountError, SignInThrottle } from '@ministudio/accounts';
import {
  CreatedToken,
  CreateTokenBody,
  CreateUserBody,
  ErrorBody,
  SessionView,
  SignInBody,
  TokenView,
  UserView,
} from '@ministudio/domain';
import type { FastifyReply } from 'fastify';
import Type from 'typebox';
import { HttpError } from '../lib/http-error';
import { IdParams } from './common';

const tags = ['accounts'];
// Per account: guessing one person's password. Per address: one machine trying many accounts; higher,
// because a whole office may sign in from one address.
const ACCOUNT_FAILURES = 5;
const ADDRESS_FAILURES = 20;
const FAILURE_WINDOW_MS = 15 * 60 * 1000;

function accountRefusal(error: unknown): never {
  if (!(error instanceof AccountError)) throw error;
  const code =
    error.code === 'invalid_name' || error.code === 'weak_password' || error.code === 'invalid_role';
  throw new HttpError(code ? 'validation_failed' : error.code, error.message, { reason: error.code });
}

/**
 * Sign-in and sign-out for the editor, and the owner's users and API tokens. Sessions are HttpOnly,
 * SameSite=Lax cookies (Secure behind https); tokens are shown once, when made.
 */
const accounts: FastifyPluginAsyncTypebox = async (app) => {
  const repository = app.accounts;
  const perAccount = new SignInThrottle({ maxFailures: ACCOUNT_FAILURES, windowMs: FAILURE_WINDOW_MS });
  const perAddress = new SignInThrottle({ maxFailures: ADDRESS_FAILURES, windowMs: FAILURE_WINDOW_MS });

  async function startSession(reply: FastifyReply, userId: string) {
    const session = await repository.createSession(userId);
    reply.setCookie(app.sessionCookie.name, session.secret, {
      httpOnly: true,
      sameSite: 'lax',
      secure: app.sessionCookie.secure,
      path: '/',
      expires: session.expiresAt,
    });
  }

  app.get(
    '/api/auth/session',
    {
      config: { access: 'public' },
      schema: {
        tags,
        description: 'Who is signed in, and whether the studio has accounts at all.',
        response: { 200: SessionView },
      },
    },
    async (request) => {
      const mode: SessionView['mode'] = (await app.hasAccounts()) ? 'accounts' : 'open';
      const p = request.principal;
      return { mode, user: p && p.kind !== 'worker' ? { name: p.name, role: p.role } : null };
    },
  );

  app.post(
    '/api/auth/sign-in',
    {
      config: { access: 'public' },
      schema: {
        tags,
        description: `Signs in with name and password; sets the session cookie. After ${ACCOUNT_FAILURES} failures in 15 minutes for one account, or ${ADDRESS_FAILURES} from one address, answers 429 until the window passes.`,
        body: SignInBody,
        response: { 200: UserView, 400: ErrorBody, 401: ErrorBody, 429: ErrorBody },
      },
    },
    async (request, reply) => {
      const account = [request.body.name.trim().toLowerCase()];
      const address = [request.ip];
      const wait = Math.max(perAccount.retryAfterSeconds(account), perAddress.retryAfterSeconds(address));
      if (wait > 0) {
        reply.header('retry-after', String(wait));
        throw new HttpError('too_many_attempts', `Too many failed sign-ins: try again in ${wait} s.`, {
          retryAfterSeconds: wait,
        });
      }
      const user = await repository.checkPassword(request.body.name, request.body.password);
      if (!user) {
        perAccount.fail(account);
        perAddress.fail(address);
        throw new HttpError('invalid_credentials', 'That name and password do not match an account.');
      }
      // Only the account's count: a person signing in from a shared address does not clear others' failures.
      perAccount.succeed(account);
      await startSession(reply, user.id);
      return user;
    },
  );

  app.post(
    '/api/auth/sign-out',
    {
      config: { access: 'public' },
      schema: { tags, description: 'Ends this browser’s session.', response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      const secret = request.cookies[app.sessionCookie.name];
      if (secret) await repository.endSession(secret);
      reply.clearCookie(app.sessionCookie.name, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/users',
    {
      config: { access: 'owner' },
      schema: { tags, description: 'Every account.', response: { 200: Type.Array(UserView) } },
    },
    async () => repository.listUsers(),
  );

  app.post(
    '/api/users',
    {
      config: { access: 'owner' },
      schema: {
        tags,
        description:
          'Makes an account. The first one must be an owner; making it from the open studio signs this browser in as that owner.',
        body: CreateUserBody,
        response: { 201: UserView, 400: ErrorBody, 409: ErrorBody },
      },
    },
    async (request, reply) => {
      const first = !(await app.hasAccounts());
      if (first && request.body.role !== 'owner') {
        throw new HttpError('validation_failed', 'The first account must be an owner.', {
          issues: [{ path: 'body/role', message: 'must be owner for the first account' }],
        });
      }
      const user = await repository.createUser(request.body).catch(accountRefusal);
      await app.hasAccounts();
      if (first) await startSession(reply, user.id);
      return reply.status(201).send(user);
    },
  );

  app.delete(
    '/api/users/:id',
    {
      config: { access: 'owner' },
      schema: {
        tags,
        description: 'Removes an account and its sessions. The last owner cannot be removed.',
        params: IdParams,
        response: { 204: Type.Null(), 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request, reply) => {
      await repository.deleteUser(request.params.id).catch(accountRefusal);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/tokens',
    {
      config: { access: 'owner' },
      schema: {
        tags,
        description: 'API tokens, without their secrets.',
        response: { 200: Type.Array(TokenView) },
      },
    },
    async () => repository.listTokens(),
  );

  app.post(
    '/api/tokens',
    {
      config: { access: 'owner' },
      schema: {
        tags,
        description:
          'Makes an API token with a role. Its secret is in this answer only: it is stored hashed.',
        body: CreateTokenBody,
        response: { 201: CreatedToken, 400: ErrorBody },
      },
    },
    async (request, reply) => {
      const { token, view } = await repository
        .createToken({ ...request.body, createdBy: request.principal?.userId ?? null })
        .catch(accountRefusal);
      return reply.status(201).send({ token, tokenInfo: view });
    },
  );

  app.delete(
    '/api/tokens/:id',
    {
      config: { access: 'owner' },
      schema: {
        tags,
        description: 'Revokes a token: it signs nothing in from now on.',
        params: IdParams,
        response: { 200: TokenView, 404: ErrorBody },
      },
    },
    async (request) => repository.revokeToken(request.params.id).catch(accountRefusal),
  );
};

export default accounts;
