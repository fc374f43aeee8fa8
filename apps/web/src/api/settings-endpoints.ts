import type { PatchProjectBody, SettingsImpact, VoiceInfo, VoiceSampleBody } from '@ministudio/domain';
import { ApiError, apiRequest } from './http';

// The settings panel's reads: what a change would make stale, the voices, and a spoken sample.

const enc = encodeURIComponent;

/** How many rendered shots the change would make stale; applies nothing. */
export const settingsImpact = (projectId: string, body: PatchProjectBody) =>
  apiRequest<SettingsImpact>({
    method: 'POST',
    path: `/api/projects/${enc(projectId)}/settings-impact`,
    body,
    ifMatch: null,
  });

export const listVoices = (providerId: string) =>
  apiRequest<VoiceInfo[]>({
    method: 'GET',
    path: `/api/providers/${enc(providerId)}/voices`,
    body: null,
    ifMatch: null,
  });

/** A sample line in the voice, as an object URL to play (revoke it when done). */
export async function voiceSampleUrl(providerId: string, body: VoiceSampleBody): Promise<string> {
  const path = `/api/providers/${enc(providerId)}/voices/sample`;
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).catch(() => null);
  if (!response) throw new ApiError(0, 'network', 'The server could not be reached.', null);
  if (!response.ok) {
    const data = (await response.json().catch(() => null)) as {
      error?: { code: string; message: string };
    } | null;
    throw new ApiError(
      response.status,
      data?.error?.code ?? 'internal',
      data?.error?.message ?? 'The sample could not be made',
      null,
    );
  }
  return URL.createObjectURL(await response.blob());
}
