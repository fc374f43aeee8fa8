import { randomBytes } from 'node:crypto';
import type { VideoRequest } from '@ministudio/domain';
import { findSpec } from '../capability-tables';
import { applyAdjustments, checkInputOf, checkRequest } from '../check-request';
import type { ProviderHttp } from '../http/client';
import type { PollSettings } from '../http/poll';
import type { ModelSpec } from '../model-spec';

export interface Prepared {
  spec: ModelSpec;
  request: VideoRequest;
  notes: string[];
}

/**
 * The adapter's own guard: refuse what the table forbids before spending money, and apply the
 * adjustments (nearest duration, size, dropped seed) so the pipeline may pass the shot as it is.
 */
export function prepareVideo(http: ProviderHttp, specs: ModelSpec[], request: VideoRequest): Prepared {
  const spec = findSpec(specs, request.model);
  if (spec === null) {
    throw http.fail(
      'provider_rejected_input',
      `unknown model "${request.model}" (known: ${specs.map((s) => s.capabilities.model).join(', ')})`,
    );
  }
  const { violations, adjustments } = checkRequest(spec.capabilities, checkInputOf(request));
  if (violations.length > 0) {
    throw http.fail('provider_rejected_input', violations.map((v) => `${v.message} ${v.fix}`).join(' '));
  }
  return {
    spec,
    request: applyAdjustments(spec.capabilities, request, adjustments),
    notes: adjustments.map((a) => a.note),
  };
}

export function resultBaseName(provider: string, request: VideoRequest): string {
  const shot = request.shot.shotKey.replace(/[^a-zA-Z0-9_-]/g, '_').slice(0, 40);
  return `${provider}-${shot}-${randomBytes(4).toString('hex')}`;
}

export interface AdapterOptions {
  fetch: typeof fetch;
  log: (line: string) => void;
  requestTimeoutMs: number;
  poll: PollSettings;
}
