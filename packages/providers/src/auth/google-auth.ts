import { createSign } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { ProviderHttp } from '../http/client';

export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
export const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';

export interface ServiceAccount {
  client_email: string;
  private_key: string;
  token_uri?: string;
}

const b64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

/** A signed RS256 JWT assertion for the OAuth 2.0 JWT-bearer grant (RFC 7523). */
export function signServiceAccountJwt(
  account: ServiceAccount,
  audience: string,
  scope: string,
  nowSeconds: number,
): string {
  const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
  const claims = b64url(
    JSON.stringify({
      iss: account.client_email,
      scope,
      aud: audience,
      iat: nowSeconds,
      exp: nowSeconds + 3600,
    }),
  );
  const signer = createSign('RSA-SHA256');
  signer.update(`${header}.${claims}`);
  return `${header}.${claims}.${b64url(signer.sign(account.private_key))}`;
}

export interface GoogleAuthSettings {
  /** GOOGLE_ACCESS_TOKEN: a ready token (e.g. from `gcloud auth print-access-token`). */
  accessToken: string | null;
  /** GOOGLE_APPLICATION_CREDENTIALS: path to a service-account JSON file. */
  credentialsPath: string | null;
  /** Token endpoint override (MINISTUDIO_GOOGLE_TOKEN_URL); else the file's token_uri, else Google's. */
  tokenUrl: string | null;
}

/** Access tokens for Google Cloud APIs, from a static token or a service account, cached until near expiry. */
export class GoogleAuth {
  private cached: { token: string; expiresAt: number } | null = null;
  private privateKey: string | null = null;

  constructor(private readonly settings: GoogleAuthSettings) {}

  configured(): boolean {
    return this.settings.accessToken !== null || this.settings.credentialsPath !== null;
  }

  /** Everything this object knows that must never be shown. */
  secrets(): string[] {
    return [this.settings.accessToken, this.privateKey, this.cached?.token ?? null].filter(
      (s): s is string => s !== null,
    );
  }

  async token(http: ProviderHttp, signal: AbortSignal): Promise<string> {
    if (this.settings.accessToken !== null) return this.settings.accessToken;
    if (this.settings.credentialsPath === null) throw http.fail('provider_rejected_input', 'not configured');
    if (this.cached !== null && this.cached.expiresAt > Date.now() + 60_000) return this.cached.token;
    const account = await this.readAccount(http);
    const tokenUrl = this.settings.tokenUrl ?? account.token_uri ?? GOOGLE_TOKEN_URL;
    const assertion = signServiceAccountJwt(
      account,
      tokenUrl,
      CLOUD_PLATFORM_SCOPE,
      Math.floor(Date.now() / 1000),
    );
    const { body } = await http.json<{ access_token?: unknown; expires_in?: unknown }>(
      'getting an access token',
      tokenUrl,
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
          assertion,
        }).toString(),
      },
      signal,
    );
    if (typeof body.access_token !== 'string')
      throw http.fail('provider_unavailable', 'the token endpoint sent no token');
    const seconds = typeof body.expires_in === 'number' ? body.expires_in : 3600;
    this.cached = { token: body.access_token, expiresAt: Date.now() + seconds * 1000 };
    return body.access_token;
  }

  private async readAccount(http: ProviderHttp): Promise<ServiceAccount> {
    let parsed: Partial<ServiceAccount>;
    try {
      parsed = JSON.parse(
        await readFile(this.settings.credentialsPath ?? '', 'utf8'),
      ) as Partial<ServiceAccount>;
    } catch {
      throw http.fail(
        'provider_rejected_input',
        'the service-account file (GOOGLE_APPLICATION_CREDENTIALS) could not be read',
      );
    }
    if (typeof parsed.client_email !== 'string' || typeof parsed.private_key !== 'string') {
      throw http.fail(
        'provider_rejected_input',
        'the service-account file lacks client_email or private_key',
      );
    }
    this.privateKey = parsed.private_key;
    return parsed as ServiceAccount;
  }
}
