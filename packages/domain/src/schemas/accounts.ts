import Type, { type Static } from 'typebox';
import { Nullable, StringEnum } from './helpers';

// Accounts, sign-in and API tokens (docs/api.md, "Accounts"): one definition for the API, the editor and
// the CLI. Roles are ordered: each may do everything the ones before it may.

export const ROLES = ['viewer', 'editor', 'owner'] as const;
export type Role = (typeof ROLES)[number];

export const UserView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  role: StringEnum(ROLES),
  createdAt: Type.String(),
});
export type UserView = Static<typeof UserView>;

export const TokenView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  role: StringEnum(ROLES),
  createdBy: Nullable(Type.String()),
  createdAt: Type.String(),
  lastUsedAt: Nullable(Type.String()),
  revokedAt: Nullable(Type.String()),
});
export type TokenView = Static<typeof TokenView>;

/** `open`: no accounts yet, the studio on loopback is its one person's, who may do everything. */
export const SessionView = Type.Object({
  mode: StringEnum(['open', 'accounts'] as const),
  user: Nullable(Type.Object({ name: Type.String(), role: StringEnum(ROLES) })),
});
export type SessionView = Static<typeof SessionView>;

export const SignInBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
);
export type SignInBody = Static<typeof SignInBody>;

export const CreateUserBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
    role: StringEnum(ROLES),
  },
  { additionalProperties: false },
);
export type CreateUserBody = Static<typeof CreateUserBody>;

export const CreateTokenBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 80 }), role: StringEnum(ROLES) },
  { additionalProperties: false },
);
export type CreateTokenBody = Static<typeof CreateTokenBody>;

/** The only time a token's secret is sent: when it is made. */
export const CreatedToken = Type.Object({ token: Type.String(), tokenInfo: TokenView });
export type CreatedToken = Static<typeof CreatedToken>;
