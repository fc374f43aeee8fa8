import { createHash, randomBytes } from 'node:crypto';

// Session cookies and API tokens are random secrets the database only holds as SHA-256: a copy of the
// database (a backup, a stolen disk) signs nobody in. 32 random bytes need no slow hash.

/** A new secret, e.g. `mst_…` for an API token (the prefix tells a person what they are holding). */
export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
