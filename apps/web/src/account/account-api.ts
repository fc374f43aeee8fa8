import type {
  CreatedToken,
  CreateTokenBody,
  CreateUserBody,
  SessionView,
  SignInBody,
  TokenView,
  UserView,
} from '@ministudio/domain';
import { apiRequest } from '../api/http';

// Typed wrappers over the accounts routes (apps/api/src/routes/accounts.ts).

const enc = encodeURIComponent;
const get = <T>(path: string) => apiRequest<T>({ method: 'GET', path, body: null, ifMatch: null });

export const sessionKey = ['auth-session'] as const;
export const usersKey = ['users'] as const;
export const tokensKey = ['tokens'] as const;

export const getSession = () => get<SessionView>('/api/auth/session');
export const signIn = (body: SignInBody) =>
  apiRequest<UserView>({ method: 'POST', path: '/api/auth/sign-in', body, ifMatch: null });
export const signOut = () =>
  apiRequest<null>({ method: 'POST', path: '/api/auth/sign-out', body: null, ifMatch: null });

export const listUsers = () => get<UserView[]>('/api/users');
export const createUser = (body: CreateUserBody) =>
  apiRequest<UserView>({ method: 'POST', path: '/api/users', body, ifMatch: null });
export const deleteUser = (id: string) =>
  apiRequest<null>({ method: 'DELETE', path: `/api/users/${enc(id)}`, body: null, ifMatch: null });

export const listTokens = () => get<TokenView[]>('/api/tokens');
export const createToken = (body: CreateTokenBody) =>
  apiRequest<CreatedToken>({ method: 'POST', path: '/api/tokens', body, ifMatch: null });
export const revokeToken = (id: string) =>
  apiRequest<TokenView>({ method: 'DELETE', path: `/api/tokens/${enc(id)}`, body: null, ifMatch: null });
